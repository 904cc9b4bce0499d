import { renderPdf } from '../../../documents/pdf.ts';
import type { TAssessmentDocModel, TDocField } from './build-assessment-model.ts';

/* Pure renderers of an assessment document model: PDF bytes, and JSON for machines. */

export function renderAssessmentPdf(m: TAssessmentDocModel): Promise<Buffer> {
  return renderPdf(
    { title: `${m.title} — ${m.reference}`, author: m.author, lang: m.lang, createdAt: m.createdAt, pageLabel: m.pageLabel, footer: m.footer },
    (w) => {
      w.title(m.title, m.legalBasis);
      w.facts(m.facts.map((f) => [f.label, f.value]));
      if (m.draftNotice) w.paragraph(m.draftNotice, { italic: true });
      w.heading(m.summary.label);
      w.paragraph(m.summary.value || m.emptyValue, { muted: !m.summary.value });
      if (m.fria) {
        w.heading(m.fria.heading);
        for (const s of m.fria.sections) {
          w.heading(s.heading, 2);
          for (const f of s.fields) {
            if (s.fields.length === 1) w.paragraph(f.value || m.emptyValue, { muted: !f.value });
            else w.field(f.label, f.value, m.emptyValue);
          }
        }
      }
      w.heading(m.affected.heading);
      if (m.affected.items.length === 0) w.paragraph(m.affected.none, { muted: true });
      for (const a of m.affected.items) w.field(`${a.scopeLabel} — ${a.name}`, a.description, m.emptyValue);
      w.heading(m.impacts.heading);
      if (m.impacts.items.length === 0) w.paragraph(m.impacts.none, { muted: true });
      for (const i of m.impacts.items) {
        w.box(() => {
          w.heading(i.heading, 2);
          if (i.significant) w.paragraph(m.impacts.significantLabel, { italic: true });
          for (const f of i.fields) w.field(f.label, f.value, m.emptyValue);
        });
      }
      w.heading(m.conclusion.label);
      w.paragraph(m.conclusion.value || m.emptyValue, { muted: !m.conclusion.value });
    },
  );
}

const entry = (f: TDocField) => ({ label: f.label, value: f.value });
const fieldsOf = (fields: TDocField[]) => Object.fromEntries(fields.map((f) => [f.key, entry(f)]));

/**
 * The same content for machines (and for pasting into the AI Office notification template): codes
 * where a value is an enum, the words of the chosen language beside them.
 */
export function renderAssessmentJson(m: TAssessmentDocModel, ids: { assessmentId: string; aiSystemId: string; version: number; status: string }) {
  return {
    format: 'attest-impact-assessment/1',
    language: m.lang,
    title: m.title,
    legalBasis: m.legalBasis,
    reference: m.reference,
    generatedAt: m.createdAt.toISOString(),
    ids,
    approved: m.approved,
    facts: fieldsOf(m.facts),
    summary: entry(m.summary),
    fria: m.fria ? { heading: m.fria.heading, sections: m.fria.sections.map((s) => ({ point: s.key, heading: s.heading, fields: fieldsOf(s.fields) })) } : null,
    affected: m.affected.items,
    impacts: m.impacts.items.map((i) => ({ ...i.codes, key: i.key, heading: i.heading, significant: i.significant, fields: fieldsOf(i.fields) })),
    conclusion: entry(m.conclusion),
  };
}

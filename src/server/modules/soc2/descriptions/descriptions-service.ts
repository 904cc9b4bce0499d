import type { Transaction } from 'kysely';
import type { DB } from '../../../db/types.ts';
import type { TPlatform } from '../../../platform/platform.ts';
import type { TActor } from '../../../platform/authz/actor.ts';
import type { TTenantGrant } from '../../../platform/authz/authz.ts';
import type { TRequestContext } from '../../../platform/audit-log/audit-log.ts';
import { examinationLogs, examinationParties, recordInBothLogs } from '../shared-audit.ts';
import { AppError, notFound } from '../../../platform/errors/errors.ts';
import { SOC2_DESCRIPTION_SECTIONS } from '../../../../shared/contracts/soc2.ts';
import {
  ZSaveSoc2DescriptionBody,
  ZSignOffSoc2DescriptionBody,
  type TSaveSoc2DescriptionBody,
  type TSignOffSoc2DescriptionBody,
  type TSoc2Description,
  type TSoc2DescriptionVersion,
} from '../../../../shared/contracts/soc2-descriptions.ts';
import * as exams from '../examinations/examinations-repo.ts';
import { contentSha256, missingParts } from './description-content.ts';
import * as repo from './descriptions-repo.ts';

/*
 * Management's system description. The organization writes it through its engagement; the rows
 * belong to the firm. One draft at a time: saving with no draft starts version n+1 from the latest
 * version's text; sign-off freezes the draft with the SHA-256 of its canonical content and only
 * then supersedes the previously signed version, so there is always one signed version to read
 * while the next is written. Every save and sign-off is in both tenants' logs.
 */

type TDeps = Pick<TPlatform, 'db' | 'authz' | 'clock'>;
const iso = (d: Date | string) => new Date(d).toISOString();

export function versionDto(r: repo.TDescriptionRow): TSoc2DescriptionVersion {
  return {
    id: r.id,
    version: r.version,
    state: r.state,
    sections: Object.fromEntries(SOC2_DESCRIPTION_SECTIONS.map((s) => [s, r.sections[s] ?? ''])),
    assertion: r.assertion,
    contentSha256: r.content_sha256 ?? contentSha256(r.sections, r.assertion),
    signedOff: r.signed_off_at ? { by: r.signed_off_by, name: r.signed_off_name ?? '', title: r.signed_off_title ?? '', at: iso(r.signed_off_at) } : null,
    updatedBy: r.updated_by,
    updatedAt: iso(r.updated_at),
  };
}

async function recordInBoth(tx: Transaction<DB>, actor: TActor | null, ctx: TRequestContext, x: exams.TExaminationRow, event: { action: 'soc2_description.saved' | 'soc2_description.signed_off'; after: Record<string, unknown> }) {
  await recordInBothLogs(tx, actor, ctx, examinationLogs(x), { action: event.action, after: { ...examinationParties(x), ...event.after } });
}

export function createSoc2DescriptionsService(p: TDeps) {
  async function view(grant: TTenantGrant, x: exams.TExaminationRow): Promise<TSoc2Description> {
    const rows = await repo.versions(p.db, x.tenant_id, x.id);
    const abilities = grant.kind === 'organization' ? p.authz.abilities(grant, 'orgSoc2Examination', { state: x.state }) : { 'soc2Description.write': false, 'soc2Description.signOff': false };
    return {
      examinationId: x.id,
      versions: rows.map(versionDto),
      abilities: { 'soc2Description.write': abilities['soc2Description.write'], 'soc2Description.signOff': abilities['soc2Description.signOff'] },
    };
  }

  return {
    /** The firm reads every version (draft included: it follows the organization's work). */
    async forFirm(actor: TActor | null, tenantId: string, examinationId: string): Promise<TSoc2Description> {
      const grant = await p.authz.assert(actor, 'soc2Examination.read', { tenantId });
      const x = await exams.firmExamination(p.db, tenantId, examinationId);
      if (!x) throw notFound('Examination');
      return view(grant, x);
    },

    async forOrganization(actor: TActor | null, tenantId: string, examinationId: string): Promise<TSoc2Description> {
      const grant = await p.authz.assert(actor, 'orgSoc2Examination.read', { tenantId });
      const x = await exams.orgExamination(p.db, tenantId, examinationId);
      if (!x) throw notFound('Examination');
      return view(grant, x);
    },

    /** Saves the draft (starting version n+1 from the latest text when there is none). */
    async save(actor: TActor | null, tenantId: string, examinationId: string, body: TSaveSoc2DescriptionBody, ctx: TRequestContext): Promise<TSoc2Description> {
      const grant = await p.authz.assert(actor, 'soc2Description.write', { tenantId });
      const input = ZSaveSoc2DescriptionBody.parse(body);
      const userId = actor?.type === 'user' ? actor.userId : null;
      const x = await p.db.transaction().execute(async (tx) => {
        const x = await exams.orgExamination(tx, tenantId, examinationId, true);
        if (!x) throw notFound('Examination');
        p.authz.assertOn(grant, 'soc2Description.write', { state: x.state });
        const [latest] = await repo.versions(tx, x.tenant_id, x.id, true);
        const now = p.clock.now();
        const base = latest ?? null;
        const baseSections = base?.sections ?? {};
        const sent = Object.fromEntries(Object.entries(input.sections).filter(([, v]) => v !== undefined)) as Record<string, string>;
        const sections = { ...Object.fromEntries(SOC2_DESCRIPTION_SECTIONS.map((s) => [s, baseSections[s] ?? ''])), ...sent };
        const assertion = input.assertion ?? base?.assertion ?? '';
        const changed = SOC2_DESCRIPTION_SECTIONS.filter((s) => (baseSections[s] ?? '') !== sections[s]);
        const assertionChanged = assertion !== (base?.assertion ?? '');
        const started = !base || base.state !== 'draft';
        if (!started && changed.length === 0 && !assertionChanged) return x;
        const version = started ? (base?.version ?? 0) + 1 : base!.version;
        if (started) await repo.insertDraft(tx, x.tenant_id, x.id, version, sections, assertion, userId, now);
        else await repo.updateDraft(tx, x.tenant_id, base!.id, sections, assertion, userId, now);
        await recordInBoth(tx, actor, ctx, x, { action: 'soc2_description.saved', after: { version, sections: changed, assertion: assertionChanged, started } });
        return x;
      });
      return view(grant, x);
    },

    /** Management's sign-off of the draft by an owner or administrator, with their name and title. */
    async signOff(actor: TActor | null, tenantId: string, examinationId: string, body: TSignOffSoc2DescriptionBody, ctx: TRequestContext): Promise<TSoc2Description> {
      const grant = await p.authz.assert(actor, 'soc2Description.signOff', { tenantId });
      if (actor?.type !== 'user') throw new AppError(403, 'person_required', 'Management’s sign-off is given by a person, not an API token.');
      const input = ZSignOffSoc2DescriptionBody.parse(body);
      const x = await p.db.transaction().execute(async (tx) => {
        const x = await exams.orgExamination(tx, tenantId, examinationId, true);
        if (!x) throw notFound('Examination');
        p.authz.assertOn(grant, 'soc2Description.signOff', { state: x.state });
        const all = await repo.versions(tx, x.tenant_id, x.id, true);
        const draft = all.find((v) => v.state === 'draft');
        if (!draft) throw new AppError(409, 'soc2_description_signed_off', 'There is no draft to sign off: the latest version is already signed off.', { version: all[0]?.version ?? null });
        const sha = contentSha256(draft.sections, draft.assertion);
        if (sha !== input.contentSha256) throw new AppError(409, 'soc2_description_changed', 'The draft changed since it was read: reload it before signing off.', { contentSha256: sha });
        const missing = missingParts(draft.sections, draft.assertion);
        if (missing.length) throw new AppError(400, 'soc2_description_incomplete', 'Every section and management’s assertion must be written before sign-off.', { missing });
        const previous = all.find((v) => v.state === 'signed_off');
        const now = p.clock.now();
        await repo.signOff(tx, x.tenant_id, draft.id, { sha, userId: actor.userId, name: input.name, title: input.title }, now);
        await repo.supersede(tx, x.tenant_id, x.id, draft.id);
        await recordInBoth(tx, actor, ctx, x, {
          action: 'soc2_description.signed_off',
          after: { version: draft.version, name: input.name, title: input.title, contentSha256: sha, superseded: previous?.version ?? null },
        });
        return x;
      });
      return view(grant, x);
    },
  };
}

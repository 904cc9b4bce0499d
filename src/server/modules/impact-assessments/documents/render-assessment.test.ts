import { extractText, getDocumentProxy } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { EMPTY_FRIA, type TAssessmentVersion } from '../../../../shared/contracts/impact-assessments.ts';
import { buildAssessmentModel, type TAssessmentDocSource } from './build-assessment-model.ts';
import { renderAssessmentJson, renderAssessmentPdf } from './render-assessment.ts';

const pdfText = async (bytes: Buffer) => {
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  const { text } = await extractText(pdf, { mergePages: true });
  return { text: text.replace(/\s+/g, ' '), pages: pdf.numPages };
};

const version: TAssessmentVersion = {
  version: 2,
  status: 'approved',
  content: {
    summary: 'Scoring des demandes de crédit à la consommation.',
    affected: [{ scope: 'individuals', name: 'Demandeurs de crédit', description: 'Particuliers majeurs, dont des clients « fragiles ».' }],
    impacts: [
      {
        key: '00000000-0000-4000-8000-000000000001',
        category: 'discrimination_fairness',
        description: 'Notes plus basses pour certains codes postaux.',
        affected: 'Demandeurs',
        severity: 4,
        likelihood: 3,
        reversibility: 'partly_reversible',
        mitigations: 'Tests de biais trimestriels.',
        riskId: '00000000-0000-4000-8000-0000000000aa',
      },
      {
        key: '00000000-0000-4000-8000-000000000002',
        category: 'environment',
        description: 'Calcul nocturne.',
        affected: '',
        severity: 1,
        likelihood: 5,
        reversibility: 'reversible',
        mitigations: '',
        riskId: null,
      },
    ],
    conclusion: 'Acceptable avec les mesures prévues.',
    nextReviewOn: '2027-11-23',
    fria: {
      ...EMPTY_FRIA,
      processes: 'Octroi de crédit à la consommation.',
      useFrom: '2026-12-01',
      useUntil: null,
      useFrequency: 'À chaque demande, environ 12 500 par mois.',
      affectedCategories: 'Demandeurs de crédit.',
      risksOfHarm: 'Refus de crédit injustifié.',
      humanOversight: 'Un analyste revoit chaque refus.',
      mitigationMeasures: 'Réexamen manuel sur demande.',
      governanceArrangements: 'Comité des risques de modèle, mensuel.',
      complaintMechanism: 'Formulaire de réclamation, réponse sous 30 jours.',
    },
  },
  createdBy: { id: '00000000-0000-4000-8000-00000000000c', name: 'Camille Durand' },
  createdAt: '2026-11-20T09:00:00.000Z',
  updatedAt: '2026-11-20T09:00:00.000Z',
  submittedBy: { id: '00000000-0000-4000-8000-00000000000c', name: 'Camille Durand' },
  submittedAt: '2026-11-21T09:00:00.000Z',
  approvedBy: { id: '00000000-0000-4000-8000-00000000000d', name: 'Élise Martin' },
  approvedAt: '2026-11-23T10:00:00.000Z',
  approvalComment: null,
  returnComment: null,
};
const src: TAssessmentDocSource = {
  organizationName: 'Lumière Crédit',
  aiSystem: { id: '00000000-0000-4000-8000-0000000000a1', name: 'Scoring crédit', annexIIIPoint: 'Annex III(5)(b)' },
  assessment: { id: 'abcdef12-0000-4000-8000-000000000001', title: 'AIDF scoring crédit', variant: 'fria' },
  version,
  significantSeverity: 4,
  generatedAt: new Date('2026-11-27T10:00:00Z'),
};

describe('impact assessment documents', () => {
  it('a French FRIA renders in French, accents and all, with the six art. 27(1) contents, dates per locale and page numbers', async () => {
    const { text, pages } = await pdfText(await renderAssessmentPdf(buildAssessmentModel(src, 'fr')));
    expect(pages).toBeGreaterThanOrEqual(1);
    for (const s of [
      'Analyse d’impact sur les droits fondamentaux',
      'Règlement (UE) 2024/1689',
      'Lumière Crédit',
      'Élise Martin',
      'IA-ABCDEF12-v2',
      '23 novembre 2026',
      '23 novembre 2027',
      'a) Processus dans lesquels le système est utilisé',
      'b) Période et fréquence d’utilisation',
      'À partir du 1er décembre 2026, sans date de fin',
      'c) Catégories de personnes et groupes concernés',
      'd) Risques spécifiques de préjudice',
      'e) Mesures de contrôle humain',
      'f) Mesures si les risques se matérialisent',
      'Mécanisme de réclamation',
      'Discrimination et équité — gravité 4 – élevé, probabilité 3 – moyen',
      'Impact significatif — risque au registre',
      'clients « fragiles »',
      `Page 1 sur ${pages}`,
    ])
      expect(text, s).toContain(s);
    expect(text).not.toContain('Non approuvée');
  });

  it('the same version in English: labels and dates change language, the person’s own text does not', async () => {
    const { text } = await pdfText(await renderAssessmentPdf(buildAssessmentModel(src, 'en')));
    for (const s of ['Fundamental rights impact assessment', 'Regulation (EU) 2024/1689', '23 November 2026', '(e) Human oversight measures', 'Un analyste revoit chaque refus.', 'Page 1 of'])
      expect(text, s).toContain(s);
  });

  it('a draft says it is not a result to notify; a standard assessment has no art. 27 section', async () => {
    const draft = { ...src, assessment: { ...src.assessment, variant: 'standard' as const }, version: { ...version, status: 'draft' as const, approvedBy: null, approvedAt: null } };
    const { text } = await pdfText(await renderAssessmentPdf(buildAssessmentModel(draft, 'en')));
    expect(text).toContain('AI system impact assessment');
    expect(text).toContain('Not approved — this version is a draft, not a result to notify');
    expect(text).not.toContain('article 27');
  });

  it('JSON carries the codes beside the words of the chosen language', () => {
    const json = renderAssessmentJson(buildAssessmentModel(src, 'fr'), { assessmentId: src.assessment.id, aiSystemId: src.aiSystem.id, version: 2, status: 'approved' });
    expect(json.format).toBe('attest-impact-assessment/1');
    expect(json.language).toBe('fr');
    expect(json.fria?.sections.map((s) => s.point)).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
    expect(json.fria?.sections[1]?.fields.period?.value).toBe('À partir du 1er décembre 2026, sans date de fin');
    expect(json.impacts[0]).toMatchObject({ category: 'discrimination_fairness', severity: 4, significant: true, riskId: '00000000-0000-4000-8000-0000000000aa' });
    expect(json.impacts[1]).toMatchObject({ significant: false, fields: { reversibility: { label: 'Réversibilité', value: 'Réversible' } } });
    expect(json.facts.approvedOn).toEqual({ label: 'Approuvée le', value: '23 novembre 2026' });
  });
});

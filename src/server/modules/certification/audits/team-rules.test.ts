import { describe, expect, it } from 'vitest';
import { addMonths, competenceGap, impartialityBar, monthsBefore, rotationWarning, type TCompetenceFacts } from './team-rules.ts';

const full: TCompetenceFacts = { scheme: 'iso42001', validFrom: '2025-01-01', validUntil: '2027-12-31', iso42001TrainedOn: '2025-03-14', aiDomainAreas: ['Credit scoring'], leadQualified: true };
const DAY = '2027-06-01';

describe('team rules', () => {
  it('counts calendar months back and forth, clamping to the month’s last day', () => {
    expect(monthsBefore('2027-06-01', 24)).toBe('2025-06-01');
    expect(monthsBefore('2027-03-31', 1)).toBe('2027-02-28');
    expect(monthsBefore('2028-03-31', 1)).toBe('2028-02-29');
    expect(addMonths('2025-12-01', 18)).toBe('2027-06-01');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
  });

  it('competence: a record for the scheme valid on the day, with what the role needs', () => {
    expect(competenceGap('lead_auditor', 'iso42001', DAY, [full])).toBeNull();
    expect(competenceGap('auditor', 'iso42001', DAY, [])).toBe('no_record');
    expect(competenceGap('auditor', 'iso42001', DAY, [{ ...full, scheme: 'iso27001' }])).toBe('no_record');
    expect(competenceGap('auditor', 'iso42001', DAY, [{ ...full, validUntil: '2027-05-31' }])).toBe('expired');
    expect(competenceGap('auditor', 'iso42001', DAY, [{ ...full, validUntil: DAY }])).toBeNull();
    expect(competenceGap('auditor', 'iso42001', DAY, [{ ...full, validFrom: '2027-06-02' }])).toBe('not_yet_valid');
    expect(competenceGap('auditor', 'iso42001', DAY, [{ ...full, iso42001TrainedOn: null }])).toBe('no_42001_training');
    expect(competenceGap('auditor', 'iso42001', DAY, [{ ...full, iso42001TrainedOn: '2027-06-02' }])).toBe('no_42001_training');
    expect(competenceGap('auditor', 'iso27001', DAY, [{ ...full, scheme: 'iso27001', iso42001TrainedOn: null }])).toBeNull();
    expect(competenceGap('lead_auditor', 'iso42001', DAY, [{ ...full, leadQualified: false }])).toBe('not_lead_qualified');
    expect(competenceGap('auditor', 'iso42001', DAY, [{ ...full, leadQualified: false }])).toBeNull();
    // One record that fits is enough, whatever the others say.
    expect(competenceGap('lead_auditor', 'iso42001', DAY, [{ ...full, validUntil: '2026-01-01' }, full])).toBeNull();
  });

  it('technical experts need AI-domain knowledge only; observers need no record', () => {
    const expert = { ...full, iso42001TrainedOn: null, leadQualified: false };
    expect(competenceGap('technical_expert', 'iso42001', DAY, [expert])).toBeNull();
    expect(competenceGap('technical_expert', 'iso42001', DAY, [{ ...expert, aiDomainAreas: [' '] }])).toBe('no_ai_domain');
    expect(competenceGap('technical_expert', 'iso42001', DAY, [{ ...expert, validUntil: '2027-01-01' }])).toBe('expired');
    expect(competenceGap('observer', 'iso42001', DAY, [])).toBeNull();
  });

  it('cooling-off: consultancy or employment ended within N months before the first day bars; after, it does not', () => {
    const c = (endedOn: string | null, kind: 'consultancy' | 'employment' | 'other' = 'consultancy') => [{ userId: 'u', kind, startedOn: '2020-01-01', endedOn }];
    expect(impartialityBar('u', DAY, 24, c('2025-12-01'))).toEqual({ code: 'cert_team_cooling_off', kind: 'consultancy', endedOn: '2025-12-01', coolingOffMonths: 24, eligibleFrom: '2027-12-02' });
    expect(impartialityBar('u', DAY, 24, c('2024-12-01'))).toBeNull();
    expect(impartialityBar('u', DAY, 36, c('2024-12-01'))).toMatchObject({ code: 'cert_team_cooling_off', eligibleFrom: '2027-12-02' });
    // The boundary: ended exactly N months before the first day is still within.
    expect(impartialityBar('u', DAY, 24, c('2025-06-01'))).toMatchObject({ code: 'cert_team_cooling_off', eligibleFrom: '2027-06-02' });
    expect(impartialityBar('u', DAY, 24, c('2025-05-31'))).toBeNull();
    expect(impartialityBar('u', DAY, 24, c(null, 'employment'))).toMatchObject({ code: 'cert_team_cooling_off', kind: 'employment', eligibleFrom: null });
    // Someone else's link does not count; a link that begins after the audit does not either.
    expect(impartialityBar('v', DAY, 24, c('2025-12-01'))).toBeNull();
    expect(impartialityBar('u', DAY, 24, [{ userId: 'u', kind: 'consultancy', startedOn: '2027-07-01', endedOn: null }])).toBeNull();
    // Another interest bars while it lasts, with no cooling-off.
    expect(impartialityBar('u', DAY, 24, c('2027-06-01', 'other'))).toMatchObject({ code: 'cert_team_conflict' });
    expect(impartialityBar('u', DAY, 24, c('2027-05-31', 'other'))).toBeNull();
  });

  it('the body’s own consultancy bars everyone, however long ago, before any personal rule', () => {
    const body = { userId: null, kind: 'consultancy' as const, startedOn: '2010-01-01', endedOn: '2011-01-01' };
    expect(impartialityBar('u', DAY, 24, [body])).toEqual({ code: 'cert_team_body_consultancy' });
    expect(impartialityBar('u', DAY, 24, [{ userId: 'u', kind: 'employment', startedOn: null, endedOn: null }, body])).toEqual({ code: 'cert_team_body_consultancy' });
  });

  it('rotation warns past the limit, not at it', () => {
    expect(rotationWarning(2, 2)).toBeNull();
    expect(rotationWarning(3, 2)).toEqual({ code: 'rotation', cycles: 3, limit: 2 });
  });
});

import { describe, expect, it } from 'vitest';
import { incidentLifecycle, reportDueOn, reportOverdue } from './incident-lifecycle.ts';

describe('AI incident lifecycle', () => {
  it('open → investigating → resolved → open', () => {
    expect(incidentLifecycle.transition('open', 'investigate', undefined).to).toBe('investigating');
    expect(incidentLifecycle.transition('investigating', 'resolve', undefined).to).toBe('resolved');
    expect(incidentLifecycle.transition('open', 'resolve', undefined).to).toBe('resolved');
    expect(incidentLifecycle.transition('resolved', 'reopen', undefined)).toMatchObject({ to: 'open', audit: 'ai_incident.reopened' });
  });
  it('refuses what makes no sense with a sentence', () => {
    expect(incidentLifecycle.whyNot('resolved', 'investigate', undefined)).toMatchObject({ code: 'incident_state', message: 'This incident is resolved: re-open it first.' });
    expect(incidentLifecycle.whyNot('open', 'reopen', undefined)?.message).toBe('This incident is not resolved.');
  });
  it('reporting date: days after the detection day, only for a serious incident with days configured', () => {
    expect(reportDueOn(true, '2026-11-20T23:30:00Z', 15)).toBe('2026-12-05');
    expect(reportDueOn(false, '2026-11-20T10:00:00Z', 15)).toBeNull();
    expect(reportDueOn(true, '2026-11-20T10:00:00Z', null)).toBeNull();
    expect(reportOverdue({ serious: true, reportDueOn: '2026-11-26', reportedOn: null }, '2026-11-27')).toBe(true);
    expect(reportOverdue({ serious: true, reportDueOn: '2026-11-26', reportedOn: '2026-11-25' }, '2026-11-27')).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { AppError } from '../../../platform/errors/errors.ts';
import { findingLifecycle as L, initialFindingState } from './finding-lifecycle.ts';

const refusal = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return e as AppError;
  }
  throw new Error('expected a refusal');
};

describe('finding lifecycle', () => {
  it('raises nonconformities open and the others noted', () => {
    expect(['major', 'minor', 'observation', 'opportunity'].map((c) => initialFindingState(c as 'major'))).toEqual(['open', 'open', 'noted', 'noted']);
  });

  it('walks a minor: answered, rejected with a reason, answered again, accepted, closed', () => {
    const c = { class: 'minor' as const, responses: 1 };
    let s = L.transition('open', 'submit', c).to;
    expect(s).toBe('submitted');
    const e = refusal(() => L.transition(s, 'reject', { ...c, reason: '  ' }));
    expect([e.status, e.code]).toEqual([400, 'validation_failed']);
    s = L.transition(s, 'reject', { ...c, reason: 'The root cause restates the symptom.' }).to;
    expect(s).toBe('open');
    s = L.transition(L.transition(s, 'submit', c).to, 'accept', c).to;
    expect(s).toBe('accepted');
    expect(refusal(() => L.transition(s, 'verify', c)).code).toBe('finding_not_major');
    expect(L.transition(s, 'close', c)).toEqual({ event: 'close', from: 'accepted', to: 'closed', audit: 'audit_finding.closed' });
    expect(L.isFinal('closed')).toBe(true);
  });

  it('walks a major through its follow-up verification before closing', () => {
    const c = { class: 'major' as const, responses: 1 };
    const s = L.transition(L.transition('open', 'submit', c).to, 'accept', c).to;
    expect(refusal(() => L.transition(s, 'close', c)).code).toBe('finding_not_verified');
    const v = L.transition(s, 'verify', c).to;
    expect(v).toBe('verified');
    expect(L.transition(v, 'close', { ...c, verified: true }).to).toBe('closed');
  });

  it('edits only while nobody has answered', () => {
    expect(L.can('open', 'edit', { class: 'minor', responses: 0 })).toBe(true);
    expect(L.can('noted', 'edit', { class: 'observation', responses: 0 })).toBe(true);
    expect(refusal(() => L.transition('open', 'edit', { class: 'minor', responses: 1 })).code).toBe('finding_answered');
    expect(refusal(() => L.transition('submitted', 'edit', { class: 'minor', responses: 1 })).code).toBe('finding_state');
  });

  it('refuses an answer to an observation, and a verdict with nothing waiting', () => {
    expect(refusal(() => L.transition('noted', 'submit', { class: 'observation', responses: 0 })).code).toBe('finding_state');
    expect(refusal(() => L.transition('open', 'accept', { class: 'minor', responses: 0 })).code).toBe('finding_state');
  });
});

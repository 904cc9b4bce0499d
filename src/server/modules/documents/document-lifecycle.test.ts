import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors/errors.ts';
import { approvalEvent, documentLifecycle as L } from './document-lifecycle.ts';

const refusal = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    if (e instanceof AppError) return `${e.status} ${e.code}`;
    throw e;
  }
  return 'ok';
};

describe('document version lifecycle', () => {
  it('goes draft → in review → approved → published → superseded', () => {
    expect(L.transition('draft', 'submit', undefined).to).toBe('in_review');
    expect(L.transition('in_review', 'approve', { approvals: 1, quorum: 1 }).to).toBe('approved');
    expect(L.transition('approved', 'publish', undefined)).toMatchObject({ to: 'published', audit: 'document.published' });
    expect(L.transition('published', 'supersede', undefined)).toMatchObject({ to: 'superseded', audit: null });
    expect(L.isFinal('superseded')).toBe(true);
  });

  it('a quorum of two: the first approval is recorded and the version stays in review, the second approves it', () => {
    expect(approvalEvent({ approvals: 1, quorum: 2 })).toBe('record_approval');
    expect(L.transition('in_review', 'record_approval', { approvals: 1, quorum: 2 })).toMatchObject({ to: 'in_review', audit: 'document.approved' });
    expect(refusal(() => L.transition('in_review', 'approve', { approvals: 1, quorum: 2 }))).toBe('409 conflict');
    expect(approvalEvent({ approvals: 2, quorum: 2 })).toBe('approve');
    expect(L.transition('in_review', 'approve', { approvals: 2, quorum: 2 }).to).toBe('approved');
    expect(refusal(() => L.transition('in_review', 'record_approval', { approvals: 2, quorum: 2 }))).toBe('409 conflict');
  });

  it('a version under review, approved or published is frozen: only a new version replaces it', () => {
    expect(refusal(() => L.transition('in_review', 'submit', undefined))).toBe('409 document_version_frozen');
    expect(refusal(() => L.transition('published', 'submit', undefined))).toBe('409 document_version_frozen');
    expect(refusal(() => L.transition('draft', 'publish', undefined))).toBe('409 conflict');
    expect(refusal(() => L.transition('in_review', 'publish', undefined))).toBe('409 conflict');
    expect(refusal(() => L.transition('superseded', 'approve', { approvals: 1, quorum: 1 }))).toBe('409 document_version_frozen');
    for (const s of ['draft', 'in_review', 'approved'] as const) expect(L.transition(s, 'replace', undefined).to).toBe('superseded');
    expect(refusal(() => L.transition('published', 'replace', undefined))).toBe('409 document_version_frozen');
  });
});

import { describe, expect, it } from 'vitest';
import { decide, type TPolicyActor } from '../../platform/authz/policy.ts';
import { ownApprovalRefused, SOA_POLICIES, type TSoaSubject } from './soa-policies.ts';

const actor = (role: TPolicyActor['role'], userId = 'u-approver'): TPolicyActor => ({ tenantId: 't', tenantKind: 'organization', role, userId, tokenId: null });
const inReview = (over: Partial<TSoaSubject> = {}): TSoaSubject => ({ status: 'in_review', openVersion: true, authorIds: ['u-author'], memberCount: 3, ...over });

describe('SoA four-eyes policy', () => {
  it('refuses the author or submitter when the organization has other members', () => {
    expect(ownApprovalRefused({ userId: 'u-author' }, inReview())).toBe(true);
    expect(ownApprovalRefused({ userId: 'u-other' }, inReview())).toBe(false);
    expect(ownApprovalRefused({ userId: 'u-author' }, inReview({ memberCount: 2 }))).toBe(true);
  });

  it('lets the only member of an organization approve their own version', () => {
    expect(ownApprovalRefused({ userId: 'u-author' }, inReview({ memberCount: 1 }))).toBe(false);
  });

  it('an API token (no person) is never the author', () => {
    expect(ownApprovalRefused({ userId: null }, inReview())).toBe(false);
  });

  it('decides approval on role, state and authorship', () => {
    const d = (a: TPolicyActor, s: TSoaSubject) => decide(SOA_POLICIES, a, 'soa.approve', s);
    expect(d(actor('owner'), inReview()).ok).toBe(true);
    expect(d(actor('admin'), inReview()).ok).toBe(true);
    expect(d(actor('contributor'), inReview()).ok).toBe(false);
    const own = d(actor('owner', 'u-author'), inReview());
    expect(own.ok === false && own.error.code).toBe('soa_own_approval');
    expect(d(actor('owner', 'u-author'), inReview({ memberCount: 1 })).ok).toBe(true);
    const draft = d(actor('owner'), inReview({ status: 'draft' }));
    expect(draft.ok === false && draft.error.code).toBe('conflict');
  });

  it('freezes entries outside draft and refuses a second open version', () => {
    const upd = decide(SOA_POLICIES, actor('contributor'), 'soa.update', inReview({ status: 'approved' }));
    expect(upd.ok === false && upd.error.code).toBe('soa_frozen');
    const create = decide(SOA_POLICIES, actor('contributor'), 'soa.create', inReview({ status: null }));
    expect(create.ok === false && create.error.code).toBe('soa_open_version');
    expect(decide(SOA_POLICIES, actor('contributor'), 'soa.create', inReview({ status: null, openVersion: false })).ok).toBe(true);
    expect(decide(SOA_POLICIES, actor('viewer'), 'soa.update', inReview({ status: 'draft' })).ok).toBe(false);
  });
});

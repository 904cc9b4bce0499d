import { describe, expect, it } from 'vitest';
import type { TRole } from '../../../shared/contracts/roles.ts';
import { POLICIES } from '../../platform/authz/policies.ts';
import { decide } from '../../platform/authz/policy.ts';
import type { TDocumentVersionSubject } from './documents-policies.ts';

const actor = (role: TRole, userId = 'u-me') => ({ tenantId: 't', tenantKind: 'organization' as const, role, userId, tokenId: null });
const on = (o: Partial<TDocumentVersionSubject> = {}): TDocumentVersionSubject => ({ status: 'in_review', latest: true, authorIds: ['u-author'], approverIds: [], memberCount: 3, ...o });
const verdict = (role: TRole, action: string, record: TDocumentVersionSubject | Record<string, never>, userId?: string) => {
  const d = decide(POLICIES, actor(role, userId), action, record);
  return d.ok ? 'ok' : `${d.error.status} ${d.error.code}`;
};

describe('document policies', () => {
  it('four eyes: an owner or admin approves, never a version they wrote or submitted', () => {
    expect(verdict('admin', 'documentVersion.approve', on())).toBe('ok');
    expect(verdict('owner', 'documentVersion.approve', on(), 'u-author')).toBe('403 document_own_approval');
    expect(verdict('owner', 'documentVersion.approve', on({ authorIds: ['u-writer', 'u-me'] }))).toBe('403 document_own_approval');
    expect(verdict('contributor', 'documentVersion.approve', on())).toBe('403 forbidden');
    expect(verdict('viewer', 'documentVersion.approve', on())).toBe('403 forbidden');
  });

  it('an organization of exactly one member may approve its own version', () => {
    expect(verdict('owner', 'documentVersion.approve', on({ memberCount: 1 }), 'u-author')).toBe('ok');
  });

  it('each approver counts once towards the quorum', () => {
    expect(verdict('admin', 'documentVersion.approve', on({ approverIds: ['u-me'] }))).toBe('409 document_already_approved');
    expect(verdict('admin', 'documentVersion.approve', on({ approverIds: ['u-other'] }))).toBe('ok');
  });

  it('states come from the lifecycle; a viewer reads and changes nothing', () => {
    expect(verdict('contributor', 'documentVersion.submit', on({ status: 'draft' }))).toBe('ok');
    expect(verdict('contributor', 'documentVersion.submit', on({ status: 'in_review' }))).toBe('409 document_version_frozen');
    expect(verdict('admin', 'documentVersion.approve', on({ status: 'draft' }))).toBe('409 conflict');
    expect(verdict('owner', 'documentVersion.publish', on({ status: 'approved' }))).toBe('ok');
    expect(verdict('owner', 'documentVersion.publish', on({ status: 'in_review' }))).toBe('409 conflict');
    expect(verdict('contributor', 'documentVersion.publish', on({ status: 'approved' }))).toBe('403 forbidden');
    expect(verdict('owner', 'documentVersion.approve', on({ latest: false }))).toBe('409 document_version_frozen');
    expect(verdict('viewer', 'document.read', {})).toBe('ok');
    for (const a of ['document.create', 'document.update', 'document.addVersion']) expect(verdict('viewer', a, {})).toBe('403 forbidden');
    expect(verdict('viewer', 'documentVersion.submit', on({ status: 'draft' }))).toBe('403 forbidden');
  });
});

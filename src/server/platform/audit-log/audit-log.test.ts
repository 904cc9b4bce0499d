import { describe, expect, it } from 'vitest';
import { chainHash, GENESIS_HASH } from './audit-log.ts';

const event = {
  tenantId: '6f1c1e2a-0000-4000-8000-000000000001',
  seq: 1,
  id: '6f1c1e2a-0000-4000-8000-000000000002',
  occurredAt: '2026-11-23T09:00:00.000Z',
  actorType: 'user',
  actorId: null,
  actorEmail: 'claire.martin@lumiere-credit.example',
  action: 'tenant.created',
  subjectType: 'tenant',
  subjectId: 'x',
  summary: { before: null, after: { name: 'Lumière Crédit', kind: 'organization' } },
  requestId: 'r1',
  ip: '127.0.0.1',
  userAgent: null,
};

describe('audit chain hash', () => {
  it('does not depend on key order (RFC 8785 canonical JSON)', () => {
    const reordered = { ...event, summary: { after: { kind: 'organization', name: 'Lumière Crédit' }, before: null } };
    expect(chainHash(GENESIS_HASH, reordered)).toBe(chainHash(GENESIS_HASH, event));
  });

  it('changes with any field and with the previous hash', () => {
    const h = chainHash(GENESIS_HASH, event);
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(chainHash(GENESIS_HASH, { ...event, actorEmail: 'someone@else.example' })).not.toBe(h);
    expect(chainHash('1'.repeat(64), event)).not.toBe(h);
  });
});

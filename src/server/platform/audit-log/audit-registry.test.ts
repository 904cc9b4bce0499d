import { describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS } from '../../../shared/contracts/audit-actions.ts';
import { AUDIT_REGISTRY } from '../../audit-actions.ts';
import { onlyChanged } from './audit-log.ts';

describe('typed audit actions', () => {
  it('every action of the shared list has its module\'s payload schemas, and no module declares another', () => {
    expect(Object.keys(AUDIT_REGISTRY).sort()).toEqual([...AUDIT_ACTIONS].sort());
  });

  it('a payload that does not match its action\'s schema is refused', () => {
    expect(AUDIT_REGISTRY['member.invited'].after.safeParse({ email: 'jean@exemple.fr', role: 'contributor', locale: 'fr' }).success).toBe(true);
    expect(AUDIT_REGISTRY['member.invited'].after.safeParse({ email: 'jean@exemple.fr', role: 'king', locale: 'fr' }).success).toBe(false);
    expect(AUDIT_REGISTRY['tenant.updated'].after.safeParse({ name: 'Lumen', colour: 'red' }).success).toBe(false);
  });

  it('records only the fields that changed', () => {
    expect(onlyChanged({ name: 'Lumen Santé SAS', requireMfa: false }, { name: 'Lumen Santé SAS', requireMfa: true })).toEqual({
      before: { requireMfa: false },
      after: { requireMfa: true },
    });
    // A field on one side only (a creation's context, a removal's last state) is kept.
    expect(onlyChanged({ name: 'ci', role: 'admin' }, { role: 'viewer', reason: 'member_role_changed' })).toEqual({
      before: { name: 'ci', role: 'admin' },
      after: { role: 'viewer', reason: 'member_role_changed' },
    });
    expect(onlyChanged(null, { name: 'x' })).toEqual({ before: null, after: { name: 'x' } });
    expect(onlyChanged({ tags: ['a', 'b'] }, { tags: ['a', 'b'] })).toEqual({ before: {}, after: {} });
  });
});

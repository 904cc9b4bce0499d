import { describe, expect, it } from 'vitest';
import { AppError } from '../../../platform/errors/errors.ts';
import { scopeLifecycle } from './scope-lifecycle.ts';

describe('scope version lifecycle', () => {
  it('a draft is edited and approved; approving records aims_scope.approved', () => {
    expect(scopeLifecycle.transition('draft', 'edit', undefined)).toMatchObject({ to: 'draft', audit: 'aims_scope.updated' });
    expect(scopeLifecycle.transition('draft', 'approve', undefined)).toMatchObject({ to: 'approved', audit: 'aims_scope.approved' });
  });

  it('an approved version is frozen: edit and approve answer 409 scope_frozen; revise starts the next version', () => {
    for (const event of ['edit', 'approve'] as const) {
      const e = scopeLifecycle.whyNot('approved', event, undefined);
      expect(e).toBeInstanceOf(AppError);
      expect(e).toMatchObject({ status: 409, code: 'scope_frozen' });
    }
    expect(scopeLifecycle.transition('approved', 'revise', undefined)).toMatchObject({ to: 'approved', audit: 'aims_scope.version_started' });
    expect(scopeLifecycle.transition('approved', 'supersede', undefined)).toMatchObject({ to: 'superseded', audit: null });
  });

  it('a superseded version never moves; a second draft is refused with scope_draft_exists', () => {
    for (const event of scopeLifecycle.eventsFrom('superseded')) expect.unreachable(event);
    expect(scopeLifecycle.isFinal('superseded')).toBe(true);
    expect(scopeLifecycle.whyNot('superseded', 'edit', undefined)).toMatchObject({ code: 'scope_frozen' });
    expect(scopeLifecycle.whyNot('draft', 'revise', undefined)).toMatchObject({ status: 409, code: 'scope_draft_exists' });
  });
});

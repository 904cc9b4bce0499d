import { beforeAll, describe, expect, it } from 'vitest';

// The web's i18n module sets the page's language and title: give it the little of a page it touches.
(globalThis as { document?: unknown }).document = { documentElement: {}, title: '' };
// Loaded by a run-time path: the web's modules are type-checked by tsconfig.web.json, not by this project's settings.
const load = (specifier: string) => import(specifier);
const { default: i18n } = (await load('../i18n/index.ts')) as { default: { changeLanguage(lng: string): Promise<unknown> } };
const { ApiError } = (await load('./api.ts')) as { ApiError: new (status: number, body: object, retryAfter: number | null) => Error };
const { errorMessage, serverFieldErrors } = (await load('./errors.ts')) as {
  errorMessage(error: unknown): string;
  serverFieldErrors(error: unknown): Record<string, string>;
};

const apiError = (status: number, code: string, message: string, details?: unknown) => new ApiError(status, { requestId: 'r1', code, message, details }, null);

describe('errors worded from their code, in the reader’s language', () => {
  beforeAll(async () => {
    await i18n.changeLanguage('fr');
  });

  it('translates a known code with its details, and names a role in French', () => {
    expect(errorMessage(apiError(409, 'already_member', 'x@y.fr is already a member of this tenant.', { field: 'email', email: 'x@y.fr' }))).toBe(
      'x@y.fr est déjà membre de cet espace.',
    );
    expect(errorMessage(apiError(409, 'last_owner_demoted', 'This is the last owner…', { role: 'owner' }))).toContain('«\u00a0Propriétaire\u00a0»');
  });

  it('falls back to the server’s message only for a code this build does not know', () => {
    expect(errorMessage(apiError(409, 'some_future_code', 'A sentence from a newer server.'))).toBe('A sentence from a newer server.');
  });

  it('puts a validation error on its field, worded from its issue and limit', () => {
    const error = apiError(400, 'validation_failed', 'Invalid body: name must have at most 120 characters', [
      { field: 'name', issue: 'too_long', limit: 120, message: 'name must have at most 120 characters' },
      { field: 'email', issue: 'invalid_format', format: 'email', message: 'email must be a valid email' },
    ]);
    expect(serverFieldErrors(error)).toEqual({ name: '120 caractères au maximum', email: 'Saisissez une adresse e-mail valide.' });
  });

  it('puts a coded error that names its field on that field', () => {
    expect(serverFieldErrors(apiError(403, 'owner_role_reserved', 'Only an owner can invite another owner.', { field: 'role', role: 'owner' }))).toEqual({
      role: 'Seul un propriétaire peut attribuer, retirer ou déléguer le rôle de propriétaire.',
    });
  });
});

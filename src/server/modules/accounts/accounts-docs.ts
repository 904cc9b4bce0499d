import type { TApiDocs } from '../../platform/http/api-docs.ts';

const USER = { id: '1d6f2a4e-8c1b-4a7e-9f3d-2b5c6e7a8d90', email: 'claire.martin@lumiere-credit.example', name: 'Claire Martin', locale: 'fr', isPlatformAdmin: false, mfaEnabled: true };

export const accountsDocs: TApiDocs = {
  'GET /api/setup/status': {
    summary: 'Whether the platform still needs its first administrator',
    description: 'Public. `needsSetup` is true until the first-run page (or `attest create-admin`) has created the first account.',
    returns: 'The set-up state.',
    errors: [],
    example: { needsSetup: false },
  },
  'POST /api/setup': {
    summary: 'Create the first administrator (first run only)',
    description: 'Public, and accepted once: creates the platform administrator, signs them in (session cookie) and records the event. Refused with 409 once an account exists.',
    returns: 'The administrator, signed in.',
    errors: [400, 409, 429],
    body: { name: 'Claire Martin', email: 'claire.martin@lumiere-credit.example', password: 'Lumiere-scoring-2026', locale: 'fr' },
  },
  'GET /api/auth/csrf': {
    summary: 'Get the CSRF token',
    description: 'Sets the `attest_csrf` cookie if needed and returns its value. Browser clients echo it in the `x-csrf-token` header on every POST, PATCH and DELETE; API-token clients do not need it.',
    returns: 'The CSRF token to echo.',
    errors: [],
    example: { csrfToken: 'q3VwXk0x8c1ZfH2mJ7tR9bLd' },
  },
  'POST /api/auth/login': {
    summary: 'Sign in with e-mail and password',
    description: 'Sets the session cookie. When two-factor authentication is enabled and no `mfaCode` is sent, answers `{ status: "mfa_required" }`: send the same body again with the 6-digit code or a recovery code. Failed attempts are limited per account and per address (429 with the wait).',
    returns: 'Signed in, or a second factor is needed.',
    errors: [400, 401, 429],
    body: { email: 'claire.martin@lumiere-credit.example', password: 'Lumiere-scoring-2026', mfaCode: '492817' },
    example: { status: 'ok', user: USER },
  },
  'POST /api/auth/logout': {
    summary: 'Sign out',
    description: 'Ends the current session and clears its cookie.',
    returns: 'Signed out.',
    errors: [401],
  },
  'GET /api/me': {
    summary: 'Who is signed in, with their tenants and roles',
    description: 'The user, their memberships (tenant, kind, role) and the abilities each role grants. Works with a session or an API token.',
    returns: 'The signed-in user and memberships.',
    errors: [401],
  },
  'PATCH /api/me': {
    summary: 'Change my name or language',
    description: 'Send `name`, `locale` (`en` or `fr`) or both; the change is recorded in the audit log.',
    returns: 'The updated user.',
    errors: [400, 401],
    body: { name: 'Claire Martin-Durand', locale: 'fr' },
    example: { user: USER },
  },
  'POST /api/me/password': {
    summary: 'Change my password',
    description: 'Needs the current password. The new one must have at least 12 characters and not be a common password. Other sessions are ended.',
    returns: 'Password changed.',
    errors: [400, 401, 429],
    body: { currentPassword: 'Lumiere-scoring-2026', newPassword: 'Audit-evidence-kept-2027' },
  },
  'GET /api/me/sessions': {
    summary: 'List my sessions',
    description: 'Every open session of the signed-in user with its device, address and last use; `current` marks this one.',
    returns: 'My sessions.',
    errors: [401],
  },
  'DELETE /api/me/sessions/{sessionId}': {
    summary: 'End one of my sessions',
    description: 'Signs that device out. Another user’s session id answers 404.',
    returns: 'Session ended.',
    errors: [400, 401, 404],
  },
  'POST /api/me/sessions/revoke-others': {
    summary: 'End all my other sessions',
    description: 'Signs out every device but this one.',
    returns: 'Other sessions ended.',
    errors: [401],
  },
  'POST /api/me/mfa/enrol': {
    summary: 'Start two-factor enrolment',
    description: 'Returns a new TOTP secret, its `otpauth://` URI and a QR code to scan. Nothing changes until the code is confirmed.',
    returns: 'The secret to scan.',
    errors: [401, 409],
  },
  'POST /api/me/mfa/confirm': {
    summary: 'Confirm two-factor enrolment',
    description: 'Send a code from the authenticator app: two-factor authentication is then on, and the recovery codes are returned once — store them.',
    returns: 'The recovery codes, shown once.',
    errors: [400, 401, 409],
    body: { code: '492817' },
    example: { recoveryCodes: ['7gk2-m9qx', 'p4tz-8wne'] },
  },
  'POST /api/me/mfa/disable': {
    summary: 'Turn two-factor authentication off',
    description: 'Needs the password and a current code (or a recovery code). Tenants that require two-factor authentication will refuse access afterwards.',
    returns: 'Two-factor authentication is off.',
    errors: [400, 401, 409],
    body: { password: 'Lumiere-scoring-2026', code: '492817' },
  },
};

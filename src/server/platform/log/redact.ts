import { stdSerializers } from 'pino';

/*
 * Links in e-mails and some URLs carry bearer secrets: the signed invitation token, password-reset
 * and e-mail verification tokens. A log line is read by more people, and kept longer, than the
 * mailbox the link was meant for, so these are scrubbed from every line the logger writes,
 * whoever logs them (request lines, denials, errors, the mail fallback).
 */

const REDACTED = '[redacted]';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The path segment after one of these is a secret (a record id, a UUID, is kept: it grants nothing). */
const TOKEN_SEGMENT = /(\/(?:invitations|invite|reset-password|password-reset|reset|verify-email|magic-link|sign-in-link|soc2-readers|reader)\/)([^/?#\s"'<>]+)/gi;
/** A secret kept in a link's fragment (`/reset-password#<token>`) so that it never reaches a server log by URL. */
const TOKEN_FRAGMENT = /(\/(?:invite|reset-password|password-reset|verify-email|magic-link)#)([^\s"'<>]+)/gi;
const TOKEN_PARAM = /([?&](?:token|code|key|secret|signature|sig|reset|invitation)=)([^&#\s"'<>]+)/gi;

export function redactSecrets(text: string): string {
  if (!text.includes('/') && !text.includes('=')) return text;
  return text
    .replace(TOKEN_FRAGMENT, (_all, prefix: string) => `${prefix}${REDACTED}`)
    .replace(TOKEN_SEGMENT, (all, prefix: string, value: string) => (UUID.test(value) ? all : `${prefix}${REDACTED}`))
    .replace(TOKEN_PARAM, (_all, prefix: string) => `${prefix}${REDACTED}`);
}

/**
 * The same, over every string of a log record before pino serialises it: plain objects, arrays and
 * errors are walked; other instances (the request, which has its own serializer) are left alone.
 */
export function redactDeep<T>(value: T, depth = 0): T {
  if (typeof value === 'string') return redactSecrets(value) as T;
  if (depth > 5 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => redactDeep(v, depth + 1)) as T;
  if (value instanceof Error) return redactDeep(stdSerializers.err(value), depth) as T;
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = redactDeep(v, depth + 1);
  return out as T;
}

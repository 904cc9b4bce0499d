import type { TFunction } from 'i18next';
import type { TAuditEvent } from '../../../shared/contracts/audit';

export type TPayload = Record<string, unknown>;
export type TFormat = { number(n: number): string; date?(value: string): string };

/**
 * What a domain's sentence builder reads and fills: it sets the sentence's variables in `vars` and may
 * switch `key` to a variant sentence (e.g. an invitation revoked before the address was recorded).
 */
export type TSentenceParts = {
  t: TFunction;
  format: TFormat;
  e: TAuditEvent;
  before: TPayload;
  after: TPayload;
  /** A payload value in the reader's language, read from `after` unless told. */
  v: (key: string, from?: TPayload) => string;
  vars: Record<string, string | number>;
  key: string;
};

/** Fills the sentence for the actions of one domain; false when the action is not that domain's. */
export type TSentenceBuilder = (p: TSentenceParts) => boolean;

/**
 * A payload value in the reader's language: roles, languages and yes/no translated, the rest as
 * recorded (names and e-mail addresses are evidence, never rewritten).
 */
export function value(t: TFunction, key: string, v: unknown): string {
  if (v === null || v === undefined) return t('common.none');
  if (typeof v === 'boolean') return v ? t('audit.yes') : t('audit.no');
  if (key === 'role' || key === 'founderRole') return t(`roles.${v as 'owner'}`);
  if (key === 'roles' && Array.isArray(v)) return v.map((r) => t(`aiSystems.role.${r as 'provider'}`)).join(', ') || t('common.none');
  if (Array.isArray(v)) return v.join(', ') || t('common.none');
  if (key === 'locale') return t(`language.name.${v as 'en'}`);
  if (key === 'kind') return t(`tenantKinds.short.${v as 'organization'}`);
  if (key === 'tier') return t(`aiSystems.tier.${v as 'minimal'}`);
  if (key === 'lifecycleStage') return t(`aiSystems.stage.${v as 'design'}`);
  return typeof v === 'string' ? v : JSON.stringify(v);
}

/** "name: A → B · two-factor authentication required: no → yes", fields translated. */
export function changes(t: TFunction, before: TPayload, after: TPayload): string {
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  return keys
    .map((k) =>
      t('audit.change', {
        field: k in { name: 1, locale: 1, requireMfa: 1, significantSeverity: 1, publicBodyOrService: 1 } ? t(`audit.fields.${k as 'name'}`) : t(`aiSystems.fields.${k as 'purpose'}`, { defaultValue: k }),
        from: value(t, k, before[k]),
        to: value(t, k, after[k]),
        interpolation: { escapeValue: false },
      }),
    )
    .join(' · ');
}

/** A calendar day ('2026-12-15') in the reader's language, read at noon UTC so no time zone moves it. */
export const day = (format: TFormat, d: unknown) => (typeof d === 'string' ? (format.date?.(`${d}T12:00:00Z`) ?? d) : '');

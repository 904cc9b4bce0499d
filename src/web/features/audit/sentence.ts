import type { TFunction } from 'i18next';
import { AUDIT_ACTIONS, type TAuditAction } from '../../../shared/contracts/audit-actions.ts';
import type { TAuditEvent } from '../../../shared/contracts/audit';
import { aimsSentence } from './sentence-aims.ts';
import { certificationSentence } from './sentence-certification.ts';
import { value, type TFormat, type TPayload, type TSentenceBuilder, type TSentenceParts } from './sentence-parts.ts';
import { platformSentence } from './sentence-platform.ts';
import { soc2EngagementsSentence } from './sentence-soc2-engagements.ts';
import { soc2Sentence } from './sentence-soc2.ts';
import { soc2ExceptionsSentence } from './sentence-soc2-exceptions.ts';
import { soc2ScopeSentence } from './sentence-soc2-scope.ts';
import { soc2ReadersSentence } from './sentence-soc2-readers.ts';
import { soc2FieldworkSentence } from './sentence-soc2-fieldwork.ts';
import { soc2ReportSentence } from './sentence-soc2-report.ts';

const isAction = (a: string): a is TAuditAction => (AUDIT_ACTIONS as readonly string[]).includes(a);

/** One builder per domain, each in its own file; an action no builder claims reads its sentence without variables. */
const BUILDERS: readonly TSentenceBuilder[] = [platformSentence, aimsSentence, certificationSentence, soc2EngagementsSentence, soc2FieldworkSentence, soc2Sentence, soc2ExceptionsSentence, soc2ScopeSentence, soc2ReadersSentence, soc2ReportSentence];

/** The action's translated name; an action this build does not know is shown as recorded. */
export function actionLabel(t: TFunction, action: string): string {
  return isAction(action) ? (t(`audit.actions.${action}` as never) as unknown as string) : action;
}

/** One event as a sentence in the reader's language: « Marie Curie a invité jean@exemple.fr comme Contributeur ». */
export function auditSentence(t: TFunction, format: TFormat, e: TAuditEvent): string {
  const before = (e.summary?.before ?? {}) as TPayload;
  const after = (e.summary?.after ?? {}) as TPayload;
  if (!isAction(e.action)) return e.action;
  const actor = e.actorName ?? e.actorEmail ?? (e.actorType === 'system' ? t('audit.system') : t('audit.someone'));
  const parts: TSentenceParts = { t, format, e, before, after, v: (k, from = after) => value(t, k, from[k]), vars: { actor }, key: e.action };
  BUILDERS.some((build) => build(parts));
  // React escapes on render: i18next must not escape a second time (« l’équipe » stays readable).
  return t(`audit.sentences.${parts.key}` as never, { ...parts.vars, interpolation: { escapeValue: false } } as never) as unknown as string;
}

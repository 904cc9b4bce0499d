import { Badge, Text, TagsInput, type BadgeProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../lib/format';
import type { TAuditStatus, TFindingType } from '../../../shared/contracts/internal-audits';
import type { TReviewStatus } from '../../../shared/contracts/management-reviews';
import type { TNcStatus } from '../../../shared/contracts/nonconformities';
import type { TIncidentSeverity, TIncidentStatus } from '../../../shared/contracts/ai-incidents';

export const AIMS_FRAMEWORK = 'iso-iec-42001-2023';

/** A calendar day ('2026-11-27') shown in the reader's language, at noon UTC so no time zone moves it. */
export const dayValue = (d: string | null | undefined) => (d ? `${d}T12:00:00Z` : null);

export function useDay() {
  const format = useFormat();
  return (d: string | null | undefined) => format.date(dayValue(d));
}

const NC_COLOR: Record<TNcStatus, string> = { open: 'red', correction: 'orange', action_planned: 'yellow', verifying: 'blue', closed: 'green' };
const AUDIT_COLOR: Record<TAuditStatus, string> = { planned: 'gray', in_progress: 'blue', completed: 'green' };
const REVIEW_COLOR: Record<TReviewStatus, string> = { draft: 'gray', completed: 'green' };
const INCIDENT_COLOR: Record<TIncidentStatus, string> = { open: 'red', investigating: 'orange', resolved: 'green' };
const SEVERITY_COLOR: Record<TIncidentSeverity, string> = { low: 'gray', medium: 'yellow', high: 'orange', critical: 'red' };
const FINDING_COLOR: Record<TFindingType, string> = { major_nonconformity: 'red', minor_nonconformity: 'orange', observation: 'blue', opportunity: 'teal' };

function Tag({ color, label, testId, ...rest }: { color: string; label: string; testId?: string } & BadgeProps) {
  return (
    <Badge color={color} variant="light" data-testid={testId} {...rest}>
      {label}
    </Badge>
  );
}

export function NcStatusBadge({ status, testId }: { status: TNcStatus; testId?: string }) {
  const { t } = useTranslation();
  return <Tag color={NC_COLOR[status]} label={t(`records.nonconformities.status.${status}`)} testId={testId} />;
}
export function AuditStatusBadge({ status, testId }: { status: TAuditStatus; testId?: string }) {
  const { t } = useTranslation();
  return <Tag color={AUDIT_COLOR[status]} label={t(`records.audits.status.${status}`)} testId={testId} />;
}
export function ReviewStatusBadge({ status, testId }: { status: TReviewStatus; testId?: string }) {
  const { t } = useTranslation();
  return <Tag color={REVIEW_COLOR[status]} label={t(`records.reviews.status.${status}`)} testId={testId} />;
}
export function IncidentStatusBadge({ status, testId }: { status: TIncidentStatus; testId?: string }) {
  const { t } = useTranslation();
  return <Tag color={INCIDENT_COLOR[status]} label={t(`records.incidents.status.${status}`)} testId={testId} />;
}
export function SeverityBadge({ severity }: { severity: TIncidentSeverity }) {
  const { t } = useTranslation();
  return <Tag color={SEVERITY_COLOR[severity]} label={t(`records.incidents.severity.${severity}`)} />;
}
export function FindingTypeBadge({ type }: { type: TFindingType }) {
  const { t } = useTranslation();
  return <Tag color={FINDING_COLOR[type]} label={t(`records.audits.findingType.${type}`)} />;
}

export function Field({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" data-testid={testId} style={{ whiteSpace: 'pre-wrap' }}>
        {value}
      </Text>
    </div>
  );
}

/** Requirements are typed as "<framework id> <ref>" ("iso-iec-42001-2023 9.2"), as on the risk form. */
const SUGGESTED = ['6.1.2', '6.1.3', '8.2', '9.2', '9.3', '10.2', 'A.5.2', 'A.6.2.6', 'A.7.4'].map((r) => `${AIMS_FRAMEWORK} ${r}`);
export const toTag = (r: { frameworkId: string; ref: string }) => `${r.frameworkId} ${r.ref}`;
export const fromTag = (s: string) => {
  const at = s.trim().indexOf(' ');
  // A bare ref is one of the AIMS standard's: the framework this page is about.
  return at < 0 ? { frameworkId: AIMS_FRAMEWORK, ref: s.trim() } : { frameworkId: s.trim().slice(0, at), ref: s.trim().slice(at + 1).trim() };
};

export function RequirementsInput({
  label,
  value,
  onChange,
  error,
  testId,
}: {
  label: string;
  value: { frameworkId: string; ref: string }[];
  onChange: (v: { frameworkId: string; ref: string }[]) => void;
  error?: unknown;
  testId: string;
}) {
  const { t } = useTranslation();
  return (
    <TagsInput
      label={label}
      description={t('records.common.requirementsHelp')}
      data={SUGGESTED}
      value={value.map(toTag)}
      onChange={(tags) => onChange(tags.map(fromTag))}
      error={typeof error === 'string' ? error : undefined}
      data-testid={testId}
    />
  );
}

/** The first form error whose path starts with `prefix` (an array field's items report as `requirements.0.ref`). */
export const errorUnder = (errors: Record<string, unknown>, prefix: string) => Object.entries(errors).find(([k]) => k === prefix || k.startsWith(`${prefix}.`))?.[1];

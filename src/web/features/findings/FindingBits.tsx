import { Anchor, Badge, Group, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { TFindingClass, TFindingState } from '../../../shared/contracts/certification-decisions';
import type { TFinding, TFindingResponse, TOrgFinding } from '../../../shared/contracts/findings';
import { useFormat } from '../../lib/format';

const CLASS_COLOR: Record<TFindingClass, string> = { major: 'red', minor: 'orange', observation: 'blue', opportunity: 'gray' };
const STATE_COLOR: Record<TFindingState, string> = { open: 'orange', submitted: 'yellow', accepted: 'teal', verified: 'green', closed: 'green', noted: 'gray' };

export function FindingClassBadge({ value }: { value: TFindingClass }) {
  const { t } = useTranslation();
  return (
    <Badge color={CLASS_COLOR[value]} variant="light" style={{ minWidth: 'max-content' }} data-testid="finding-class">
      {t(`findings.class.${value}`)}
    </Badge>
  );
}

export function FindingStateBadge({ value }: { value: TFindingState }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATE_COLOR[value]} variant="outline" style={{ minWidth: 'max-content' }} data-testid="finding-state">
      {t(`findings.state.${value}`)}
    </Badge>
  );
}

/** A calendar day from the API (`2026-11-23`) read at noon, so no time zone moves it to the day before. */
export const noon = (d: string | null) => (d ? `${d}T12:00:00Z` : null);

const DUE_KINDS = ['response', 'closure', 'verification'] as const;
const DUE_FIELD = { response: 'responseDueOn', closure: 'closureDueOn', verification: 'verificationDueOn' } as const;

/** The finding's due dates, each flagged when the server says it is overdue. */
export function FindingDueDates({ finding: f }: { finding: TFinding | TOrgFinding }) {
  const { t } = useTranslation();
  const format = useFormat();
  const due = DUE_KINDS.filter((k) => f[DUE_FIELD[k]]);
  if (due.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('findings.due.none')}
      </Text>
    );
  return (
    <Stack gap={2}>
      {due.map((k) => {
        const overdue = f.overdue.some((o) => o.kind === k);
        return (
          <Group key={k} gap={6} wrap="nowrap" data-testid={`finding-due-${k}`} data-overdue={overdue}>
            <Text size="sm" c={overdue ? 'red' : undefined}>
              {t(`findings.due.${k}`, { date: format.date(noon(f[DUE_FIELD[k]])) })}
            </Text>
            {overdue && (
              <Badge color="red" size="xs" style={{ minWidth: 'max-content' }} data-testid="finding-overdue">
                {t('findings.due.overdue')}
              </Badge>
            )}
          </Group>
        );
      })}
    </Stack>
  );
}

function Labelled({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid={testId}>
        {value}
      </Text>
    </div>
  );
}

/** An answer as submitted: correction, root cause, corrective action, planned date, evidence (linked where the reader can open it). */
export function ResponseText({ response: r, evidenceHref }: { response: TFindingResponse; evidenceHref?: (id: string) => string }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Stack gap="xs">
      <Text size="xs" c="dimmed">
        {t('findings.response.submitted', { version: r.version, name: r.submittedBy?.name ?? t('findings.someone'), at: format.dateTime(r.submittedAt) })}
      </Text>
      <Labelled label={t('findings.response.correction')} value={r.correction} testId="response-correction" />
      <Labelled label={t('findings.response.rootCause')} value={r.rootCause} testId="response-root-cause" />
      <Labelled label={t('findings.response.correctiveAction')} value={r.correctiveAction} testId="response-corrective-action" />
      <Labelled label={t('findings.response.plannedCompletionOn')} value={format.date(noon(r.plannedCompletionOn))} testId="response-planned" />
      {r.evidence.length > 0 && (
        <div>
          <Text size="xs" c="dimmed">
            {t('findings.response.evidence')}
          </Text>
          <Stack gap={2} data-testid="response-evidence">
            {r.evidence.map((e) =>
              evidenceHref ? (
                <Anchor key={e.evidenceId} component={Link} to={evidenceHref(e.evidenceId)} size="sm" data-testid="response-evidence-item">
                  {e.title}
                </Anchor>
              ) : (
                <Text key={e.evidenceId} size="sm" data-testid="response-evidence-item">
                  {e.title}
                </Text>
              ),
            )}
          </Stack>
        </div>
      )}
    </Stack>
  );
}

/** The auditor's verdict on an answer, with the reason when there is one. */
export function VerdictLine({ response: r }: { response: TFindingResponse }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (!r.verdict)
    return (
      <Badge color="yellow" variant="light" data-testid="response-verdict" data-verdict="pending">
        {t('findings.verdict.pending')}
      </Badge>
    );
  return (
    <Stack gap={4}>
      <Group gap="xs">
        <Badge color={r.verdict === 'accepted' ? 'green' : 'red'} variant="light" data-testid="response-verdict" data-verdict={r.verdict}>
          {t(`findings.verdict.${r.verdict}`)}
        </Badge>
        <Text size="xs" c="dimmed">
          {t('findings.verdict.by', { name: r.verdictBy?.name ?? t('findings.someone'), at: format.dateTime(r.verdictAt) })}
        </Text>
      </Group>
      {r.verdictReason && (
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid="response-verdict-reason">
          {r.verdictReason}
        </Text>
      )}
    </Stack>
  );
}

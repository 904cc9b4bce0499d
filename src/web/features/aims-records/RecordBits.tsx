import { Badge, Button, Card, Group, Stack, TagsInput, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { useFormat } from '../../lib/format';
import type { TLinkedRequirement } from '../../../shared/contracts/aims-records-context';
import { auditSentence } from '../audit/sentence';
import { useTenantContext } from '../tenants/TenantRoute';
import { useRecordHistory } from './api';

/** Requirements are typed as "<framework id> <ref>", e.g. "iso-iec-42001-2023 6.2". */
export const toTag = (r: { frameworkId: string; ref: string }) => `${r.frameworkId} ${r.ref}`;
export const fromTag = (s: string) => {
  const at = s.trim().indexOf(' ');
  return at < 0 ? { frameworkId: s.trim(), ref: '' } : { frameworkId: s.trim().slice(0, at), ref: s.trim().slice(at + 1).trim() };
};

export function RequirementsInput({ value, onChange, suggestions, error, testId }: { value: { frameworkId: string; ref: string }[]; onChange: (v: { frameworkId: string; ref: string }[]) => void; suggestions: string[]; error?: React.ReactNode; testId: string }) {
  const { t } = useTranslation();
  return (
    <TagsInput
      label={t('records.common.requirements')}
      description={t('records.common.requirementsHint')}
      data={suggestions}
      value={value.map(toTag)}
      onChange={(tags) => onChange(tags.map(fromTag))}
      error={error}
      clearable
      data-testid={testId}
    />
  );
}

/** Linked requirements as short badges, titled in the reader's language. */
export function RequirementBadges({ items }: { items: TLinkedRequirement[] }) {
  const { t, i18n } = useTranslation();
  if (!items.length) return <>{t('common.none')}</>;
  const l10n = i18n.resolvedLanguage === 'fr' ? 'fr' : 'en';
  return (
    <>
      {items.map((r) => (
        <Badge key={toTag(r)} variant="light" color="gray" mr={4} title={`${r.frameworkId} ${r.ref} — ${r.title[l10n]}`}>
          {r.ref}
        </Badge>
      ))}
    </>
  );
}

/** A calendar day ('2026-11-30') as the date input gives it: '' means none. */
export const dayOrNull = (s: string) => (s === '' ? null : s);
/** Calendar days are shown at noon UTC so no time zone moves them to the day before. */
export const noon = (d: string | null) => (d ? `${d}T12:00:00Z` : null);

/** Who changed a record and what, worded like the audit log; the server keeps it, we only read it. */
export function RecordHistory({ kind, path, subjectType, subjectId, title, onClose, testId }: { kind: 'parties' | 'objectives' | 'competence'; path: string; subjectType: string; subjectId: string; title: string; onClose?: () => void; testId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { tenant } = useTenantContext();
  const history = useRecordHistory(tenant.id, kind, path);
  return (
    <Card withBorder padding="lg" data-testid={testId}>
      <Group justify="space-between" mb="sm" wrap="nowrap">
        <Title order={3} size="h5">
          {title}
        </Title>
        {onClose && (
          <Button size="xs" variant="subtle" onClick={onClose}>
            {t('common.close')}
          </Button>
        )}
      </Group>
      {history.isPending ? (
        <Loading />
      ) : history.error ? (
        <ErrorAlert error={history.error} />
      ) : history.data.items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('records.common.noHistory')}
        </Text>
      ) : (
        <Stack gap={4}>
          {history.data.items.map((e) => (
            <Text size="sm" key={e.id} data-testid={`${testId}-event`}>
              <Text span c="dimmed">
                {format.dateTime(e.occurredAt)}
              </Text>{' '}
              — {auditSentence(t, format, { ...e, seq: 0, actorId: null, subjectType, subjectId, requestId: null, ip: null, userAgent: null, prevHash: '', hash: '' })}
            </Text>
          ))}
        </Stack>
      )}
    </Card>
  );
}

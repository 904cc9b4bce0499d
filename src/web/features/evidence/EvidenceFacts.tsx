import { Alert, Anchor, Button, Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TEvidenceDetail } from '../../../shared/contracts/evidence';
import { useFormat } from '../../lib/format';
import { EvidenceFlags } from './EvidenceFlags';
import { day } from './EvidencePage';

function Field({ label, children, testId }: { label: string; children: React.ReactNode; testId?: string }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text size="sm" component="div" data-testid={testId}>
        {children}
      </Text>
    </Stack>
  );
}

/**
 * What an evidence record states — flags, dates, people, links, its file, URL or structured record —
 * as the organization and, through an engagement, its auditors see it.
 */
export function EvidenceFacts({ d, downloadHref }: { d: TEvidenceDetail; downloadHref: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const none = t('common.none');
  return (
    <Card withBorder padding="lg">
      <Stack gap="md">
        <EvidenceFlags e={d} testId="evidence-detail" />
        {d.notContemporaneous && (
          <Alert color="red" variant="light" data-testid="evidence-late-explained">
            {t('evidence.flags.notContemporaneousHelp', { days: d.daysAfterEffective, window: d.contemporaneityDays })}
          </Alert>
        )}
        {d.status !== 'draft' && (
          <Text size="sm" c="dimmed">
            {t('evidence.detail.immutable')}
          </Text>
        )}
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Field label={t('evidence.fields.effectiveDate')} testId="evidence-effective">
            {format.date(day(d.effectiveDate))}
          </Field>
          <Field label={t('evidence.fields.receivedAt')} testId="evidence-received">
            {format.dateTime(d.receivedAt)} · {t('evidence.detail.days', { count: d.daysAfterEffective })} ({t('evidence.detail.window', { count: d.contemporaneityDays })})
          </Field>
          <Field label={t('evidence.fields.validUntil')}>{format.date(day(d.validUntil))}</Field>
          <Field label={`${t('evidence.fields.periodFrom')} – ${t('evidence.fields.periodTo')}`}>
            {d.periodFrom || d.periodTo ? `${format.date(day(d.periodFrom))} – ${format.date(day(d.periodTo))}` : none}
          </Field>
          <Field label={t('evidence.fields.owner')}>{d.owner?.name ?? none}</Field>
          <Field label={t('evidence.fields.createdBy')}>{d.createdBy?.name ?? (d.pushedByToken ? t('evidence.fields.pushedBy', { name: d.pushedByToken.name }) : none)}</Field>
          <Field label={t('evidence.fields.controls')} testId="evidence-controls-value">
            {d.controls.map((c) => `${c.reference} — ${c.title}`).join(', ') || none}
          </Field>
          <Field label={t('evidence.fields.requirements')}>{d.requirements.map((r) => `${r.frameworkId} ${r.ref}`).join(', ') || none}</Field>
          <Field label={t('evidence.fields.sha256')} testId="evidence-sha256">
            <Text size="xs" ff="monospace" style={{ wordBreak: 'break-all' }}>
              {d.sha256}
            </Text>
          </Field>
          {d.reviewedBy && (
            <Field label={t('evidence.fields.reviewedBy')}>
              {d.reviewedBy.name} · {format.dateTime(d.reviewedAt)}
              {d.reviewComment ? ` — ${d.reviewComment}` : ''}
            </Field>
          )}
        </SimpleGrid>
        {d.description && <Text size="sm">{d.description}</Text>}
        {d.file && (
          <Group gap="xs">
            <Button component="a" href={downloadHref} variant="default" size="xs" data-testid="evidence-download">
              {t('evidence.detail.download')}
            </Button>
            <Text size="sm">
              {d.file.filename} · {format.number(d.file.size)} B
            </Text>
          </Group>
        )}
        {d.url && (
          <Field label={t('evidence.fields.url')}>
            <Anchor href={d.url} target="_blank" rel="noopener noreferrer nofollow">
              {d.url}
            </Anchor>
          </Field>
        )}
        {d.record && (
          <Table withTableBorder data-testid="evidence-record">
            <Table.Tbody>
              {d.record.fields.map((f) => (
                <Table.Tr key={f.key}>
                  <Table.Th>{f.key}</Table.Th>
                  <Table.Td>{typeof f.value === 'number' ? format.number(f.value) : typeof f.value === 'boolean' ? t(f.value ? 'audit.yes' : 'audit.no') : f.value}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Card>
  );
}

/** The series' revisions, newest first, each linked where the reader opens it. */
export function EvidenceRevisions({ d, hrefOf }: { d: TEvidenceDetail; hrefOf: (id: string) => string }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Card withBorder padding="lg" data-testid="evidence-revisions">
      <Title order={2} size="h4" mb="md">
        {t('evidence.detail.revisions')}
      </Title>
      <Stack gap={4}>
        {d.revisions.map((r) => (
          <Group key={r.id} gap="xs">
            <Anchor component={Link} to={hrefOf(r.id)} fw={r.id === d.id ? 700 : undefined}>
              {t('evidence.fields.revision')} {format.number(r.revision)}
            </Anchor>
            <Text size="sm">
              · {r.title} · {t(`evidence.status.${r.status}`)} · {format.dateTime(r.createdAt)}
              {r.notContemporaneous ? ` · ${t('evidence.flags.notContemporaneous')}` : ''}
            </Text>
          </Group>
        ))}
      </Stack>
    </Card>
  );
}

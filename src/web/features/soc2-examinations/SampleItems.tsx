import { Badge, Button, Group, MultiSelect, Radio, Stack, Table, Text, Textarea, Tooltip } from '@mantine/core';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useFormat } from '../../lib/format';
import { SOC2_ITEM_RESULTS, type TSoc2ItemResult } from '../../../shared/contracts/soc2';
import type { TSoc2Examination } from '../../../shared/contracts/soc2-examinations';
import type { TSoc2SampleItem, TSoc2TestTesting } from '../../../shared/contracts/soc2-fieldwork';
import { noon } from '../audits/StateBadge';
import { useTenantContext } from '../tenants/TenantRoute';
import { useSoc2Requests } from './api';
import { useRecordItemResult } from './fieldwork-api';

type TSample = TSoc2TestTesting['samples'][number];
const RESULT_COLOR: Record<TSoc2ItemResult, string> = { pending: 'gray', no_exception: 'teal', exception: 'red' };

/** The sample's items with their result, evidence, notes and contemporaneity flag; one item is edited at a time. */
export function SampleItems({ examination: x, sample: s, writable }: { examination: TSoc2Examination; sample: TSample; writable: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [editing, setEditing] = useState<string | null>(null);
  const flag = (i: TSoc2SampleItem) =>
    i.contemporaneity.flagged ? (
      <Tooltip label={t(`soc2Testing.work.items.flag.${i.contemporaneity.reason ?? 'created_late'}`, { count: Math.abs(i.contemporaneity.lagDays ?? 0) })} multiline w={260}>
        <Badge color="orange" variant="light" style={{ minWidth: 'max-content' }} data-testid={`soc2-item-flag-${i.key}`}>
          {t('soc2Testing.work.items.flagShort')}
        </Badge>
      </Tooltip>
    ) : null;
  return (
    <Table.ScrollContainer minWidth={880}>
      <Table verticalSpacing="xs" fz="sm" data-testid={`soc2-items-${s.extensionNo}`}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('soc2Testing.work.items.key')}</Table.Th>
            <Table.Th>{t('soc2Testing.work.items.date')}</Table.Th>
            <Table.Th>{t('soc2Testing.work.items.stratum')}</Table.Th>
            <Table.Th>{t('soc2Testing.work.items.text')}</Table.Th>
            <Table.Th>{t('soc2Testing.work.items.result')}</Table.Th>
            <Table.Th>{t('soc2Testing.work.items.evidence')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {s.items.map((i) => (
            <Fragment key={i.id}>
              <Table.Tr data-testid={`soc2-item-${i.key}`} data-result={i.result}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  {i.key}
                  {i.kind !== 'random' && (
                    <div>
                      <Badge size="xs" variant="outline" style={{ minWidth: 'max-content' }} title={i.judgmentReason || undefined}>
                        {t(`soc2Testing.work.items.kind.${i.kind}`)}
                      </Badge>
                    </div>
                  )}
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{format.date(noon(i.date))}</Table.Td>
                <Table.Td>{t(`soc2Testing.work.items.strata.${i.stratum}`)}</Table.Td>
                <Table.Td>
                  {i.text}
                  {i.judgmentReason && (
                    <Text size="xs" c="dimmed" fs="italic">
                      {i.judgmentReason}
                    </Text>
                  )}
                  {i.notes && (
                    <Text size="xs" c="dimmed" style={{ whiteSpace: 'pre-wrap' }}>
                      {i.notes}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    <Badge color={RESULT_COLOR[i.result]} variant="light" style={{ minWidth: 'max-content' }} data-testid={`soc2-item-result-${i.key}`}>
                      {t(`soc2Testing.work.items.results.${i.result}`)}
                    </Badge>
                    {flag(i)}
                  </Group>
                </Table.Td>
                <Table.Td>
                  {i.evidence.length ? i.evidence.map((e) => e.title).join(', ') : t('common.none')}
                  {i.evidenceCreatedOn && (
                    <Text size="xs" c="dimmed">
                      {t('soc2Testing.work.items.createdOn', { date: format.date(noon(i.evidenceCreatedOn)) })}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  {writable && editing !== i.id && (
                    <Button size="xs" variant="subtle" onClick={() => setEditing(i.id)} data-testid={`soc2-item-edit-${i.key}`}>
                      {t('soc2Testing.work.items.record')}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
              {writable && editing === i.id && (
                <Table.Tr>
                  <Table.Td colSpan={7}>
                    <ItemResultForm examination={x} item={i} onDone={() => setEditing(null)} />
                  </Table.Td>
                </Table.Tr>
              )}
            </Fragment>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** Result, notes and the evidence the organization provided (through the PBC list) for one item. */
function ItemResultForm({ examination: x, item: i, onDone }: { examination: TSoc2Examination; item: TSoc2SampleItem; onDone: () => void }) {
  const { t } = useTranslation();
  const { tenant } = useTenantContext();
  const save = useRecordItemResult(tenant.id, x.id);
  const requests = useSoc2Requests(tenant.id, x.id);
  const [result, setResult] = useState<TSoc2ItemResult>(i.result === 'pending' ? 'no_exception' : i.result);
  const [notes, setNotes] = useState(i.notes);
  const [evidenceIds, setEvidenceIds] = useState(i.evidence.map((e) => e.id));
  const options = new Map<string, string>(i.evidence.map((e) => [e.id, e.title]));
  for (const r of requests.data?.items ?? []) for (const e of r.evidence) options.set(e.id, `${e.title} (${r.reference})`);
  return (
    <Stack gap="xs" data-testid={`soc2-item-form-${i.key}`}>
      <ErrorAlert error={save.error} />
      <Radio.Group label={t('soc2Testing.work.items.result')} value={result} onChange={(v) => setResult(v as TSoc2ItemResult)}>
        <Group mt={4}>
          {SOC2_ITEM_RESULTS.map((r) => (
            <Radio key={r} value={r} label={t(`soc2Testing.work.items.results.${r}`)} data-testid={`soc2-item-form-result-${r}`} />
          ))}
        </Group>
      </Radio.Group>
      <MultiSelect
        label={t('soc2Testing.work.items.evidence')}
        description={options.size ? t('soc2Testing.work.items.evidenceHelp') : t('soc2Testing.work.items.evidenceNone')}
        data={[...options].map(([value, label]) => ({ value, label }))}
        value={evidenceIds}
        onChange={setEvidenceIds}
        searchable
        maxValues={20}
        disabled={!options.size}
        data-testid="soc2-item-form-evidence"
      />
      <Textarea label={t('soc2Testing.work.items.notes')} autosize minRows={2} value={notes} onChange={(e) => setNotes(e.currentTarget.value)} data-testid="soc2-item-form-notes" />
      <Group justify="flex-end">
        <Button variant="default" size="xs" onClick={onDone}>
          {t('common.cancel')}
        </Button>
        <Button size="xs" loading={save.isPending} onClick={() => save.mutate({ itemId: i.id, result, notes: notes.trim(), evidenceIds }, { onSuccess: onDone })} data-testid="soc2-item-form-save">
          {t('soc2Testing.work.items.save')}
        </Button>
      </Group>
    </Stack>
  );
}

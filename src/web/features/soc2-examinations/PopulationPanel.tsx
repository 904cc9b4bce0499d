import { Badge, Button, Card, Code, Group, NativeSelect, SimpleGrid, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useFormat } from '../../lib/format';
import type { TSoc2Examination } from '../../../shared/contracts/soc2-examinations';
import type { TSoc2Population, TSoc2PopulationDetail } from '../../../shared/contracts/soc2-fieldwork';
import type { TSoc2Test } from '../../../shared/contracts/soc2-program';
import { noon } from '../audits/StateBadge';
import { useTenantContext } from '../tenants/TenantRoute';
import { Fact } from './ExaminationBits';
import { useRecordCompleteness, useSoc2Population, useSoc2Populations } from './fieldwork-api';
import { DrawForm } from './DrawForm';
import { PopulationUpload } from './PopulationUpload';

/** The test's populations: the latest is shown (another may be picked), with the way to import a new one. */
export function PopulationPanel({ examination: x, test, canWrite }: { examination: TSoc2Examination; test: TSoc2Test; canWrite: boolean }) {
  const { t } = useTranslation();
  const { tenant } = useTenantContext();
  const list = useSoc2Populations(tenant.id, x.id, test.id);
  const format = useFormat();
  const [picked, setPicked] = useState<string | null>(null);
  const [importing, setImporting] = useState(false);
  const items = [...(list.data?.items ?? [])].sort((a, b) => b.importedAt.localeCompare(a.importedAt));
  const current = items.find((p) => p.id === picked) ?? items[0] ?? null;
  const writable = canWrite && !!list.data?.abilities['soc2Program.write'] && test.conclusion === 'pending';
  return (
    <Card withBorder padding="lg" data-testid="soc2-work-population">
      <Group justify="space-between" mb="md">
        <Title order={3} size="h4">
          {t('soc2Testing.work.population.title')}
        </Title>
        {writable && current && !importing && (
          <Button variant="default" size="xs" onClick={() => setImporting(true)} data-testid="soc2-population-import-another">
            {t('soc2Testing.work.population.importAnother')}
          </Button>
        )}
      </Group>
      <Stack gap="md">
        <ErrorAlert error={list.error} />
        {items.length > 1 && (
          <NativeSelect
            label={t('soc2Testing.work.population.pick')}
            value={current?.id}
            onChange={(e) => setPicked(e.currentTarget.value)}
            data={items.map((p) => ({ value: p.id, label: `${p.name} · ${p.fileName} · ${t('soc2Testing.work.population.rows', { count: p.rowCount, n: format.number(p.rowCount) })}` }))}
            data-testid="soc2-population-pick"
          />
        )}
        {writable && (importing || (list.isSuccess && !current)) && (
          <PopulationUpload examination={x} test={test} onDone={(id) => { setImporting(false); if (id) setPicked(id); }} canCancel={!!current} />
        )}
        {list.isSuccess && !current && !writable && <Text size="sm" c="dimmed">{t('soc2Testing.work.population.none')}</Text>}
        {current && <PopulationView key={current.id} examination={x} population={current} writable={writable} />}
      </Stack>
    </Card>
  );
}

function PopulationView({ examination: x, population: p, writable }: { examination: TSoc2Examination; population: TSoc2Population; writable: boolean }) {
  const { t } = useTranslation();
  const { tenant } = useTenantContext();
  const format = useFormat();
  const detail = useSoc2Population(tenant.id, x.id, p.id);
  const day = (d: string | null) => format.date(noon(d));
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Fact label={t('soc2Testing.work.population.name')} value={p.name} testId="soc2-population-name" />
        <Fact label={t('soc2Testing.work.population.file')} value={`${p.fileName} · ${t(`soc2Testing.work.population.source.${p.source}`)} · ${t('soc2Testing.work.population.bytes', { size: format.number(p.fileSize) })}`} />
        <Fact label={t('soc2Testing.work.population.importedAt')} value={format.dateTime(p.importedAt)} />
        <Fact label={t('soc2Testing.work.population.rowCount')} value={format.number(p.rowCount)} testId="soc2-population-rows" />
        <Fact label={t('soc2Testing.work.population.dates')} value={t('soc2Testing.work.population.dateRange', { first: day(p.firstDate), last: day(p.lastDate) })} testId="soc2-population-dates" />
        <Fact label={t('soc2Testing.work.population.mapping')} value={t('soc2Testing.work.population.mappingValue', { key: p.mapping.keyColumn, date: p.mapping.dateColumn, text: p.mapping.textColumns.join(', ') || t('common.none') })} />
      </SimpleGrid>
      <div>
        <Text size="xs" c="dimmed">
          {t('soc2Testing.work.population.sha256')}
        </Text>
        <Code block data-testid="soc2-population-sha256" style={{ wordBreak: 'break-all' }}>
          {p.fileSha256}
        </Code>
      </div>
      <Group gap="xs" data-testid="soc2-population-checks">
        <Badge color="teal" variant="light">
          {t('soc2Testing.work.population.checked', { count: p.rowCount, n: format.number(p.rowCount) })}
        </Badge>
        <Text size="xs" c="dimmed">
          {t('soc2Testing.work.population.checkedHelp')}
        </Text>
      </Group>
      {detail.data && <Preview detail={detail.data} />}
      <Completeness examination={x} population={p} writable={writable} />
      {writable && p.samples === 0 && p.completenessAccuracy.trim() !== '' && <DrawForm examination={x} population={p} />}
    </Stack>
  );
}

function Preview({ detail }: { detail: TSoc2PopulationDetail }) {
  const { t } = useTranslation();
  if (!detail.preview.rows.length) return null;
  return (
    <div>
      <Text size="xs" c="dimmed" mb={4}>
        {t('soc2Testing.work.population.preview', { count: detail.preview.rows.length })}
      </Text>
      <Table.ScrollContainer minWidth={480}>
        <Table striped withTableBorder fz="xs" data-testid="soc2-population-preview">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('soc2Testing.work.population.row')}</Table.Th>
              {detail.preview.header.map((h, i) => (
                <Table.Th key={i}>{h}</Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {detail.preview.rows.map((r) => (
              <Table.Tr key={r.rowNumber}>
                <Table.Td>{r.rowNumber}</Table.Td>
                {r.cells.map((c, i) => (
                  <Table.Td key={i}>{c}</Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </div>
  );
}

/** How completeness and accuracy were checked (information produced by the entity): required before the draw. */
function Completeness({ examination: x, population: p, writable }: { examination: TSoc2Examination; population: TSoc2Population; writable: boolean }) {
  const { t } = useTranslation();
  const { tenant } = useTenantContext();
  const save = useRecordCompleteness(tenant.id, x.id, p.id);
  const [text, setText] = useState(p.completenessAccuracy);
  const [editing, setEditing] = useState(p.completenessAccuracy.trim() === '');
  if (!writable || !editing)
    return (
      <Group justify="space-between" align="flex-start">
        <Fact label={t('soc2Testing.work.population.completeness')} value={p.completenessAccuracy || t('soc2Testing.work.population.completenessMissing')} testId="soc2-population-completeness" />
        {writable && p.samples === 0 && (
          <Button size="xs" variant="subtle" onClick={() => setEditing(true)} data-testid="soc2-population-completeness-edit">
            {t('soc2Testing.work.population.completenessEdit')}
          </Button>
        )}
      </Group>
    );
  return (
    <Stack gap="xs">
      <ErrorAlert error={save.error} />
      <Textarea
        label={t('soc2Testing.work.population.completeness')}
        description={t('soc2Testing.work.population.completenessHelp')}
        autosize
        minRows={2}
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
        data-testid="soc2-population-completeness-text"
      />
      <Group justify="flex-end">
        <Button size="sm" disabled={!text.trim()} loading={save.isPending} onClick={() => save.mutate(text.trim(), { onSuccess: () => setEditing(false) })} data-testid="soc2-population-completeness-save">
          {t('soc2Testing.work.population.completenessSave')}
        </Button>
      </Group>
    </Stack>
  );
}

import { Alert, Button, Card, Checkbox, Group, List, NativeSelect, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { isApiError } from '../../lib/api';
import { useFormat } from '../../lib/format';
import type { TSoc2Examination } from '../../../shared/contracts/soc2-examinations';
import type { TSoc2PopulationRowError } from '../../../shared/contracts/soc2-fieldwork';
import type { TSoc2Test } from '../../../shared/contracts/soc2-program';
import { useTenantContext } from '../tenants/TenantRoute';
import { usePeriodLabel } from './ExaminationBits';
import { usePopulationFromEvidence, useUploadPopulation, type TPopulationUpload } from './fieldwork-api';

type TFields = Omit<TPopulationUpload, 'file'>;

/** What the server imports: CSV (.csv, .txt) or an XLSX workbook. */
const ACCEPT = '.csv,.txt,.xlsx,text/csv,text/plain,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Import a population for a test: a CSV file with its columns named (key, date, text shown with each
 * item), or the organization's evidence records linked to the control. The server checks every row
 * against the examination's period and refuses the whole file on any bad row; the refused rows are
 * listed here with their row numbers, in the reader's language. Nothing is stored for a refused file.
 */
export function PopulationUpload({ examination: x, test, onDone, canCancel }: { examination: TSoc2Examination; test: TSoc2Test; onDone: (id: string | null) => void; canCancel: boolean }) {
  const { t, i18n } = useTranslation();
  const { tenant } = useTenantContext();
  const period = usePeriodLabel();
  const format = useFormat();
  const upload = useUploadPopulation(tenant.id, x.id, test.id);
  const fromEvidence = usePopulationFromEvidence(tenant.id, x.id, test.id);
  const [file, setFile] = useState<File | null>(null);
  const [v, setV] = useState<TFields>({ name: '', keyColumn: '', dateColumn: '', textColumns: '', delimiter: ',', worksheet: '', dayFirstDates: false });
  const set = <K extends keyof TFields>(k: K, value: TFields[K]) => setV((o) => ({ ...o, [k]: value }));
  const lang = i18n.resolvedLanguage === 'fr' ? 'fr' : 'en';
  const refused = isApiError(upload.error) && upload.error.code === 'population_rows_invalid' ? ((upload.error.details ?? {}) as { rowErrors?: TSoc2PopulationRowError[]; rowErrorCount?: number }) : null;
  // Row counts of a large file are written as the reader's language groups digits (1 204 in French).
  const wrong = refused ? (refused.rowErrorCount ?? refused.rowErrors?.length ?? 0) : 0;
  const shown = refused?.rowErrors?.length ?? 0;
  const xlsx = !!file && /\.xlsx$/i.test(file.name);
  const ready = !!file && v.name.trim() && v.keyColumn.trim() && v.dateColumn.trim();
  return (
    <Card withBorder padding="md" bg="var(--mantine-color-default-hover)" data-testid="soc2-population-upload">
      <Stack gap="sm">
        <Text size="sm">{t('soc2Testing.work.upload.intro', { period: period(x) })}</Text>
        <input
          type="file"
          accept={ACCEPT}
          aria-label={t('soc2Testing.work.upload.file')}
          onChange={(e) => {
            const f = e.currentTarget.files?.[0] ?? null;
            setFile(f);
            if (f && !v.name) set('name', f.name.replace(/\.[^.]+$/, ''));
          }}
          data-testid="soc2-population-file"
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t('soc2Testing.work.upload.name')} value={v.name} onChange={(e) => set('name', e.currentTarget.value)} data-testid="soc2-population-name-input" />
          {xlsx ? (
            <TextInput label={t('soc2Testing.work.upload.worksheet')} description={t('soc2Testing.work.upload.worksheetHelp')} value={v.worksheet} onChange={(e) => set('worksheet', e.currentTarget.value)} data-testid="soc2-population-worksheet" />
          ) : (
            <NativeSelect
              label={t('soc2Testing.work.upload.delimiter')}
              value={v.delimiter}
              onChange={(e) => set('delimiter', e.currentTarget.value as TFields['delimiter'])}
              data={(['comma', 'semicolon', 'tab', 'pipe'] as const).map((d, i) => ({ value: ([',', ';', 'tab', '|'] as const)[i]!, label: t(`soc2Testing.work.upload.delimiters.${d}`) }))}
              data-testid="soc2-population-delimiter"
            />
          )}
          <TextInput label={t('soc2Testing.work.upload.keyColumn')} description={t('soc2Testing.work.upload.keyHelp')} value={v.keyColumn} onChange={(e) => set('keyColumn', e.currentTarget.value)} data-testid="soc2-population-key" />
          <TextInput label={t('soc2Testing.work.upload.dateColumn')} description={t('soc2Testing.work.upload.dateHelp')} value={v.dateColumn} onChange={(e) => set('dateColumn', e.currentTarget.value)} data-testid="soc2-population-date" />
          <TextInput label={t('soc2Testing.work.upload.textColumns')} description={t('soc2Testing.work.upload.textHelp')} value={v.textColumns} onChange={(e) => set('textColumns', e.currentTarget.value)} data-testid="soc2-population-text" />
          <Checkbox mt="lg" label={t('soc2Testing.work.upload.dayFirst')} checked={v.dayFirstDates} onChange={(e) => set('dayFirstDates', e.currentTarget.checked)} data-testid="soc2-population-day-first" />
        </SimpleGrid>
        {refused ? (
          <Alert color="red" variant="light" title={t('soc2Testing.work.upload.refusedTitle', { count: wrong, n: format.number(wrong) })} role="alert" data-testid="soc2-population-refused">
            <List size="sm">
              {(refused.rowErrors ?? []).map((e) => (
                <List.Item key={`${e.row}-${e.code}`} data-testid={`soc2-population-refused-row-${e.row}`}>
                  {e.message[lang]}
                </List.Item>
              ))}
            </List>
            {wrong > shown && <Text size="sm" mt="xs">{t('soc2Testing.work.upload.refusedMore', { count: wrong - shown, n: format.number(wrong - shown) })}</Text>}
            <Text size="sm" mt="xs">{t('soc2Testing.work.upload.nothingStored')}</Text>
          </Alert>
        ) : (
          <ErrorAlert error={upload.error ?? fromEvidence.error} />
        )}
        <Group justify="space-between">
          <Button
            variant="subtle"
            size="xs"
            loading={fromEvidence.isPending}
            disabled={!v.name.trim()}
            title={t('soc2Testing.work.upload.fromEvidenceHelp')}
            onClick={() => fromEvidence.mutate(v.name.trim(), { onSuccess: (p) => onDone(p.id) })}
            data-testid="soc2-population-from-evidence"
          >
            {t('soc2Testing.work.upload.fromEvidence')}
          </Button>
          <Group>
            {canCancel && (
              <Button variant="default" onClick={() => onDone(null)}>
                {t('common.cancel')}
              </Button>
            )}
            <Button disabled={!ready} loading={upload.isPending} onClick={() => file && upload.mutate({ ...v, name: v.name.trim(), worksheet: xlsx ? v.worksheet.trim() : '', file }, { onSuccess: (p) => onDone(p.id) })} data-testid="soc2-population-submit">
              {t('soc2Testing.work.upload.submit')}
            </Button>
          </Group>
        </Group>
      </Stack>
    </Card>
  );
}

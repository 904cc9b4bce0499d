import { Badge, Button, Card, Group, NativeSelect, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { useFormat } from '../../lib/format';
import type { TSoc2Examination } from '../../../shared/contracts/soc2-examinations';
import type { TSoc2TestTesting } from '../../../shared/contracts/soc2-fieldwork';
import type { TSoc2Test } from '../../../shared/contracts/soc2-program';
import { SOC2_TEST_CONCLUSIONS, type TSoc2TestConclusion } from '../../../shared/contracts/soc2';
import { useTenantContext } from '../tenants/TenantRoute';
import { Fact } from './ExaminationBits';
import { useConcludeTest, useSoc2Testing } from './fieldwork-api';
import { SampleCard } from './SampleCard';

/** The testing workspace of one test: its samples and their items, the deviation rate and the conclusion. */
export function TestingPanel({ examination: x, test, canWrite }: { examination: TSoc2Examination; test: TSoc2Test; canWrite: boolean }) {
  const { t } = useTranslation();
  const { tenant } = useTenantContext();
  const format = useFormat();
  const testing = useSoc2Testing(tenant.id, x.id, test.id);
  if (testing.isPending) return <Loading />;
  if (testing.error) return <ErrorAlert error={testing.error} />;
  const w = testing.data;
  const writable = canWrite && w.abilities['soc2Program.write'];
  const open = writable && w.conclusion === 'pending';
  const rate = w.deviationRate === null ? t('common.none') : `${format.number(Math.round(w.deviationRate * 1000) / 10)}${t('soc2Testing.work.testing.percent')}`;
  return (
    <Stack gap="lg">
      <Card withBorder padding="lg" data-testid="soc2-work-summary">
        <Title order={3} size="h4" mb="md">
          {t('soc2Testing.work.testing.title', { reference: w.reference, control: w.controlRef })}
        </Title>
        <SimpleGrid cols={{ base: 2, sm: 5 }}>
          <Fact label={t('soc2Testing.work.testing.items')} value={format.number(w.items)} testId="soc2-work-items" />
          <Fact label={t('soc2Testing.work.testing.pending')} value={format.number(w.pending)} testId="soc2-work-pending" />
          <Fact label={t('soc2Testing.work.testing.exceptions')} value={format.number(w.exceptions)} testId="soc2-work-exceptions" />
          <Fact label={t('soc2Testing.work.testing.deviationRate')} value={rate} testId="soc2-work-deviation-rate" />
          <Fact
            label={t('soc2Testing.work.testing.flags')}
            value={w.contemporaneityFlags ? <Badge color="orange" variant="light">{format.number(w.contemporaneityFlags)}</Badge> : format.number(0)}
            testId="soc2-work-flags"
          />
        </SimpleGrid>
      </Card>
      {w.samples.length === 0 && (
        <Text size="sm" c="dimmed" data-testid="soc2-work-no-sample">
          {t('soc2Testing.work.testing.noSample')}
        </Text>
      )}
      {w.samples.map((s) => (
        <SampleCard key={s.id} examination={x} sample={s} testing={w} writable={open} />
      ))}
      {/* Also without a sample: the server concludes a test examined as a whole (Type I, one configuration), and reporting waits for every conclusion. */}
      <Conclusion key={`${w.conclusion}-${w.exceptions > 0}`} examination={x} testing={w} writable={writable} />
    </Stack>
  );
}

/** The test's conclusion: refused by the server while an item is pending; `pending` reopens a concluded test. */
function Conclusion({ examination: x, testing: w, writable }: { examination: TSoc2Examination; testing: TSoc2TestTesting; writable: boolean }) {
  const { t } = useTranslation();
  const { tenant } = useTenantContext();
  const conclude = useConcludeTest(tenant.id, x.id, w.testId);
  const [value, setValue] = useState<TSoc2TestConclusion>(w.conclusion === 'pending' ? (w.exceptions ? 'exception' : 'no_exception') : w.conclusion);
  const [notes, setNotes] = useState(w.conclusionNotes);
  const concluded = w.conclusion !== 'pending';
  return (
    <Card withBorder padding="lg" data-testid="soc2-work-conclusion" data-conclusion={w.conclusion}>
      <Title order={3} size="h4" mb="md">
        {t('soc2Testing.work.conclusion.title')}
      </Title>
      <Stack gap="sm">
        <ErrorAlert error={conclude.error} />
        {concluded || !writable ? (
          <>
            <Group gap="sm">
              <Badge color={w.conclusion === 'exception' ? 'red' : w.conclusion === 'no_exception' ? 'teal' : 'gray'} variant="light" data-testid="soc2-work-conclusion-value">
                {t(`soc2Testing.conclusion.${w.conclusion}`)}
              </Badge>
            </Group>
            {w.conclusionNotes && <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{w.conclusionNotes}</Text>}
            {writable && concluded && (
              <Group justify="flex-end">
                <Button variant="default" loading={conclude.isPending} onClick={() => conclude.mutate({ conclusion: 'pending', notes: w.conclusionNotes })} data-testid="soc2-work-reopen">
                  {t('soc2Testing.work.conclusion.reopen')}
                </Button>
              </Group>
            )}
          </>
        ) : (
          <>
            {w.pending > 0 && <Text size="sm" c="orange">{t('soc2Testing.work.conclusion.pendingItems', { count: w.pending })}</Text>}
            <NativeSelect
              label={t('soc2Testing.work.conclusion.value')}
              value={value}
              onChange={(e) => setValue(e.currentTarget.value as TSoc2TestConclusion)}
              data={SOC2_TEST_CONCLUSIONS.filter((c) => c !== 'pending').map((c) => ({ value: c, label: t(`soc2Testing.conclusion.${c}`) }))}
              data-testid="soc2-work-conclusion-select"
            />
            <Textarea label={t('soc2Testing.work.conclusion.notes')} autosize minRows={2} value={notes} onChange={(e) => setNotes(e.currentTarget.value)} data-testid="soc2-work-conclusion-notes" />
            <Group justify="flex-end">
              <Button loading={conclude.isPending} onClick={() => conclude.mutate({ conclusion: value, notes: notes.trim() })} data-testid="soc2-work-conclude">
                {t('soc2Testing.work.conclusion.submit')}
              </Button>
            </Group>
          </>
        )}
      </Stack>
    </Card>
  );
}

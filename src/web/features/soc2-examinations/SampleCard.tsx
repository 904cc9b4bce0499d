import { Badge, Button, Card, Code, Group, NumberInput, SimpleGrid, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useFormat } from '../../lib/format';
import type { TSoc2Examination } from '../../../shared/contracts/soc2-examinations';
import type { TSoc2TestTesting } from '../../../shared/contracts/soc2-fieldwork';
import { useTenantContext } from '../tenants/TenantRoute';
import { randomSeed, SEED_PATTERN } from './DrawForm';
import { Fact } from './ExaminationBits';
import { useAddJudgmental, useExtendSample, useVerifySample } from './fieldwork-api';
import { SampleItems } from './SampleItems';
import { useSizeTrace } from './size-trace';

type TSample = TSoc2TestTesting['samples'][number];

/** One sample: how it was drawn (seed, algorithm and version, size and why), the re-draw check, its items. */
export function SampleCard({ examination: x, sample: s, testing: w, writable }: { examination: TSoc2Examination; sample: TSample; testing: TSoc2TestTesting; writable: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const trace = useSizeTrace();
  const last = w.samples.filter((o) => o.populationId === s.populationId).at(-1)?.id === s.id;
  const hasException = s.items.some((i) => i.result === 'exception') || w.samples.some((o) => o.populationId === s.populationId && o.items.some((i) => i.result === 'exception'));
  return (
    <Card withBorder padding="lg" data-testid={`soc2-sample-${s.extensionNo}`}>
      <Group justify="space-between" mb="md">
        <Title order={3} size="h4">
          {s.extensionNo === 0 ? t('soc2Testing.work.sample.title') : t('soc2Testing.work.sample.extensionTitle', { n: s.extensionNo })}
        </Title>
        <Text size="xs" c="dimmed">
          {t('soc2Testing.work.sample.drawnAt', { at: format.dateTime(s.drawnAt) })}
        </Text>
      </Group>
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Fact
            label={t('soc2Testing.work.sample.seed')}
            value={
              <Group gap={6} component="span">
                <Code data-testid="soc2-sample-seed">{s.seed}</Code>
                {s.sizeTrace.seedGenerated === true && <Badge size="xs" variant="light">{t('soc2Testing.work.sample.seedGenerated')}</Badge>}
              </Group>
            }
          />
          <Fact label={t('soc2Testing.work.sample.algorithm')} value={<Code data-testid="soc2-sample-algorithm">{s.algorithm}</Code>} />
          <Fact label={t('soc2Testing.work.sample.size')} value={format.number(s.size)} testId="soc2-sample-size" />
        </SimpleGrid>
        <Fact label={t('soc2Testing.work.sample.sizeWhy')} value={trace(s.sizeTrace)} testId="soc2-sample-size-trace" />
        <RedrawCheck examination={x} sample={s} />
        <SampleItems examination={x} sample={s} writable={writable} />
        {writable && <Judgmental examination={x} sample={s} />}
        {writable && last && hasException && <Extend examination={x} sample={s} />}
      </Stack>
    </Card>
  );
}

/**
 * The re-draw check: the server re-reads the frozen file and index, checks their SHA-256 and draws
 * again with the seed given (the recorded one by default). The recorded seed must give the same
 * rows; another seed shows that the seed, not a choice, decided them. Nothing is recorded.
 */
function RedrawCheck({ examination: x, sample: s }: { examination: TSoc2Examination; sample: TSample }) {
  const { t } = useTranslation();
  const { tenant } = useTenantContext();
  const verify = useVerifySample(tenant.id, x.id, s.id);
  const [seed, setSeed] = useState(s.seed);
  const r = verify.data;
  const bad = !SEED_PATTERN.test(seed);
  return (
    <Card withBorder padding="sm" bg="var(--mantine-color-default-hover)" data-testid="soc2-redraw">
      <Stack gap="xs">
        <Text size="sm" fw={600}>
          {t('soc2Testing.work.redraw.title')}
        </Text>
        <Text size="xs" c="dimmed">
          {t('soc2Testing.work.redraw.help')}
        </Text>
        <Group align="flex-end">
          <TextInput style={{ flex: 1 }} label={t('soc2Testing.work.redraw.seed')} value={seed} onChange={(e) => setSeed(e.currentTarget.value)} ff="monospace" error={bad ? t('soc2Testing.work.draw.seedInvalid') : undefined} data-testid="soc2-redraw-seed" />
          <Button variant="default" onClick={() => setSeed(s.seed)} disabled={seed === s.seed}>
            {t('soc2Testing.work.redraw.recorded')}
          </Button>
          <Button variant="default" onClick={() => setSeed(randomSeed())} data-testid="soc2-redraw-new-seed">
            {t('soc2Testing.work.draw.newSeed')}
          </Button>
          <Button disabled={bad} loading={verify.isPending} onClick={() => verify.mutate(seed)} data-testid="soc2-redraw-run">
            {t('soc2Testing.work.redraw.run')}
          </Button>
        </Group>
        <ErrorAlert error={verify.error} />
        {r && !verify.isPending && (
          <Stack gap={4} data-testid="soc2-redraw-result" data-identical={String(r.identical)} data-recorded-seed={String(r.recordedSeed)}>
            <Group gap="xs">
              <Badge color={r.identical ? 'teal' : r.recordedSeed ? 'red' : 'blue'} variant="light" data-testid="soc2-redraw-verdict">
                {t(r.identical ? 'soc2Testing.work.redraw.identical' : 'soc2Testing.work.redraw.different')}
              </Badge>
              <Badge color={r.populationSha256Matches ? 'teal' : 'red'} variant="light">
                {t(r.populationSha256Matches ? 'soc2Testing.work.redraw.shaOk' : 'soc2Testing.work.redraw.shaBad')}
              </Badge>
            </Group>
            <Text size="sm" data-testid="soc2-redraw-explanation">
              {t(r.recordedSeed ? (r.identical ? 'soc2Testing.work.redraw.sameSeedSame' : 'soc2Testing.work.redraw.sameSeedDiffers') : r.identical ? 'soc2Testing.work.redraw.otherSeedSame' : 'soc2Testing.work.redraw.otherSeedDiffers', { seed: r.seed })}
            </Text>
            <Text size="xs" c="dimmed">
              {t('soc2Testing.work.redraw.rows', { expected: r.expectedRows.join(', ') || '—', recorded: r.recordedRows.join(', ') || '—' })}
            </Text>
          </Stack>
        )}
      </Stack>
    </Card>
  );
}

/** Items the auditor adds by judgment: a row number as in the file, with the reason. */
function Judgmental({ examination: x, sample: s }: { examination: TSoc2Examination; sample: TSample }) {
  const { t } = useTranslation();
  const { tenant } = useTenantContext();
  const add = useAddJudgmental(tenant.id, x.id, s.id);
  const [open, setOpen] = useState(false);
  const [row, setRow] = useState<number | ''>('');
  const [reason, setReason] = useState('');
  if (!open)
    return (
      <Group justify="flex-end">
        <Button size="xs" variant="subtle" onClick={() => setOpen(true)} data-testid="soc2-judgmental-open">
          {t('soc2Testing.work.judgmental.open')}
        </Button>
      </Group>
    );
  return (
    <Stack gap="xs" data-testid="soc2-judgmental">
      <ErrorAlert error={add.error} />
      <Group align="flex-start" grow>
        <NumberInput label={t('soc2Testing.work.judgmental.row')} description={t('soc2Testing.work.judgmental.rowHelp')} min={1} allowDecimal={false} value={row} onChange={(v) => setRow(typeof v === 'number' ? v : '')} data-testid="soc2-judgmental-row" />
        <Textarea label={t('soc2Testing.work.judgmental.reason')} autosize minRows={1} value={reason} onChange={(e) => setReason(e.currentTarget.value)} data-testid="soc2-judgmental-reason" />
      </Group>
      <Group justify="flex-end">
        <Button variant="default" size="xs" onClick={() => setOpen(false)}>
          {t('common.cancel')}
        </Button>
        <Button
          size="xs"
          disabled={row === '' || !reason.trim()}
          loading={add.isPending}
          onClick={() => row !== '' && add.mutate([{ rowNumber: row, reason: reason.trim() }], { onSuccess: () => { setOpen(false); setRow(''); setReason(''); } })}
          data-testid="soc2-judgmental-submit"
        >
          {t('soc2Testing.work.judgmental.submit')}
        </Button>
      </Group>
    </Stack>
  );
}

/** After an exception: another draw from the rows not yet sampled (same seed by default, as the server does). */
function Extend({ examination: x, sample: s }: { examination: TSoc2Examination; sample: TSample }) {
  const { t } = useTranslation();
  const { tenant } = useTenantContext();
  const extend = useExtendSample(tenant.id, x.id, s.populationId);
  const [size, setSize] = useState<number | ''>('');
  return (
    <Card withBorder padding="sm" data-testid="soc2-extend">
      <Stack gap="xs">
        <Text size="sm">{t('soc2Testing.work.extend.intro')}</Text>
        <ErrorAlert error={extend.error} />
        <Group align="flex-end">
          <NumberInput label={t('soc2Testing.work.extend.size')} placeholder={t('soc2Testing.work.extend.sizeDefault')} min={1} max={1000} allowDecimal={false} value={size} onChange={(v) => setSize(typeof v === 'number' ? v : '')} data-testid="soc2-extend-size" />
          <Button variant="light" loading={extend.isPending} onClick={() => extend.mutate(size === '' ? {} : { size })} data-testid="soc2-extend-submit">
            {t('soc2Testing.work.extend.submit')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

import { Button, Card, Group, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import type { TSoc2Examination } from '../../../shared/contracts/soc2-examinations';
import type { TSoc2Population } from '../../../shared/contracts/soc2-fieldwork';
import { useTenantContext } from '../tenants/TenantRoute';
import { useDrawSample } from './fieldwork-api';

/** 128 random bits in hex: the seed the auditor sees before drawing (and may replace with their own). */
export function randomSeed(): string {
  const b = new Uint8Array(16);
  crypto.getRandomValues(b);
  return [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
}

export const SEED_PATTERN = /^[\x21-\x7e]{1,64}$/;

/** The first sample of a population: the seed is shown and editable; the size comes from the firm's method. */
export function DrawForm({ examination: x, population: p }: { examination: TSoc2Examination; population: TSoc2Population }) {
  const { t } = useTranslation();
  const { tenant } = useTenantContext();
  const draw = useDrawSample(tenant.id, x.id, p.id);
  const [seed, setSeed] = useState(randomSeed);
  const bad = !SEED_PATTERN.test(seed);
  return (
    <Card withBorder padding="md" data-testid="soc2-draw">
      <Stack gap="sm">
        <Text size="sm">{t('soc2Testing.work.draw.intro')}</Text>
        <ErrorAlert error={draw.error} />
        <Group align="flex-end">
          <TextInput
            style={{ flex: 1 }}
            label={t('soc2Testing.work.draw.seed')}
            description={t('soc2Testing.work.draw.seedHelp')}
            value={seed}
            onChange={(e) => setSeed(e.currentTarget.value)}
            error={bad ? t('soc2Testing.work.draw.seedInvalid') : undefined}
            ff="monospace"
            data-testid="soc2-draw-seed"
          />
          <Button variant="default" onClick={() => setSeed(randomSeed())} data-testid="soc2-draw-new-seed">
            {t('soc2Testing.work.draw.newSeed')}
          </Button>
        </Group>
        <Group justify="flex-end">
          <Button disabled={bad} loading={draw.isPending} onClick={() => draw.mutate(seed)} data-testid="soc2-draw-submit">
            {t('soc2Testing.work.draw.submit')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

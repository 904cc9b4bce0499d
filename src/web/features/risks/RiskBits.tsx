import { Badge, Box, SimpleGrid, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TRiskHeatMap, TRiskMatrixConfig, TScoreView } from '../../../shared/contracts/risks';

const lang = (l: string | undefined): 'en' | 'fr' => (l === 'fr' ? 'fr' : 'en');

/** A level as the matrix names and colours it (the key itself when the matrix has no such band). */
export function LevelBadge({ matrix, score, testId }: { matrix: TRiskMatrixConfig | undefined; score: TScoreView | null; testId?: string }) {
  const { t, i18n } = useTranslation();
  if (!score) return <Text size="sm" c="dimmed">{t('common.none')}</Text>;
  const band = matrix?.bands.find((b) => b.key === score.level);
  return (
    <Badge color={band?.color ?? 'gray'} variant="filled" data-testid={testId} title={t('risks.score', { likelihood: score.likelihood, impact: score.impact, score: score.score })}>
      {band ? band.label[lang(i18n.resolvedLanguage)] : score.level} · {score.score}
    </Badge>
  );
}

export type TCell = { axis: 'inherent' | 'residual'; likelihood: number; impact: number };

/** Likelihood up the side (highest on top), impact along the bottom; a click filters the register. */
function Grid({ map, axis, selected, onSelect }: { map: TRiskHeatMap; axis: 'inherent' | 'residual'; selected: TCell | null; onSelect: (c: TCell) => void }) {
  const { t, i18n } = useTranslation();
  const m = map.matrix.config;
  const l10n = lang(i18n.resolvedLanguage);
  const count = (l: number, i: number) => map[axis].find((c) => c.likelihood === l && c.impact === i)?.count ?? 0;
  const colour = (s: number) => m.bands.find((b) => s <= b.upTo)?.color ?? '#868e96';
  const likelihoods = m.likelihood.map((_, i) => m.likelihood.length - i);
  return (
    <Stack gap={4}>
      <Title order={3} size="h5">
        {t(`risks.heatMap.${axis}`)}
      </Title>
      <Box style={{ display: 'grid', gridTemplateColumns: `minmax(6rem, auto) repeat(${m.impact.length}, minmax(2.5rem, 1fr))`, gap: 2 }} data-testid={`heat-${axis}`}>
        {likelihoods.map((l) => [
          <Text key={`l${l}`} size="xs" ta="right" pr={4} style={{ alignSelf: 'center' }}>
            {m.likelihood[l - 1]![l10n]}
          </Text>,
          ...m.impact.map((_, idx) => {
            const i = idx + 1;
            const n = count(l, i);
            const on = selected?.axis === axis && selected.likelihood === l && selected.impact === i;
            return (
              <UnstyledButton
                key={`${l}-${i}`}
                onClick={() => onSelect({ axis, likelihood: l, impact: i })}
                data-testid={`heat-${axis}-${l}-${i}`}
                aria-label={t('risks.heatMap.cell', { likelihood: m.likelihood[l - 1]![l10n], impact: m.impact[idx]![l10n], count: n })}
                aria-pressed={on}
                style={{
                  background: colour(l * i),
                  opacity: n ? 1 : 0.35,
                  color: 'white',
                  fontWeight: 700,
                  textAlign: 'center',
                  padding: '0.4rem 0',
                  borderRadius: 4,
                  outline: on ? '3px solid var(--mantine-color-text)' : undefined,
                }}
              >
                {n || ''}
              </UnstyledButton>
            );
          }),
        ])}
        <span />
        {m.impact.map((label, idx) => (
          <Text key={`i${idx}`} size="xs" ta="center">
            {label[l10n]}
          </Text>
        ))}
      </Box>
      <Text size="xs" c="dimmed" ta="center">
        {t('risks.heatMap.axes')}
      </Text>
    </Stack>
  );
}

export function HeatMap({ map, selected, onSelect }: { map: TRiskHeatMap; selected: TCell | null; onSelect: (c: TCell) => void }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs">
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="xl">
        <Grid map={map} axis="inherent" selected={selected} onSelect={onSelect} />
        <Grid map={map} axis="residual" selected={selected} onSelect={onSelect} />
      </SimpleGrid>
      <Text size="xs" c="dimmed" data-testid="heat-version">
        {t('risks.heatMap.version', { version: map.matrix.version || 1 })}
        {map.onOtherVersions ? ` ${t('risks.heatMap.otherVersions', { count: map.onOtherVersions })}` : ''}
      </Text>
    </Stack>
  );
}

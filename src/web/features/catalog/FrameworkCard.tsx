import { Anchor, Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { catalogPaths } from './api';
import { IconArrowsLink } from '../../components/icons';
import { isRequirementKind, useCatalogLocale } from './localize';
import { REQUIREMENT_KINDS, type TFrameworkSummary } from '../../../shared/contracts/catalog';

/** Known kinds in their canonical order, then anything newer the server may send. */
export function orderedCounts(counts: TFrameworkSummary['counts']): [string, number][] {
  const known = REQUIREMENT_KINDS.map((kind) => [kind, counts[kind] ?? 0] as [string, number]);
  const extra = Object.entries(counts)
    .filter(([kind]) => !(REQUIREMENT_KINDS as readonly string[]).includes(kind))
    .map(([kind, count]) => [kind, count ?? 0] as [string, number]);
  return [...known, ...extra].filter(([, count]) => count > 0);
}

export function KindCounts({ counts }: { counts: TFrameworkSummary['counts'] }) {
  const { t, number } = useCatalogLocale();
  return (
    <Group gap={6} role="list" aria-label={t('catalog.list.counts')}>
      {orderedCounts(counts).map(([kind, count]) => (
        <Badge
          key={kind}
          role="listitem"
          variant="default"
          tt="none"
          size="md"
          fw={500}
          data-kind={kind}
          data-count={count}
        >
          {isRequirementKind(kind)
            ? t(`catalog.kindCount.${kind}`, { count, formatted: number(count) })
            : `${number(count)} ${kind}`}
        </Badge>
      ))}
    </Group>
  );
}

export function FrameworkCard({ framework }: { framework: TFrameworkSummary }) {
  const { t, text, number } = useCatalogLocale();
  const title = text(framework.title);
  return (
    <Card
      component="li"
      withBorder
      padding="lg"
      data-testid={`catalog-framework-${framework.id}`}
      aria-label={title}
    >
      <Stack gap="sm" h="100%">
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
          <Title order={2} size="h4">
            <Anchor component={Link} to={catalogPaths.framework(framework.id)} inherit>
              {title}
            </Anchor>
          </Title>
          {framework.custom && (
            <Badge
              color="orange"
              variant="light"
              tt="none"
              style={{ flexShrink: 0 }}
              data-testid="catalog-custom-badge"
            >
              {t('catalog.custom')}
            </Badge>
          )}
        </Group>
        <Text size="sm" c="dimmed" data-testid="catalog-edition">
          {t('catalog.list.editionPublisher', {
            edition: text(framework.edition),
            publisher: text(framework.publisher),
          })}
        </Text>
        <KindCounts counts={framework.counts} />
        <Group gap={6} mt="auto" c="dimmed">
          <IconArrowsLink size={14} />
          <Text size="sm" data-testid="catalog-mapping-count">
            {t('catalog.mappingCount', {
              count: framework.mappingCount,
              formatted: number(framework.mappingCount),
            })}
          </Text>
        </Group>
      </Stack>
    </Card>
  );
}

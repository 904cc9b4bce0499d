import { Badge, Text, Tooltip, type MantineColor } from '@mantine/core';
import { IconArrowsLink } from '../../components/icons';
import type { CrosswalkEnd } from './CrosswalksTable';
import { useCatalogLocale } from './localize';
import type { TDocumentedInformation, TMappingDirection, TRelation, TRequirementKind } from '../../../shared/contracts/catalog';

const KIND_COLORS: Record<TRequirementKind, MantineColor> = {
  clause: 'indigo',
  objective: 'grape',
  group: 'gray',
  control: 'teal',
  criterion: 'cyan',
  function: 'violet',
  category: 'blue',
  subcategory: 'lime',
  obligation: 'orange',
  area: 'pink',
};

export function KindBadge({ kind }: { kind: string }) {
  const { kind: label } = useCatalogLocale();
  const color = (KIND_COLORS as Partial<Record<string, MantineColor>>)[kind] ?? 'gray';
  return (
    <Badge variant="light" color={color} size="sm" tt="none" data-kind={kind}>
      {label(kind)}
    </Badge>
  );
}

export function DocumentedInfoBadge({ value }: { value: TDocumentedInformation }) {
  const { t } = useCatalogLocale();
  return (
    <Tooltip label={t(`catalog.documentedInformation.hint.${value}`)} multiline maw={320}>
      <Badge
        variant="outline"
        color={value === 'maintained' ? 'blue' : 'grape'}
        size="sm"
        tt="none"
        tabIndex={0}
        data-documented-information={value}
      >
        {t(`catalog.documentedInformation.badge.${value}`)}
      </Badge>
    </Tooltip>
  );
}

export function AppliesFrom({ date }: { date: string }) {
  const { t, date: format } = useCatalogLocale();
  return (
    <Text
      size="xs"
      c="dimmed"
      component="span"
      style={{ whiteSpace: 'nowrap' }}
      data-applies-from={date}
    >
      {t('catalog.appliesFrom', { date: format(date) })}
    </Text>
  );
}

export function MappingCountBadge({ count }: { count: number }) {
  const { t, number } = useCatalogLocale();
  const label = t('catalog.mappingCount', { count, formatted: number(count) });
  return (
    <Badge
      variant={count > 0 ? 'light' : 'transparent'}
      color={count > 0 ? 'indigo' : 'gray'}
      size="sm"
      tt="none"
      leftSection={<IconArrowsLink size={12} />}
      title={label}
      aria-label={label}
    >
      {number(count)}
    </Badge>
  );
}

const RELATION_COLORS: Record<TRelation, MantineColor> = {
  equal: 'teal',
  subset: 'blue',
  superset: 'violet',
  intersects: 'yellow',
};

export function RelationBadge({
  relation,
  direction,
  self,
  other,
}: {
  relation: TRelation;
  direction: TMappingDirection;
  self: CrosswalkEnd;
  other: CrosswalkEnd;
}) {
  const { t } = useCatalogLocale();
  // The relation is stated as source relative to target; spell it out from this page's side.
  const [source, target] = direction === 'outgoing' ? [self, other] : [other, self];
  return (
    <Tooltip
      label={t(`catalog.relations.hint.${relation}`, {
        source: source.ref,
        sourceFramework: source.framework,
        target: target.ref,
        targetFramework: target.framework,
      })}
      multiline
      maw={340}
      events={{ hover: true, focus: true, touch: true }}
    >
      <Badge
        variant="light"
        color={RELATION_COLORS[relation] ?? 'gray'}
        tt="none"
        tabIndex={0}
        style={{ cursor: 'help' }}
        data-relation={relation}
      >
        {t(`catalog.relations.label.${relation}`)}
      </Badge>
    </Tooltip>
  );
}

import { Anchor, Stack, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { catalogPaths } from './api';
import { KindBadge, RelationBadge } from './badges';
import { useCatalogLocale } from './localize';
import type { TMapping } from '../../../shared/contracts/catalog';

/** A requirement as the relation sentence names it: its ref and its framework's short title. */
export interface CrosswalkEnd {
  ref: string;
  framework: string;
}

export function CrosswalksTable({ self, mappings }: { self: CrosswalkEnd; mappings: TMapping[] }) {
  const { t, text, ref: refText } = useCatalogLocale();

  return (
    <Table.ScrollContainer minWidth={980}>
      <Table
        layout="fixed"
        verticalSpacing="sm"
        striped
        data-testid="crosswalks-table"
        aria-label={t('catalog.crosswalks.tableLabel', { ref: self.ref })}
      >
        <Table.Thead>
          <Table.Tr>
            <Table.Th w="13%">{t('catalog.crosswalks.columns.direction')}</Table.Th>
            <Table.Th w="15%">{t('catalog.crosswalks.columns.relation')}</Table.Th>
            <Table.Th w="18%">{t('catalog.crosswalks.columns.framework')}</Table.Th>
            <Table.Th w="22%">{t('catalog.crosswalks.columns.requirement')}</Table.Th>
            <Table.Th w="32%">{t('catalog.crosswalks.columns.rationale')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {mappings.length === 0 && (
            <Table.Tr>
              <Table.Td colSpan={5}>
                <Stack gap={2} py="md" align="center" data-testid="crosswalks-empty">
                  <Text size="sm" fw={500}>
                    {t('catalog.crosswalks.emptyTitle')}
                  </Text>
                  <Text size="sm" c="dimmed">
                    {t('catalog.crosswalks.emptyDescription')}
                  </Text>
                </Stack>
              </Table.Td>
            </Table.Tr>
          )}
          {mappings.map((mapping) => {
            const other = mapping.other;
            return (
              <Table.Tr
                key={`${mapping.direction}\u0000${other.frameworkId}\u0000${other.ref}`}
                data-direction={mapping.direction}
                data-testid="crosswalk-row"
              >
                <Table.Td>
                  <Text size="sm">
                    <span aria-hidden="true">
                      {mapping.direction === 'outgoing' ? '→ ' : '← '}
                    </span>
                    {t(`catalog.crosswalks.direction.${mapping.direction}`)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <RelationBadge
                    relation={mapping.relation}
                    direction={mapping.direction}
                    self={self}
                    other={{ ref: refText(other), framework: text(other.frameworkShortTitle) }}
                  />
                </Table.Td>
                <Table.Td>
                  <Anchor component={Link} to={catalogPaths.framework(other.frameworkId)} size="sm">
                    {text(other.frameworkTitle)}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  <Stack gap={2} align="flex-start">
                    <Anchor
                      component={Link}
                      to={catalogPaths.requirement(other.frameworkId, other.ref)}
                      size="sm"
                      data-testid="crosswalk-link"
                    >
                      <Text span ff="monospace" fw={600} size="sm" mr="xs">
                        {refText(other)}
                      </Text>
                      {text(other.title)}
                    </Anchor>
                    <KindBadge kind={other.kind} />
                  </Stack>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{text(mapping.rationale) || t('common.none')}</Text>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

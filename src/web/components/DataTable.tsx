import { Button, Center, Group, Table, Text, UnstyledButton } from '@mantine/core';
import { useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmButton } from './ConfirmButton';

/*
 * Every list in the product is this one table: columns that may sort the loaded rows, an empty
 * state, keyset "load more", and row actions that appear only where the record's abilities (sent
 * by the server with each row) allow them — the web never re-derives a rule.
 */

export type TDataColumn<T> = {
  key: string;
  header: ReactNode;
  cell: (row: T) => ReactNode;
  /** Makes the header clickable; compares two rows (ascending). */
  sortValue?: (row: T) => string | number | null;
  /** Long free text (names, e-mails) is cut with an ellipsis and keeps the whole value as its title. */
  truncate?: (row: T) => string;
  nowrap?: boolean;
};

export type TRowAction<T> = {
  key: string;
  /** Whether the server allows this action on this row (usually `row.abilities[...]`). */
  allowed: (row: T) => boolean;
  render: (row: T) => ReactNode;
};

/** The usual destructive row action (Revoke, Remove): a red button behind a confirmation. */
export function confirmAction<T>(o: {
  key: string;
  allowed: (row: T) => boolean;
  label: string;
  title: string;
  ariaLabel: (row: T) => string;
  message: (row: T) => ReactNode;
  testId: (row: T) => string;
  onConfirm: (row: T) => void;
}): TRowAction<T> {
  return {
    key: o.key,
    allowed: o.allowed,
    render: (row) => (
      <ConfirmButton
        size="xs"
        variant="subtle"
        color="red"
        aria-label={o.ariaLabel(row)}
        data-testid={o.testId(row)}
        title={o.title}
        message={o.message(row)}
        confirmLabel={o.label}
        onConfirm={() => o.onConfirm(row)}
      >
        {o.label}
      </ConfirmButton>
    ),
  };
}

export type TLoadMore = { hasMore: boolean; loading: boolean; onLoadMore: () => void };

type TSort = { key: string; dir: 'asc' | 'desc' } | null;

// Row actions stay in view when a wide table scrolls sideways (long names, narrow screens).
const STICKY_ACTIONS = {
  position: 'sticky',
  right: 0,
  whiteSpace: 'nowrap',
  background: 'var(--mantine-color-body)',
  boxShadow: 'inset 1px 0 0 var(--mantine-color-default-border)',
} as const;

interface DataTableProps<T> {
  rows: readonly T[];
  rowKey: (row: T) => string;
  columns: TDataColumn<T>[];
  actions?: TRowAction<T>[];
  empty: ReactNode;
  label: string;
  testId: string;
  rowTestId?: (row: T) => string;
  minWidth?: number;
  initialSort?: TSort;
  loadMore?: TLoadMore;
  striped?: boolean;
}

function compare(a: string | number | null, b: string | number | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return typeof a === 'number' && typeof b === 'number' ? a - b : String(a).localeCompare(String(b), undefined, { sensitivity: 'base', numeric: true });
}

export function DataTable<T>({ rows, rowKey, columns, actions = [], empty, label, testId, rowTestId, minWidth = 720, initialSort = null, loadMore, striped = true }: DataTableProps<T>) {
  const { t } = useTranslation();
  const [sort, setSort] = useState<TSort>(initialSort);

  const sorted = useMemo(() => {
    const column = sort ? columns.find((c) => c.key === sort.key) : undefined;
    if (!sort || !column?.sortValue) return rows;
    const value = column.sortValue;
    const sign = sort.dir === 'asc' ? 1 : -1;
    return [...rows].sort((a, b) => sign * compare(value(a), value(b)));
  }, [rows, columns, sort]);

  // The actions column exists only when at least one row offers an action: a viewer sees no empty column.
  const showActions = actions.length > 0 && rows.some((row) => actions.some((a) => a.allowed(row)));
  const span = columns.length + (showActions ? 1 : 0);

  const toggle = (key: string) =>
    setSort((s) => (s?.key === key ? (s.dir === 'asc' ? { key, dir: 'desc' } : null) : { key, dir: 'asc' }));

  return (
    <>
      <Table.ScrollContainer minWidth={minWidth}>
        <Table striped={striped} highlightOnHover data-testid={testId} aria-label={label}>
          <Table.Thead>
            <Table.Tr>
              {columns.map((c) => {
                const dir = sort?.key === c.key ? sort.dir : null;
                return (
                  <Table.Th key={c.key} aria-sort={dir === 'asc' ? 'ascending' : dir === 'desc' ? 'descending' : undefined}>
                    {c.sortValue ? (
                      <UnstyledButton onClick={() => toggle(c.key)} data-testid={`${testId}-sort-${c.key}`} fw={700} fz="sm">
                        {c.header} {dir === 'asc' ? '▲' : dir === 'desc' ? '▼' : ''}
                      </UnstyledButton>
                    ) : (
                      c.header
                    )}
                  </Table.Th>
                );
              })}
              {showActions && <Table.Th style={STICKY_ACTIONS}>{t('common.actions')}</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {sorted.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={span}>
                  <Text size="sm" c="dimmed" data-testid={`${testId}-empty`}>
                    {empty}
                  </Text>
                </Table.Td>
              </Table.Tr>
            )}
            {sorted.map((row) => (
              <Table.Tr key={rowKey(row)} data-testid={rowTestId?.(row)}>
                {columns.map((c) => {
                  const full = c.truncate?.(row);
                  return (
                    <Table.Td key={c.key} style={c.nowrap ? { whiteSpace: 'nowrap' } : undefined}>
                      {full !== undefined ? (
                        <Text size="sm" truncate="end" maw={260} title={full}>
                          {c.cell(row)}
                        </Text>
                      ) : (
                        c.cell(row)
                      )}
                    </Table.Td>
                  );
                })}
                {showActions && (
                  <Table.Td style={STICKY_ACTIONS}>
                    <Group gap="xs" wrap="nowrap">
                      {actions.filter((a) => a.allowed(row)).map((a) => (
                        <span key={a.key}>{a.render(row)}</span>
                      ))}
                    </Group>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {loadMore?.hasMore && (
        <Center mt="sm">
          <Button variant="default" size="xs" loading={loadMore.loading} onClick={loadMore.onLoadMore} data-testid={`${testId}-load-more`}>
            {t('common.loadMore')}
          </Button>
        </Center>
      )}
    </>
  );
}

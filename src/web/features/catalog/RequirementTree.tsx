import {
  ActionIcon,
  Anchor,
  Box,
  Button,
  Group,
  Highlight,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useCallback, useDeferredValue, useMemo, useState } from 'react';
import { Link } from 'react-router';
import { catalogPaths } from './api';
import { AppliesFrom, DocumentedInfoBadge, KindBadge, MappingCountBadge } from './badges';
import { IconChevronRight, IconSearch } from '../../components/icons';
import { foldForSearch, pickText, useCatalogLocale } from './localize';
import { buildRequirementTree, filterTree, type RequirementNode } from './tree';
import type { TRequirement } from '../../../shared/contracts/catalog';

const LIST_STYLE = { listStyle: 'none', margin: 0, padding: 0 } as const;
const INDENT = 22;

interface TreeViewState {
  frameworkId: string;
  /** Refs of collapsed nodes; everything else is expanded. */
  collapsed: ReadonlySet<string>;
  /** When a filter is active: the refs to show (matches and their ancestors), all expanded. */
  visible: ReadonlySet<string> | null;
  matched: ReadonlySet<string> | null;
  query: string;
  toggle: (ref: string) => void;
}

export function RequirementTree({
  frameworkId,
  requirements,
}: {
  frameworkId: string;
  requirements: TRequirement[];
}) {
  const { t, locale, number } = useCatalogLocale();
  const tree = useMemo(() => buildRequirementTree(requirements), [requirements]);
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(() => new Set());
  const [filter, setFilter] = useState('');
  const query = useDeferredValue(filter.trim());

  const filtered = useMemo(() => {
    if (!query) return null;
    const needle = foldForSearch(query);
    return filterTree(
      tree,
      (r) =>
        foldForSearch(r.ref).includes(needle) ||
        foldForSearch(pickText(r.label, locale)).includes(needle) ||
        foldForSearch(pickText(r.title, locale)).includes(needle),
    );
  }, [tree, query, locale]);

  const toggle = useCallback((ref: string) => {
    setCollapsed((current) => {
      const next = new Set(current);
      if (next.has(ref)) next.delete(ref);
      else next.add(ref);
      return next;
    });
  }, []);

  const state: TreeViewState = {
    frameworkId,
    collapsed,
    visible: filtered?.visible ?? null,
    matched: filtered?.matched ?? null,
    query,
    toggle,
  };

  const total = tree.byRef.size;
  const roots = filtered
    ? tree.roots.filter((node) => filtered.visible.has(node.requirement.ref))
    : tree.roots;

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" gap="md">
        <TextInput
          label={t('catalog.tree.filterLabel')}
          placeholder={t('catalog.tree.filterPlaceholder')}
          value={filter}
          onChange={(e) => setFilter(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Escape') setFilter('');
          }}
          leftSection={<IconSearch />}
          type="search"
          w={{ base: '100%', sm: 340 }}
          data-testid="catalog-tree-filter"
        />
        <Group gap="xs">
          <Button
            variant="subtle"
            size="compact-sm"
            onClick={() => setCollapsed(new Set())}
            disabled={filtered !== null || collapsed.size === 0}
            data-testid="catalog-expand-all"
          >
            {t('catalog.tree.expandAll')}
          </Button>
          <Button
            variant="subtle"
            size="compact-sm"
            onClick={() => setCollapsed(new Set(tree.branchRefs))}
            disabled={filtered !== null || tree.branchRefs.length === 0}
            data-testid="catalog-collapse-all"
          >
            {t('catalog.tree.collapseAll')}
          </Button>
        </Group>
      </Group>
      <Text size="sm" c="dimmed" aria-live="polite">
        {filtered
          ? t('catalog.tree.matches', {
              count: filtered.matched.size,
              formatted: number(filtered.matched.size),
              total: number(total),
            })
          : t('catalog.tree.total', { count: total, formatted: number(total) })}
      </Text>
      {roots.length === 0 ? (
        <Text size="sm" c="dimmed" data-testid="catalog-tree-empty">
          {filtered ? t('catalog.tree.noMatch', { query }) : t('catalog.tree.empty')}
        </Text>
      ) : (
        <Box
          component="ul"
          style={LIST_STYLE}
          data-testid="catalog-tree"
          aria-label={t('catalog.tree.label')}
        >
          {roots.map((node) => (
            <TreeItem key={node.requirement.ref} node={node} depth={0} state={state} />
          ))}
        </Box>
      )}
    </Stack>
  );
}

interface TreeItemProps {
  node: RequirementNode;
  depth: number;
  state: TreeViewState;
}

function Marked({ text, query }: { text: string; query: string }) {
  if (!query) return text;
  return (
    <Highlight component="span" inherit highlight={query}>
      {text}
    </Highlight>
  );
}

function TreeItem({ node, depth, state }: TreeItemProps) {
  const { t, text, ref: refText } = useCatalogLocale();
  const { requirement } = node;
  const ref = requirement.ref;
  const shownRef = refText(requirement);
  const children = state.visible
    ? node.children.filter((child) => state.visible?.has(child.requirement.ref))
    : node.children;
  const hasChildren = node.children.length > 0;
  const expanded = state.visible ? true : !state.collapsed.has(ref);
  const title = text(requirement.title);
  const dimmed = state.matched !== null && !state.matched.has(ref);
  const childListId = `catalog-children-${state.frameworkId}-${ref}`.replace(
    /[^A-Za-z0-9_-]/g,
    '_',
  );

  return (
    <li
      data-testid={`catalog-node-${ref}`}
      data-ref={ref}
      data-expanded={hasChildren ? expanded : undefined}
    >
      <Group
        gap="xs"
        wrap="nowrap"
        align="center"
        py={4}
        pl={depth * INDENT}
        style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}
      >
        {hasChildren ? (
          <ActionIcon
            variant="subtle"
            color="gray"
            size="sm"
            onClick={() => state.toggle(ref)}
            disabled={state.visible !== null}
            aria-expanded={expanded}
            aria-controls={expanded ? childListId : undefined}
            aria-label={t(expanded ? 'catalog.tree.collapse' : 'catalog.tree.expand', {
              ref: shownRef,
            })}
            data-testid={`catalog-toggle-${ref}`}
          >
            <IconChevronRight
              size={14}
              style={{
                transform: expanded ? 'rotate(90deg)' : undefined,
                transition: 'transform 120ms ease',
              }}
            />
          </ActionIcon>
        ) : (
          <Box w={22} style={{ flexShrink: 0 }} aria-hidden />
        )}
        <Group gap="xs" wrap="wrap" style={{ flex: 1, minWidth: 0 }} opacity={dimmed ? 0.6 : 1}>
          <Anchor
            component={Link}
            to={catalogPaths.requirement(state.frameworkId, ref)}
            underline="hover"
            c="inherit"
            style={{ minWidth: 0 }}
          >
            <Group gap="xs" wrap="nowrap" component="span">
              <Text span ff="monospace" size="sm" fw={600} style={{ whiteSpace: 'nowrap' }}>
                <Marked text={shownRef} query={state.query} />
              </Text>
              <Text span size="sm">
                <Marked text={title} query={state.query} />
              </Text>
            </Group>
          </Anchor>
          <KindBadge kind={requirement.kind} />
          {requirement.documentedInformation && (
            <DocumentedInfoBadge value={requirement.documentedInformation} />
          )}
          {requirement.appliesFrom && <AppliesFrom date={requirement.appliesFrom} />}
        </Group>
        <MappingCountBadge count={requirement.mappingCount} />
      </Group>
      {hasChildren && expanded && children.length > 0 && (
        <ul id={childListId} style={LIST_STYLE}>
          {children.map((child) => (
            <TreeItem key={child.requirement.ref} node={child} depth={depth + 1} state={state} />
          ))}
        </ul>
      )}
    </li>
  );
}

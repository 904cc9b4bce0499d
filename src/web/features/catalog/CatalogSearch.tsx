import { Anchor, Button, Card, CloseButton, Group, Loader, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { catalogPaths, useCatalogSearch } from './api';
import { KindBadge } from './badges';
import { IconSearch } from '../../components/icons';
import { useCatalogLocale } from './localize';

const SEARCH_PARAM = 'q';

export function CatalogSearch() {
  const { t, text, number, ref: refText } = useCatalogLocale();
  const [params, setParams] = useSearchParams();
  const [value, setValue] = useState(() => params.get(SEARCH_PARAM) ?? '');
  const [debounced] = useDebouncedValue(value.trim(), 300);
  const active = debounced.length > 0;
  const search = useCatalogSearch(active ? debounced : '');

  // Keep the query in the address so that "back" from a result restores the results.
  useEffect(() => {
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (debounced) next.set(SEARCH_PARAM, debounced);
        else next.delete(SEARCH_PARAM);
        return next;
      },
      { replace: true },
    );
  }, [debounced, setParams]);

  const results = search.data?.pages.flatMap((page) => page.items) ?? [];
  const total = search.data?.pages[0]?.total ?? 0;

  return (
    <Card withBorder padding="lg">
      <Stack gap="md">
        <TextInput
          label={t('catalog.search.label')}
          description={t('catalog.search.description')}
          placeholder={t('catalog.search.placeholder')}
          value={value}
          onChange={(e) => setValue(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Escape') setValue('');
          }}
          leftSection={<IconSearch />}
          rightSection={
            search.isFetching ? (
              <Loader size={14} aria-label={t('common.loading')} />
            ) : value ? (
              <CloseButton
                aria-label={t('catalog.search.clear')}
                onClick={() => setValue('')}
                size="sm"
              />
            ) : null
          }
          type="search"
          data-testid="catalog-search"
        />
        {active && (
          <Stack gap="xs" aria-live="polite" data-testid="catalog-search-results">
            {search.error ? (
              <ErrorAlert error={search.error} />
            ) : search.isPending ? null : results.length === 0 ? (
              <Text size="sm" c="dimmed" data-testid="catalog-search-empty">
                {t('catalog.search.empty', { query: debounced })}
              </Text>
            ) : (
              <>
                <Text size="sm" c="dimmed" data-testid="catalog-search-count" data-total={total}>
                  {results.length < total
                    ? t('catalog.search.shown', {
                        count: total,
                        shown: number(results.length),
                        formatted: number(total),
                      })
                    : t('catalog.search.count', { count: total })}
                </Text>
                <Stack component="ul" gap={4} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
                  {results.map((result) => (
                    <Group
                      component="li"
                      key={`${result.frameworkId}\u0000${result.ref}`}
                      gap="sm"
                      wrap="wrap"
                      align="baseline"
                      data-testid="catalog-search-result"
                    >
                      <Text
                        size="xs"
                        c="dimmed"
                        w={{ base: '100%', sm: 220 }}
                        lineClamp={1}
                        style={{ flexShrink: 0 }}
                        title={text(result.frameworkTitle)}
                      >
                        {text(result.frameworkTitle)}
                      </Text>
                      <Anchor
                        component={Link}
                        to={catalogPaths.requirement(result.frameworkId, result.ref)}
                        size="sm"
                        style={{ minWidth: 0 }}
                      >
                        <Text span ff="monospace" size="sm" fw={600} mr="xs">
                          {refText(result)}
                        </Text>
                        {text(result.title)}
                      </Anchor>
                      <KindBadge kind={result.kind} />
                    </Group>
                  ))}
                </Stack>
                {search.hasNextPage && (
                  <Group>
                    <Button
                      variant="default"
                      size="xs"
                      onClick={() => void search.fetchNextPage()}
                      loading={search.isFetchingNextPage}
                      data-testid="catalog-search-more"
                    >
                      {t('catalog.search.loadMore')}
                    </Button>
                  </Group>
                )}
              </>
            )}
          </Stack>
        )}
      </Stack>
    </Card>
  );
}

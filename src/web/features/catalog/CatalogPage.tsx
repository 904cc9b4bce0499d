import { Card, EmptyState, SimpleGrid, Stack } from '@mantine/core';
import { ErrorAlert } from '../../components/ErrorAlert';
import { IconShield } from '../../components/icons';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { useFrameworks } from './api';
import { CatalogSearch } from './CatalogSearch';
import { FrameworkCard } from './FrameworkCard';
import { useCatalogLocale } from './localize';

export function CatalogPage() {
  const { t, text, locale } = useCatalogLocale();
  const frameworks = useFrameworks();
  // The subtitle names what is loaded (built-in and custom), not a list written once in the i18n files.
  const names = (frameworks.data ?? []).map((f) => text(f.shortTitle));
  const description = names.length
    ? t('catalog.descriptionWith', {
        frameworks: new Intl.ListFormat(locale, { type: 'conjunction' }).format(names),
      })
    : t('catalog.description');

  return (
    <Stack gap="lg">
      <PageHeader title={t('catalog.title')} description={description} />
      <CatalogSearch />
      {frameworks.isPending ? (
        <Loading />
      ) : frameworks.error ? (
        <ErrorAlert error={frameworks.error} />
      ) : frameworks.data.length === 0 ? (
        <Card withBorder padding="xl">
          <EmptyState
            icon={<IconShield size={28} />}
            withIndicatorBackground
            title={t('catalog.emptyTitle')}
            description={t('catalog.emptyDescription')}
            data-testid="catalog-empty"
          />
        </Card>
      ) : (
        <SimpleGrid
          cols={{ base: 1, md: 2 }}
          spacing="md"
          component="ul"
          aria-label={t('catalog.list.label')}
          style={{ listStyle: 'none', padding: 0, margin: 0 }}
        >
          {frameworks.data.map((framework) => (
            <FrameworkCard key={framework.id} framework={framework} />
          ))}
        </SimpleGrid>
      )}
    </Stack>
  );
}

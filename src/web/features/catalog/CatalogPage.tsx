import { Card, EmptyState, SimpleGrid, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { IconShield } from '../../components/icons';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { useFrameworks } from './api';
import { CatalogSearch } from './CatalogSearch';
import { FrameworkCard } from './FrameworkCard';

export function CatalogPage() {
  const { t } = useTranslation();
  const frameworks = useFrameworks();

  return (
    <Stack gap="lg">
      <PageHeader title={t('catalog.title')} description={t('catalog.description')} />
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

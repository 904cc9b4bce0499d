import { Card, EmptyState, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { IconShield } from '../../components/icons';
import { PageHeader } from '../../components/PageHeader';

export function CatalogPage() {
  const { t } = useTranslation();
  return (
    <Stack gap="lg">
      <PageHeader title={t('catalog.title')} description={t('catalog.description')} />
      <Card withBorder padding="xl">
        <EmptyState
          icon={<IconShield size={28} />}
          withIndicatorBackground
          title={t('catalog.emptyTitle')}
          description={t('catalog.emptyDescription')}
          data-testid="catalog-empty"
        />
      </Card>
    </Stack>
  );
}

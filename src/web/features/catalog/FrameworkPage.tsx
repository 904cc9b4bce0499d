import { Badge, Button, Card, Group, Stack, Text } from '@mantine/core';
import { useParams } from 'react-router';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { catalogPaths, useFramework } from './api';
import { CatalogBreadcrumbs } from './CatalogBreadcrumbs';
import { CatalogLoadError } from './CatalogLoadError';
import { KindCounts } from './FrameworkCard';
import { IconDownload } from '../../components/icons';
import { useCatalogLocale } from './localize';
import { RequirementTree } from './RequirementTree';

export function FrameworkPage() {
  const { t, text } = useCatalogLocale();
  const { frameworkId = '' } = useParams();
  const framework = useFramework(frameworkId);

  if (framework.isPending) return <Loading />;
  if (framework.error) return <CatalogLoadError error={framework.error} />;

  const data = framework.data;
  const title = text(data.title);

  return (
    <Stack gap="lg">
      <Stack gap="xs">
        <CatalogBreadcrumbs items={[{ label: title }]} />
        <PageHeader
          title={
            <Group gap="sm" component="span">
              <span data-testid="framework-title">{title}</span>
              {data.custom && (
                <Badge color="orange" variant="light" tt="none" data-testid="catalog-custom-badge">
                  {t('catalog.custom')}
                </Badge>
              )}
            </Group>
          }
          description={t('catalog.list.editionPublisher', {
            edition: text(data.edition),
            publisher: text(data.publisher),
          })}
        />
      </Stack>
      <Stack gap="sm">
        {text(data.description) && <Text maw={900}>{text(data.description)}</Text>}
        <KindCounts counts={data.counts} />
        <Group gap="xs">
          <Button
            component="a"
            href={catalogPaths.oscal(data.id)}
            download
            variant="default"
            leftSection={<IconDownload />}
            data-testid="catalog-download-oscal"
          >
            {t('catalog.framework.downloadOscal')}
          </Button>
          <Button
            component="a"
            href={catalogPaths.xlsx(data.id)}
            download
            variant="default"
            leftSection={<IconDownload />}
            data-testid="catalog-download-xlsx"
          >
            {t('catalog.framework.downloadExcel')}
          </Button>
        </Group>
      </Stack>
      <Card withBorder padding="lg">
        <RequirementTree key={data.id} frameworkId={data.id} requirements={data.requirements} />
      </Card>
    </Stack>
  );
}

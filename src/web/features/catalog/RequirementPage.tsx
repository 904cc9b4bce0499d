import {
  Anchor,
  Badge,
  Card,
  DataList,
  Group,
  List,
  Stack,
  Text,
  Title,
  useMatches,
} from '@mantine/core';
import { useEffect } from 'react';
import { Link, useParams } from 'react-router';
import { Loading } from '../../components/Loading';
import { catalogPaths, useRequirement } from './api';
import { AppliesFrom, DocumentedInfoBadge, KindBadge, MappingCountBadge } from './badges';
import { CatalogBreadcrumbs } from './CatalogBreadcrumbs';
import { CatalogLoadError } from './CatalogLoadError';
import { CrosswalksTable } from './CrosswalksTable';
import { useCatalogLocale } from './localize';

const TRUST_SERVICES_CATEGORIES = [
  'security',
  'availability',
  'processing_integrity',
  'confidentiality',
  'privacy',
] as const;
type TrustServicesCategory = (typeof TRUST_SERVICES_CATEGORIES)[number];

function isTrustServicesCategory(value: string): value is TrustServicesCategory {
  return (TRUST_SERVICES_CATEGORIES as readonly string[]).includes(value);
}

export function RequirementPage() {
  const { t, text, date, number, kind, ref: refText } = useCatalogLocale();
  const { frameworkId = '', ref = '' } = useParams();
  const detail = useRequirement(frameworkId, ref);
  const orientation = useMatches<'vertical' | 'horizontal'>({ base: 'vertical', sm: 'horizontal' });

  // Links between requirements (parent, children, crosswalks) keep this component mounted.
  useEffect(() => {
    window.scrollTo({ top: 0 });
  }, [frameworkId, ref]);

  if (detail.isPending) return <Loading />;
  if (detail.error) return <CatalogLoadError error={detail.error} />;

  const { framework, requirement, parent, children, mappings } = detail.data;
  const frameworkTitle = text(framework.title);
  const description = text(requirement.description);
  const category = requirement.category;

  return (
    <Stack gap="lg">
      <CatalogBreadcrumbs
        items={[
          { label: frameworkTitle, to: catalogPaths.framework(framework.id) },
          ...(parent
            ? [
                {
                  label: refText(parent),
                  to: catalogPaths.requirement(framework.id, parent.ref),
                  monospace: true,
                },
              ]
            : []),
          { label: refText(requirement), monospace: true },
        ]}
      />

      <Stack gap={6}>
        <Text ff="monospace" fw={600} c="dimmed" data-testid="requirement-ref">
          {refText(requirement)}
        </Text>
        <Title order={1} size="h2" data-testid="requirement-title">
          {text(requirement.title)}
        </Title>
        <Group gap="xs">
          <KindBadge kind={requirement.kind} />
          {requirement.documentedInformation && (
            <DocumentedInfoBadge value={requirement.documentedInformation} />
          )}
          {requirement.appliesFrom && <AppliesFrom date={requirement.appliesFrom} />}
          <MappingCountBadge count={requirement.mappingCount} />
        </Group>
      </Stack>

      <Card withBorder padding="lg">
        <Stack gap="md">
          <Text data-testid="requirement-description">
            {description || t('catalog.requirement.noDescription')}
          </Text>
          <DataList
            orientation={orientation}
            labelWidth={220}
            withDivider
            maw={800}
            data-testid="requirement-details"
          >
            <DataList.Item>
              <DataList.ItemLabel>{t('catalog.requirement.framework')}</DataList.ItemLabel>
              <DataList.ItemValue>
                <Anchor component={Link} to={catalogPaths.framework(framework.id)} size="sm">
                  {frameworkTitle}
                </Anchor>
              </DataList.ItemValue>
            </DataList.Item>
            <DataList.Item>
              <DataList.ItemLabel>{t('catalog.requirement.kind')}</DataList.ItemLabel>
              <DataList.ItemValue>{kind(requirement.kind)}</DataList.ItemValue>
            </DataList.Item>
            <DataList.Item>
              <DataList.ItemLabel>
                {t('catalog.requirement.documentedInformation')}
              </DataList.ItemLabel>
              <DataList.ItemValue data-testid="requirement-documented-information">
                {requirement.documentedInformation
                  ? t(`catalog.documentedInformation.long.${requirement.documentedInformation}`)
                  : t('catalog.documentedInformation.none')}
              </DataList.ItemValue>
            </DataList.Item>
            {requirement.appliesFrom && (
              <DataList.Item>
                <DataList.ItemLabel>{t('catalog.requirement.appliesFrom')}</DataList.ItemLabel>
                <DataList.ItemValue data-testid="requirement-applies-from">
                  {date(requirement.appliesFrom)}
                  {requirement.appliesFromOriginal && requirement.appliesFromOriginal !== requirement.appliesFrom && (
                    <Text span size="sm" c="dimmed">
                      {' '}
                      {t('catalog.requirement.appliesFromOriginal', { date: date(requirement.appliesFromOriginal) })}
                    </Text>
                  )}
                </DataList.ItemValue>
              </DataList.Item>
            )}
            {requirement.dateSource && (
              <DataList.Item>
                <DataList.ItemLabel>{t('catalog.requirement.dateSource')}</DataList.ItemLabel>
                <DataList.ItemValue data-testid="requirement-date-source">{text(requirement.dateSource)}</DataList.ItemValue>
              </DataList.Item>
            )}
            {category && (
              <DataList.Item>
                <DataList.ItemLabel>{t('catalog.requirement.category')}</DataList.ItemLabel>
                <DataList.ItemValue>
                  {isTrustServicesCategory(category)
                    ? t(`catalog.categories.${category}`)
                    : category}
                </DataList.ItemValue>
              </DataList.Item>
            )}
            <DataList.Item>
              <DataList.ItemLabel>{t('catalog.requirement.parent')}</DataList.ItemLabel>
              <DataList.ItemValue data-testid="requirement-parent">
                {parent ? (
                  <Anchor
                    component={Link}
                    to={catalogPaths.requirement(framework.id, parent.ref)}
                    size="sm"
                  >
                    <Text span ff="monospace" fw={600} size="sm" mr="xs">
                      {refText(parent)}
                    </Text>
                    {text(parent.title)}
                  </Anchor>
                ) : (
                  t('catalog.requirement.topLevel')
                )}
              </DataList.ItemValue>
            </DataList.Item>
          </DataList>
        </Stack>
      </Card>

      {children.length > 0 && (
        <Card withBorder padding="lg">
          <Stack gap="sm">
            <Title order={2} size="h4">
              {t('catalog.requirement.children', {
                count: children.length,
                formatted: number(children.length),
              })}
            </Title>
            <List spacing={6} listStyleType="none" data-testid="requirement-children">
              {children.map((child) => (
                <List.Item key={child.ref}>
                  <Group gap="xs" wrap="wrap">
                    <Anchor
                      component={Link}
                      to={catalogPaths.requirement(framework.id, child.ref)}
                      size="sm"
                    >
                      <Text span ff="monospace" fw={600} size="sm" mr="xs">
                        {refText(child)}
                      </Text>
                      {text(child.title)}
                    </Anchor>
                    <KindBadge kind={child.kind} />
                  </Group>
                </List.Item>
              ))}
            </List>
          </Stack>
        </Card>
      )}

      <Card withBorder padding="lg">
        <Stack gap="sm">
          <Group gap="xs" align="center">
            <Title order={2} size="h4">
              {t('catalog.crosswalks.title')}
            </Title>
            <Badge variant="light" color="gray" tt="none">
              {number(mappings.length)}
            </Badge>
          </Group>
          <Text size="sm" c="dimmed">
            {t('catalog.crosswalks.description')}
          </Text>
          <CrosswalksTable
            self={{ ref: refText(requirement), framework: text(framework.shortTitle) }}
            mappings={mappings}
          />
        </Stack>
      </Card>
    </Stack>
  );
}

import { Anchor, Breadcrumbs, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

export interface Crumb {
  label: string;
  to?: string;
  monospace?: boolean;
}

export function CatalogBreadcrumbs({ items }: { items: Crumb[] }) {
  const { t } = useTranslation();
  const all: Crumb[] = [{ label: t('catalog.title'), to: '/catalog' }, ...items];
  return (
    <nav aria-label={t('catalog.breadcrumbs')}>
      <Breadcrumbs
        separatorMargin={6}
        style={{ flexWrap: 'wrap', rowGap: 4 }}
        styles={{ breadcrumb: { whiteSpace: 'normal', minWidth: 0, overflowWrap: 'anywhere' } }}
      >
        {all.map((item, index) =>
          item.to && index < all.length - 1 ? (
            <Anchor
              key={index}
              component={Link}
              to={item.to}
              size="sm"
              ff={item.monospace ? 'monospace' : undefined}
            >
              {item.label}
            </Anchor>
          ) : (
            <Text
              key={index}
              size="sm"
              c="dimmed"
              aria-current="page"
              ff={item.monospace ? 'monospace' : undefined}
            >
              {item.label}
            </Text>
          ),
        )}
      </Breadcrumbs>
    </nav>
  );
}

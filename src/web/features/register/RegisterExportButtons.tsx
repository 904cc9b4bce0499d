import { Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useTenantContext } from '../tenants/TenantRoute';

const exportUrl = (tenantId: string, format: 'csv' | 'xlsx', locale: string) =>
  `/api/tenants/${tenantId}/register-export?format=${format}&locale=${locale === 'fr' ? 'fr' : 'en'}`;

/**
 * The IAF CertSearch export of the body's certificates, for its scheme manager: drop it on the
 * body's certificates page (cert-certificates owns that page). Renders nothing for other roles.
 */
export function RegisterExportButtons() {
  const { t, i18n } = useTranslation();
  const { tenant, can } = useTenantContext();
  if (!can('registerExport.read')) return null;
  const locale = i18n.resolvedLanguage ?? 'en';
  return (
    <Group gap="xs" data-testid="register-export">
      <Text size="sm">{t('register.export.button')}</Text>
      <Button component="a" size="xs" variant="default" href={exportUrl(tenant.id, 'csv', locale)} download data-testid="register-export-csv">
        {t('register.export.csv')}
      </Button>
      <Button component="a" size="xs" variant="default" href={exportUrl(tenant.id, 'xlsx', locale)} download data-testid="register-export-xlsx">
        {t('register.export.xlsx')}
      </Button>
    </Group>
  );
}

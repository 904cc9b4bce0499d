import { Card, Group, NativeSelect, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { NoAccess } from '../../components/NoAccess';
import { PageHeader } from '../../components/PageHeader';
import { useContractFilters } from '../../lib/url-filters';
import { CERTIFICATE_STATES } from '../../../shared/contracts/certification-decisions';
import { ZCertificateListQuery } from '../../../shared/contracts/certificates';
import { useTenantContext } from '../tenants/TenantRoute';
import { RegisterExportButtons } from '../register/RegisterExportButtons';
import { CertificatesTable } from './CertificatesTable';

const FILTER_KEYS = ['status'] as const;

/** The body's certificates, filtered by status, with the IAF CertSearch export. */
export function CertificatesPage() {
  const { t } = useTranslation();
  const { tenant, can } = useTenantContext();
  const [filters, setFilter] = useContractFilters(ZCertificateListQuery, FILTER_KEYS);
  if (!can('certificate.read')) return <NoAccess />;
  return (
    <Stack gap="lg">
      <PageHeader title={t('certificates.web.title')} description={t('certificates.web.intro')} actions={<RegisterExportButtons />} />
      <Card withBorder padding="lg">
        <Group mb="md">
          <NativeSelect
            label={t('certificates.web.statusLabel')}
            value={filters.status ?? ''}
            onChange={(e) => setFilter('status', e.currentTarget.value || undefined)}
            data={[{ value: '', label: t('certificates.web.allStatuses') }, ...CERTIFICATE_STATES.map((s) => ({ value: s, label: t(`certificates.web.status.${s}`) }))]}
            data-testid="certificates-filter-status"
          />
        </Group>
        <CertificatesTable tenantId={tenant.id} side="body" enabled {...(filters.status ? { status: filters.status } : {})} />
      </Card>
    </Stack>
  );
}

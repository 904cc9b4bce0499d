import { Card, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CertificatesTable } from './CertificatesTable';

/** The organization's certificates on its Certification page: each opens its PDFs, credential and register entry. */
export function OrgCertificatesCard({ tenantId, enabled }: { tenantId: string; enabled: boolean }) {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="lg" data-testid="org-certificates">
      <Title order={4} mb="sm">{t('certificates.web.orgTitle')}</Title>
      <CertificatesTable tenantId={tenantId} side="organization" enabled={enabled} />
    </Card>
  );
}

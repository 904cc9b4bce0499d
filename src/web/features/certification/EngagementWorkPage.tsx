import { Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { api } from '../../lib/api';
import type { TOrgEngagement } from '../../../shared/contracts/proposals';
import { useTenantContext } from '../tenants/TenantRoute';
import { AuditPlansSection } from './AuditPlansSection';
import { EngagementReadsSection } from './EngagementReadsSection';

/*
 * The organization's page of one engagement, where the audit plan mail leads: the plans to
 * acknowledge and who of the body read what. The engagement's own summary page (cert-accept)
 * mounts the same two sections.
 */
export function EngagementWorkPage() {
  const { t } = useTranslation();
  const { tenant } = useTenantContext();
  const { engagementId = '' } = useParams();
  const engagement = useQuery({
    queryKey: ['tenant', tenant.id, 'org-engagement', engagementId],
    queryFn: () => api.get<TOrgEngagement>(`/api/tenants/${tenant.id}/certification/engagements/${engagementId}`),
  });
  if (engagement.isPending) return <Loading />;
  if (engagement.error) return <ErrorAlert error={engagement.error} />;
  return (
    <Stack gap="xl">
      <PageHeader title={t('auditPlan.org.engagementTitle', { body: engagement.data.bodyName })} />
      <AuditPlansSection tenantId={tenant.id} engagementId={engagementId} />
      <EngagementReadsSection tenantId={tenant.id} engagementId={engagementId} />
    </Stack>
  );
}

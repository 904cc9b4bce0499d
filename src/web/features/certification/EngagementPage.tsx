import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { NoAccess } from '../../components/NoAccess';
import { PageHeader } from '../../components/PageHeader';
import { useOrgEngagement } from '../proposals/api';
import { useTenantContext } from '../tenants/TenantRoute';
import { ENGAGEMENT_SECTIONS } from './engagement-sections';

/** One engagement as the organization sees it: a column of sections (engagement-sections.tsx). */
export function EngagementPage() {
  const { t } = useTranslation();
  const { engagementId = '' } = useParams();
  const { tenant, can } = useTenantContext();
  const engagement = useOrgEngagement(tenant.id, engagementId);
  if (!can('orgCertification.read')) return <NoAccess />;
  if (engagement.isPending) return <Loading />;
  if (engagement.error) return <ErrorAlert error={engagement.error} />;
  const e = engagement.data;
  return (
    <Stack gap="xl">
      <PageHeader title={t('proposals.org.cardTitle', { body: e.bodyName, scheme: t(`proposals.org.schemes.${e.scheme}`) })} description={t('proposals.org.engagementIntro')} />
      {ENGAGEMENT_SECTIONS.map(({ key, Component }) => (
        <Component key={key} engagement={e} tenantId={tenant.id} />
      ))}
    </Stack>
  );
}

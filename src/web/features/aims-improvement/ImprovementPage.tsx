import { Stack, Tabs } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { NoAccess } from '../../components/NoAccess';
import { NotFoundPage } from '../../components/NotFoundPage';
import { PageHeader } from '../../components/PageHeader';
import { useTenantContext } from '../tenants/TenantRoute';
import { AuditsTab } from './AuditsTab';
import { IncidentsTab } from './IncidentsTab';
import { NonconformitiesTab } from './NonconformitiesTab';
import { ReviewsTab } from './ReviewsTab';

const TABS = ['audits', 'reviews', 'nonconformities', 'incidents'] as const;
type TTab = (typeof TABS)[number];
const isTab = (s: string): s is TTab => (TABS as readonly string[]).includes(s);

/**
 * Clauses 9.2, 9.3 and 10.2 on one page: internal audits, management reviews, nonconformities and
 * the AI incidents that raise them. The tab is in the address, and so is the open record (`?id=`).
 */
export function ImprovementPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { tenant, can } = useTenantContext();
  const { tab = 'audits' } = useParams();
  if (!can('internalAudit.read')) return <NoAccess />;
  if (!isTab(tab)) return <NotFoundPage />;
  return (
    <Stack gap="md">
      <PageHeader title={t('records.improvement.title')} description={t('records.improvement.intro')} />
      <Tabs value={tab} onChange={(v) => v && navigate(`/t/${tenant.id}/improvement/${v}`)} keepMounted={false}>
        <Tabs.List mb="lg">
          {TABS.map((k) => (
            <Tabs.Tab key={k} value={k} data-testid={`improvement-tab-${k}`}>
              {t(`records.improvement.tabs.${k}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="audits">
          <AuditsTab />
        </Tabs.Panel>
        <Tabs.Panel value="reviews">
          <ReviewsTab />
        </Tabs.Panel>
        <Tabs.Panel value="nonconformities">
          <NonconformitiesTab />
        </Tabs.Panel>
        <Tabs.Panel value="incidents">
          <IncidentsTab />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

import { Stack, Tabs } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { NoAccess } from '../../components/NoAccess';
import { PageHeader } from '../../components/PageHeader';
import { useTenantContext } from '../tenants/TenantRoute';
import { CompetenceTab } from './CompetenceTab';
import { ObjectivesTab } from './ObjectivesTab';
import { PartiesTab } from './PartiesTab';
import { ScopeTab } from './ScopeTab';

const TABS = ['scope', 'parties', 'objectives', 'competence'] as const;
type TTab = (typeof TABS)[number];

/** The management system's records (ISO/IEC 42001 clauses 4–7), one tab per record type; the tab is in the address. */
export function ManagementSystemPage() {
  const { t } = useTranslation();
  const { tenant, can } = useTenantContext();
  const navigate = useNavigate();
  const { tab: raw } = useParams();
  const tab: TTab = (TABS as readonly string[]).includes(raw ?? '') ? (raw as TTab) : 'scope';
  if (!can('aimsScope.read')) return <NoAccess />;
  return (
    <Stack gap="lg">
      <PageHeader title={t('records.common.title')} description={t('records.common.intro')} />
      <Tabs value={tab} onChange={(v) => v && navigate(`/t/${tenant.id}/management-system/${v}`)} keepMounted={false}>
        <Tabs.List mb="lg">
          {TABS.map((k) => (
            <Tabs.Tab key={k} value={k} data-testid={`records-tab-${k}`}>
              {t(`records.common.tabs.${k}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="scope">
          <ScopeTab />
        </Tabs.Panel>
        <Tabs.Panel value="parties">
          <PartiesTab />
        </Tabs.Panel>
        <Tabs.Panel value="objectives">
          <ObjectivesTab />
        </Tabs.Panel>
        <Tabs.Panel value="competence">
          <CompetenceTab />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

import { Anchor, Button, Group, Stack, Tabs } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { NoAccess } from '../../components/NoAccess';
import { PageHeader } from '../../components/PageHeader';
import { useTenantContext } from '../tenants/TenantRoute';
import { useSoc2Examination } from './api';
import { DescriptionTab } from './DescriptionTab';
import { ExaminationStateBadge, usePeriodLabel } from './ExaminationBits';
import { ExceptionsTab } from './ExceptionsTab';
import { FieldworkAction } from './FieldworkAction';
import { FieldworkTab } from './FieldworkTab';
import { MatrixTab } from './MatrixTab';
import { OpinionTab } from './OpinionTab';
import { ReadersTab } from './ReadersTab';
import { RenewalAction } from './RenewalAction';
import { ReportTab } from './ReportTab';
import { RequestsTab } from './RequestsTab';
import { ScopeTab } from './ScopeTab';
import { TestsTab } from './TestsTab';

export const EXAMINATION_TABS = ['scope', 'description', 'matrix', 'tests', 'fieldwork', 'requests', 'exceptions', 'opinion', 'report', 'readers'] as const;
type TTab = (typeof EXAMINATION_TABS)[number];

/** One SOC 2 examination for the firm: its scope, the description it reads, the matrix, the tests, the PBC list, the exceptions, the opinion, the report and its readers. The tab is in the address. */
export function ExaminationPage() {
  const { t } = useTranslation();
  const { tenant, can } = useTenantContext();
  const navigate = useNavigate();
  const { examinationId = '', tab: raw } = useParams();
  const tab: TTab = (EXAMINATION_TABS as readonly string[]).includes(raw ?? '') ? (raw as TTab) : 'scope';
  const exam = useSoc2Examination(tenant.id, examinationId);
  const period = usePeriodLabel();
  if (!can('soc2Examination.read')) return <NoAccess />;
  if (exam.isPending) return <Loading />;
  if (exam.error) return <ErrorAlert error={exam.error} />;
  const x = exam.data;
  const base = `/t/${tenant.id}/soc2-examinations`;
  return (
    <Stack gap="lg">
      <Anchor component={Link} to={base} size="sm">
        ← {t('soc2Engagements.firm.list.title')}
      </Anchor>
      <PageHeader
        title={
          <Group gap="sm">
            <span data-testid="soc2-examination-title">{`${x.reference} · ${t(`soc2Engagements.reportType.${x.reportType}`)}`}</span>
            <ExaminationStateBadge state={x.state} />
          </Group>
        }
        description={`${x.organizationName} · ${period(x)} · ${x.categories.map((c) => t(`soc2Engagements.category.${c}`)).join(', ')}`}
        actions={
          x.abilities['soc2Examination.create'] ? (
            <Button variant="default" component={Link} to={`${base}/new?engagementId=${x.engagementId}&reportType=${x.reportType}`} data-testid="soc2-examination-open-another">
              {t('soc2Engagements.firm.page.openAnother')}
            </Button>
          ) : undefined
        }
      />
      <FieldworkAction examination={x} />
      <RenewalAction examination={x} />
      <Tabs value={tab} onChange={(v) => v && navigate(`${base}/${x.id}/${v}`)} keepMounted={false}>
        <Tabs.List mb="lg">
          {EXAMINATION_TABS.map((k) => (
            <Tabs.Tab key={k} value={k} data-testid={`soc2-tab-${k}`}>
              {t(`soc2Engagements.firm.tabs.${k}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="scope">
          <ScopeTab examination={x} />
        </Tabs.Panel>
        <Tabs.Panel value="description">
          <DescriptionTab examination={x} />
        </Tabs.Panel>
        <Tabs.Panel value="matrix">
          <MatrixTab examination={x} />
        </Tabs.Panel>
        <Tabs.Panel value="tests">
          <TestsTab examination={x} />
        </Tabs.Panel>
        <Tabs.Panel value="fieldwork">
          <FieldworkTab examination={x} />
        </Tabs.Panel>
        <Tabs.Panel value="requests">
          <RequestsTab examination={x} />
        </Tabs.Panel>
        <Tabs.Panel value="exceptions">
          <ExceptionsTab examination={x} />
        </Tabs.Panel>
        <Tabs.Panel value="opinion">
          <OpinionTab examination={x} />
        </Tabs.Panel>
        <Tabs.Panel value="report">
          <ReportTab examination={x} />
        </Tabs.Panel>
        <Tabs.Panel value="readers">
          <ReadersTab examination={x} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

import { Anchor, Group, Stack, Tabs } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { TOrgSoc2Examination } from '../../../shared/contracts/soc2-examinations';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { NoAccess } from '../../components/NoAccess';
import { PageHeader } from '../../components/PageHeader';
import { useTenantContext } from '../tenants/TenantRoute';
import { useOrgExamination } from './api';
import { DescriptionTab } from './DescriptionTab';
import { ExceptionsTab } from './ExceptionsTab';
import { ReportTab } from './ReportTab';
import { RequestsTab } from './RequestsTab';
import { ScopeTab } from './ScopeTab';
import { ReadersTab } from '../soc2-readers/ReadersTab';
import { DescriptionStateBadge, ExaminationStateBadge, useReportPeriod } from './Soc2Bits';

const TABS = ['scope', 'description', 'requests', 'exceptions', 'report', 'readers'] as const;

/** One examination as the organization sees it: the scope agreed with the firm, its description, the firm's requests and exceptions, the issued report. */
export function Soc2ExaminationPage() {
  const { t } = useTranslation();
  const { tenant, can } = useTenantContext();
  const { examinationId = '', tab = 'description' } = useParams();
  const navigate = useNavigate();
  const exam = useOrgExamination(tenant.id, examinationId);
  if (!can('orgSoc2Examination.read')) return <NoAccess />;
  return (
    <Stack gap="lg">
      <Anchor component={Link} to={`/t/${tenant.id}/soc2-programme`} size="sm">
        ← {t('soc2Programme.exam.back')}
      </Anchor>
      {exam.isPending ? (
        <Loading />
      ) : exam.error ? (
        <ErrorAlert error={exam.error} />
      ) : (
        <>
          <ExaminationHeader exam={exam.data} />
          <Tabs value={TABS.includes(tab as never) ? tab : 'description'} onChange={(v) => v && navigate(`/t/${tenant.id}/soc2-programme/${examinationId}/${v}`)} keepMounted={false}>
            <Tabs.List mb="lg">
              {TABS.map((k) => (
                <Tabs.Tab key={k} value={k} data-testid={`soc2-tab-${k}`}>
                  {k === 'readers' ? t('soc2Readers.tab') : t(`soc2Programme.exam.tabs.${k}`)}
                </Tabs.Tab>
              ))}
            </Tabs.List>
            <Tabs.Panel value="scope">
              <ScopeTab tenantId={tenant.id} exam={exam.data} />
            </Tabs.Panel>
            <Tabs.Panel value="description">
              <DescriptionTab tenantId={tenant.id} organizationName={tenant.name} exam={exam.data} />
            </Tabs.Panel>
            <Tabs.Panel value="requests">
              <RequestsTab tenantId={tenant.id} exam={exam.data} />
            </Tabs.Panel>
            <Tabs.Panel value="exceptions">
              <ExceptionsTab tenantId={tenant.id} exam={exam.data} />
            </Tabs.Panel>
            <Tabs.Panel value="report">
              <ReportTab tenantId={tenant.id} exam={exam.data} />
            </Tabs.Panel>
            <Tabs.Panel value="readers">
              <ReadersTab tenantId={tenant.id} exam={exam.data} />
            </Tabs.Panel>
          </Tabs>
        </>
      )}
    </Stack>
  );
}

/** The examination's reference, states and who examines what; the scope itself is the Scope tab's. */
function ExaminationHeader({ exam: x }: { exam: TOrgSoc2Examination }) {
  const { t } = useTranslation();
  const period = useReportPeriod();
  return (
    <PageHeader
      title={
        <Group gap="sm">
          <span data-testid="soc2-exam-title">{x.reference}</span>
          <ExaminationStateBadge value={x.state} />
          <DescriptionStateBadge value={x.descriptionState} />
        </Group>
      }
      description={
        <span data-testid="soc2-exam-subtitle">{t('soc2Programme.exam.subtitle', { type: t(`soc2Engagements.reportType.${x.reportType}`), firm: x.firmName, period: period(x) })}</span>
      }
    />
  );
}

import { NativeSelect, Radio, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { FormPage } from '../../components/FormPage';
import { NoAccess } from '../../components/NoAccess';
import { useContractForm, useServerErrors } from '../../lib/forms';
import { SOC2_REPORT_TYPES, type TSoc2ReportType } from '../../../shared/contracts/soc2';
import { ZCreateSoc2ExaminationBody } from '../../../shared/contracts/soc2-examinations';
import { useTenantContext } from '../tenants/TenantRoute';
import { useOpenSoc2Examination, useSoc2Examinations } from './api';
import { ScopeFields, type TScopeValues } from './ScopeFields';

type TValues = TScopeValues & { engagementId: string; reportType: TSoc2ReportType };

/**
 * Opens an examination (one report period) on one of the firm's SOC 2 engagements. The engagement
 * comes from the address (`?engagementId=`, from an examination's page) or is picked among the
 * engagements the firm already examines; the first examination of an engagement is opened by the
 * acceptance of the SOC 2 proposal.
 */
export function ExaminationNewPage() {
  const { t } = useTranslation();
  const { tenant, can } = useTenantContext();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const known = useSoc2Examinations(tenant.id, {});
  const open = useOpenSoc2Examination(tenant.id);
  const fromAddress = params.get('engagementId') ?? '';
  const form = useContractForm<TValues>(ZCreateSoc2ExaminationBody, {
    engagementId: fromAddress,
    reportType: params.get('reportType') === 'type1' ? 'type1' : 'type2',
    asOfDate: null,
    periodStart: null,
    periodEnd: null,
    categories: ['security'],
    services: '',
    systems: '',
    locations: '',
    people: '',
    partnerUserId: null,
  });
  const unplaced = useServerErrors(form, open.error);
  if (!can('soc2Examination.create')) return <NoAccess />;
  // One option per engagement, named by its organization and the examinations it already has.
  const engagements = new Map<string, { org: string; refs: string[] }>();
  for (const e of known.data?.pages.flatMap((p) => p.items) ?? []) {
    const x = engagements.get(e.engagementId) ?? { org: e.organizationName, refs: [] };
    x.refs.push(e.reference);
    engagements.set(e.engagementId, x);
  }
  const v = form.values;
  const submit = form.onSubmit((values) =>
    open.mutate(
      {
        ...values,
        asOfDate: values.reportType === 'type1' ? values.asOfDate : null,
        periodStart: values.reportType === 'type2' ? values.periodStart : null,
        periodEnd: values.reportType === 'type2' ? values.periodEnd : null,
      },
      { onSuccess: (x) => navigate(`/t/${tenant.id}/soc2-examinations/${x.id}`) },
    ),
  );
  return (
    <FormPage
      title={t('soc2Engagements.firm.new.title')}
      description={t('soc2Engagements.firm.new.intro')}
      onSubmit={submit}
      error={unplaced}
      submit={{ label: t('soc2Engagements.firm.new.submit'), loading: open.isPending, testId: 'soc2-new-submit' }}
    >
      <NativeSelect
        label={t('soc2Engagements.firm.fields.engagement')}
        value={v.engagementId}
        onChange={(e) => form.setFieldValue('engagementId', e.currentTarget.value)}
        error={form.errors.engagementId}
        data={[
          { value: '', label: t('soc2Engagements.firm.new.pickEngagement') },
          ...[...engagements].map(([id, x]) => ({ value: id, label: `${x.org} (${x.refs.join(', ')})` })),
          ...(fromAddress && !engagements.has(fromAddress) ? [{ value: fromAddress, label: t('soc2Engagements.firm.new.engagementFromLink') }] : []),
        ]}
        data-testid="soc2-new-engagement"
      />
      {engagements.size === 0 && !fromAddress && (
        <Text size="sm" c="dimmed" data-testid="soc2-new-no-engagement">
          {t('soc2Engagements.firm.new.noEngagement')}
        </Text>
      )}
      <Radio.Group label={t('soc2Engagements.firm.fields.reportType')} value={v.reportType} onChange={(x) => form.setFieldValue('reportType', x as TSoc2ReportType)} error={form.errors.reportType}>
        <Group mt={4}>
          {SOC2_REPORT_TYPES.map((rt) => (
            <Radio key={rt} value={rt} label={`${t(`soc2Engagements.reportType.${rt}`)} — ${t(`soc2Engagements.firm.new.typeHelp.${rt}`)}`} data-testid={`soc2-new-type-${rt}`} />
          ))}
        </Group>
      </Radio.Group>
      <ScopeFields form={form} reportType={v.reportType} tenantId={tenant.id} />
    </FormPage>
  );
}

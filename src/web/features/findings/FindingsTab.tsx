import { Alert, Anchor, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TAuditState } from '../../../shared/contracts/certification';
import type { TFinding } from '../../../shared/contracts/findings';
import { DataTable, type TDataColumn } from '../../components/DataTable';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import type { TAuditTabProps } from '../audits/workspace-tabs';
import { useTenantContext } from '../tenants/TenantRoute';
import { useAuditFindings } from './api';
import { FindingClassBadge, FindingDueDates, FindingStateBadge } from './FindingBits';
import { PendingAnswer } from './PendingAnswer';
import { RaiseFindingForm } from './RaiseFindingForm';


/** Outside these the server refuses a finding (409 finding_audit_state): an auditor is told why there is no form. */
const RAISE_STATES: readonly TAuditState[] = ['in_progress', 'reported'];

export function useRequirementLabel() {
  const { t, i18n } = useTranslation();
  return (f: Pick<TFinding, 'requirement'>) => {
    if (!f.requirement) return t('common.none');
    const title = i18n.resolvedLanguage === 'fr' ? f.requirement.title.fr : f.requirement.title.en;
    return title ? `${f.requirement.ref} · ${title}` : f.requirement.ref;
  };
}

/** The audit's findings (17021-1 9.4.9): the list, the answers waiting for a verdict, and the form to raise one. */
export function FindingsTab({ audit, tenantId }: TAuditTabProps) {
  const { t } = useTranslation();
  const { can } = useTenantContext();
  const list = useAuditFindings(tenantId, audit.id);
  const requirement = useRequirementLabel();
  if (list.isPending) return <Loading />;
  if (list.error) return <ErrorAlert error={list.error} />;
  const rows = list.data.pages.flatMap((p) => p.items);
  const pending = rows.filter((f) => f.pendingSince !== null && f.abilities['finding.judge']);
  const columns: TDataColumn<TFinding>[] = [
    {
      key: 'reference',
      header: t('findings.fields.reference'),
      cell: (f) => (
        <Anchor component={Link} to={`/t/${tenantId}/findings/${f.id}`} data-testid="finding-open">
          {f.reference}
        </Anchor>
      ),
      sortValue: (f) => f.reference,
      nowrap: true,
    },
    { key: 'class', header: t('findings.fields.class'), cell: (f) => <FindingClassBadge value={f.class} />, sortValue: (f) => f.class, nowrap: true },
    { key: 'requirement', header: t('findings.fields.requirement'), cell: (f) => <span title={requirement(f)}>{f.requirement?.ref ?? '—'}</span>, sortValue: (f) => f.requirement?.ref ?? null, nowrap: true },
    { key: 'statement', header: t('findings.fields.statement'), cell: (f) => f.statement, truncate: (f) => f.statement },
    { key: 'state', header: t('findings.fields.state'), cell: (f) => <FindingStateBadge value={f.state} />, sortValue: (f) => f.state, nowrap: true },
    { key: 'due', header: t('findings.fields.due'), cell: (f) => <FindingDueDates finding={f} /> },
  ];
  return (
    <Stack gap="lg" data-testid="findings-tab">
      <DataTable
        rows={rows}
        rowKey={(f) => f.id}
        columns={columns}
        empty={t('findings.list.empty')}
        label={t('findings.list.title')}
        testId="findings-table"
        rowTestId={(f) => `finding-row-${f.reference}`}
        loadMore={{ hasMore: list.hasNextPage, loading: list.isFetchingNextPage, onLoadMore: () => void list.fetchNextPage() }}
      />
      {pending.length > 0 && (
        <Stack gap="md">
          <Title order={3} size="h4">
            {t('findings.review.title')}
          </Title>
          {pending.map((f) => (
            <PendingAnswer key={f.id} finding={f} tenantId={tenantId} />
          ))}
        </Stack>
      )}
      {audit.abilities['finding.write'] ? (
        <RaiseFindingForm auditId={audit.id} clientId={audit.clientId} tenantId={tenantId} />
      ) : can('finding.write') && !RAISE_STATES.includes(audit.state) ? (
        <Alert color="gray" data-testid="findings-raise-closed">
          <Text size="sm">{t('findings.raise.notNow')}</Text>
        </Alert>
      ) : null}
    </Stack>
  );
}

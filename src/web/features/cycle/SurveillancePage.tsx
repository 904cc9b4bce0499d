import { Card, Group, SegmentedControl, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { NoAccess } from '../../components/NoAccess';
import { PageHeader } from '../../components/PageHeader';
import { useFormat } from '../../lib/format';
import { useTenantContext } from '../tenants/TenantRoute';
import { useCycleDashboard } from './api';
import { CYCLE_FILTERS, type TCycleFilter } from '../../../shared/contracts/cycle';
import { CycleRows } from './CycleRows';

const FILTERS: readonly TCycleFilter[] = CYCLE_FILTERS;

/** The certification body's « Surveillance & recertification » dashboard; the filter is in the address. */
export function SurveillancePage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { tenant, can } = useTenantContext();
  const [params, setParams] = useSearchParams();
  const raw = params.get('status') ?? 'all';
  const status: TCycleFilter = (FILTERS as readonly string[]).includes(raw) ? (raw as TCycleFilter) : 'all';
  const allowed = can('certAudit.read');
  const q = useCycleDashboard('body', tenant.id, status, allowed);
  if (!allowed) return <NoAccess />;
  const totals = q.data?.totals;
  const count = (f: TCycleFilter) => (!totals || f === 'all' ? '' : ` (${format.number(f === 'overdue' ? totals.overdue : f === 'due_soon' ? totals.dueSoon : f === 'expiring' ? totals.expiring : totals.notStarted)})`);
  return (
    <Stack gap="lg">
      <PageHeader title={t('cycle.title')} description={t('cycle.intro')} />
      <Group>
        <SegmentedControl
          value={status}
          onChange={(v) => setParams(v === 'all' ? {} : { status: v })}
          data={FILTERS.map((f) => ({ value: f, label: `${t(`cycle.filters.${f}`)}${count(f)}` }))}
          data-testid="cycle-filter"
        />
      </Group>
      {q.isPending ? (
        <Loading />
      ) : q.error ? (
        <ErrorAlert error={q.error} />
      ) : q.data.items.length === 0 ? (
        <Card withBorder padding="lg">
          <Text size="sm" c="dimmed" data-testid="cycle-empty">
            {t(status === 'all' ? 'cycle.empty' : 'cycle.emptyFiltered')}
          </Text>
        </Card>
      ) : (
        <Card withBorder padding="xs">
          <CycleRows rows={q.data.items} tenantId={tenant.id} linkAudits />
        </Card>
      )}
    </Stack>
  );
}

import { Anchor, Card, Group, NativeSelect, Text, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { FINDING_CLASSES, FINDING_STATES, type TFindingClass, type TFindingState } from '../../../shared/contracts/certification-decisions';
import type { TFinding } from '../../../shared/contracts/findings';
import { DataTable, type TDataColumn } from '../../components/DataTable';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { useFormat } from '../../lib/format';
import { useCertAudits } from '../audits/api';
import { noon } from '../audits/StateBadge';
import { useProgrammeFindings } from './api';
import { FindingClassBadge, FindingDueDates, FindingStateBadge } from './FindingBits';

/**
 * A client's findings across the audits of a certification cycle (stage 1 to recertification), on
 * the client's page: what is still open before a decision or a surveillance audit, in one list.
 * A client with several cycles (after a recertification) picks the cycle; the latest comes first.
 */
export function ProgrammeFindingsSection({ tenantId, clientId }: { tenantId: string; clientId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const audits = useCertAudits(tenantId, { clientId });
  // The client's cycles, latest first, each named by the earliest deadline of its audits.
  const programmes = useMemo(() => {
    const starts = new Map<string, string>();
    for (const a of audits.data?.pages.flatMap((p) => p.items) ?? []) {
      const known = starts.get(a.programmeId);
      if (known === undefined || (a.dueBy !== null && (known === '' || a.dueBy < known))) starts.set(a.programmeId, a.dueBy ?? known ?? '');
    }
    return [...starts].sort((x, y) => y[1].localeCompare(x[1])).map(([id, from]) => ({ id, from }));
  }, [audits.data]);
  const [chosen, setChosen] = useState<string | null>(null);
  const programmeId = chosen ?? programmes[0]?.id ?? null;
  const [klass, setKlass] = useState<TFindingClass | ''>('');
  const [state, setState] = useState<TFindingState | ''>('');
  const list = useProgrammeFindings(tenantId, programmeId, { ...(klass ? { class: klass } : {}), ...(state ? { state } : {}) });
  if (!audits.isPending && programmes.length === 0) return null;
  const columns: TDataColumn<TFinding>[] = [
    {
      key: 'reference',
      header: t('findings.fields.reference'),
      cell: (f) => (
        <Anchor component={Link} to={`/t/${tenantId}/findings/${f.id}`} data-testid="programme-finding-open">
          {f.reference}
        </Anchor>
      ),
      nowrap: true,
    },
    { key: 'class', header: t('findings.fields.class'), cell: (f) => <FindingClassBadge value={f.class} />, nowrap: true },
    { key: 'state', header: t('findings.fields.state'), cell: (f) => <FindingStateBadge value={f.state} />, nowrap: true },
    {
      key: 'audit',
      header: t('findings.fields.audit'),
      cell: (f) => (
        <Anchor component={Link} to={`/t/${tenantId}/audits/${f.auditId}/findings`} size="sm">
          {f.auditReference}
        </Anchor>
      ),
      nowrap: true,
    },
    { key: 'requirement', header: t('findings.fields.requirement'), cell: (f) => (f.requirement ? f.requirement.ref : t('common.none')), nowrap: true },
    { key: 'statement', header: t('findings.fields.statement'), cell: (f) => f.statement, truncate: (f) => f.statement },
    { key: 'due', header: t('findings.fields.due'), cell: (f) => <FindingDueDates finding={f} /> },
  ];
  const filtered = klass !== '' || state !== '';
  return (
    <Card withBorder padding="lg" data-testid="programme-findings">
      <Title order={2} size="h4" mb="xs">
        {t('findings.programme.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('findings.programme.intro')}
      </Text>
      <Group mb="md">
        {programmes.length > 1 && (
          <NativeSelect
            label={t('findings.programme.cycle')}
            value={programmeId ?? ''}
            onChange={(e) => setChosen(e.currentTarget.value)}
            data={programmes.map((c) => ({ value: c.id, label: c.from ? t('findings.programme.cycleFrom', { date: format.date(noon(c.from)) }) : t('findings.programme.cycle') }))}
          />
        )}
        <NativeSelect
          label={t('findings.fields.class')}
          value={klass}
          onChange={(e) => setKlass(e.currentTarget.value as TFindingClass | '')}
          data={[{ value: '', label: t('findings.programme.allClasses') }, ...FINDING_CLASSES.map((c) => ({ value: c, label: t(`findings.class.${c}`) }))]}
          data-testid="programme-findings-class"
        />
        <NativeSelect
          label={t('findings.fields.state')}
          value={state}
          onChange={(e) => setState(e.currentTarget.value as TFindingState | '')}
          data={[{ value: '', label: t('findings.programme.allStates') }, ...FINDING_STATES.map((s) => ({ value: s, label: t(`findings.state.${s}`) }))]}
          data-testid="programme-findings-state"
        />
      </Group>
      {audits.isPending || list.isPending ? (
        <Loading />
      ) : list.error ? (
        <ErrorAlert error={list.error} />
      ) : (
        <DataTable
          rows={list.data.pages.flatMap((p) => p.items)}
          rowKey={(f) => f.id}
          columns={columns}
          empty={t(filtered ? 'findings.programme.noneFiltered' : 'findings.programme.none')}
          label={t('findings.programme.title')}
          testId="programme-findings-table"
          rowTestId={(f) => `programme-finding-${f.reference}`}
          minWidth={980}
          loadMore={{ hasMore: list.hasNextPage, loading: list.isFetchingNextPage, onLoadMore: () => void list.fetchNextPage() }}
        />
      )}
    </Card>
  );
}

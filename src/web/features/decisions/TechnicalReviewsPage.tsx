import { Badge, Button, Card, Group, NativeSelect, Stack, Text, Tooltip } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { DataTable } from '../../components/DataTable';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { NoAccess } from '../../components/NoAccess';
import { PageHeader } from '../../components/PageHeader';
import { useFormat } from '../../lib/format';
import { useTenantContext } from '../tenants/TenantRoute';
import { useCertAudits } from '../audits/api';
import { useMembers } from '../members/api';
import { useOpenReview, useTechnicalReviews } from './api';
import type { TTechnicalReviewSummary } from '../../../shared/contracts/cert-decisions';

const CONCLUDING = ['stage2', 'surveillance', 'recertification', 'special'];

/** The technical reviews of the body's files, and opening one for a reported concluding audit. */
export function TechnicalReviewsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  const { tenant, can } = useTenantContext();
  const role = tenant.role;
  const list = useTechnicalReviews(tenant.id, {}, can('technicalReview.read'));
  const canOpen = can('technicalReview.create');
  const reported = useCertAudits(tenant.id, { state: 'reported' }, canOpen);
  const members = useMembers(tenant.id, canOpen && role === 'scheme_manager');
  const open = useOpenReview(tenant.id);
  const [auditId, setAuditId] = useState('');
  const [reviewerId, setReviewerId] = useState('');
  if (!can('technicalReview.read')) return <NoAccess />;
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  const audits = (reported.data?.pages.flatMap((p) => p.items) ?? []).filter((a) => CONCLUDING.includes(a.type));
  const reviewers = (members.data?.items ?? []).filter((m) => m.role === 'technical_reviewer');
  const chosen = audits.find((a) => a.id === auditId);

  return (
    <Stack gap="lg">
      <PageHeader title={t('decisions.review.listTitle')} description={t('decisions.review.listIntro')} />
      {canOpen && (
        <Card withBorder padding="lg">
          <Group align="end">
            <NativeSelect
              label={t('decisions.review.audit')}
              value={auditId}
              onChange={(e) => setAuditId(e.currentTarget.value)}
              data={[{ value: '', label: '—' }, ...audits.map((a) => ({ value: a.id, label: `${a.reference} · ${a.clientName} · ${t(`audits.type.${a.type}`)}` }))]}
              data-testid="review-open-audit"
            />
            {role === 'scheme_manager' && (
              <NativeSelect
                label={t('decisions.review.reviewer')}
                value={reviewerId}
                onChange={(e) => setReviewerId(e.currentTarget.value)}
                data={[{ value: '', label: '—' }, ...reviewers.map((m) => ({ value: m.userId, label: m.name }))]}
                data-testid="review-open-reviewer"
              />
            )}
            <Button
              disabled={!chosen || (role === 'scheme_manager' && !reviewerId)}
              loading={open.isPending}
              onClick={() =>
                chosen &&
                open.mutate({ programmeId: chosen.programmeId, auditId: chosen.id, ...(reviewerId ? { reviewerId } : {}) }, { onSuccess: (r) => navigate(`/t/${tenant.id}/technical-reviews/${r.id}`) })
              }
              data-testid="review-open"
            >
              {t('decisions.review.open')}
            </Button>
          </Group>
          {open.error && <ErrorAlert error={open.error} />}
        </Card>
      )}
      <Card withBorder padding="lg">
        {list.isPending ? (
          <Loading />
        ) : list.error ? (
          <ErrorAlert error={list.error} />
        ) : (
          <DataTable<TTechnicalReviewSummary>
            testId="reviews-table"
            label={t('decisions.review.listTitle')}
            rows={rows}
            rowKey={(r) => r.id}
            rowTestId={(r) => `review-row-${r.auditReference}`}
            empty={t('decisions.review.empty')}
            loadMore={{ hasMore: Boolean(list.hasNextPage), loading: list.isFetchingNextPage, onLoadMore: () => void list.fetchNextPage() }}
            columns={[
              {
                key: 'audit',
                header: t('decisions.review.audit'),
                cell: (r) => (
                  <Link to={`/t/${tenant.id}/technical-reviews/${r.id}`} data-testid={`review-link-${r.auditReference}`}>
                    {r.auditReference}
                  </Link>
                ),
                nowrap: true,
              },
              { key: 'client', header: t('decisions.fields.client'), cell: (r) => r.clientName, sortValue: (r) => r.clientName },
              { key: 'reviewer', header: t('decisions.review.reviewer'), cell: (r) => r.reviewer.name },
              { key: 'state', header: t('audits.fields.state'), cell: (r) => <Badge variant="light" color={r.state === 'completed' ? 'green' : 'gray'}>{t(`decisions.review.state.${r.state}`)}</Badge> },
              { key: 'recommendation', header: t('decisions.review.recommendation'), cell: (r) => (r.recommendation ? t(`decisions.kind.${r.recommendation}`) : t('common.none')) },
              { key: 'created', header: t('decisions.review.completedOn'), cell: (r) => <Text size="sm">{format.date(r.completedAt ?? r.createdAt)}</Text>, nowrap: true },
              { key: 'decisionWait', header: t('decisions.review.decisionWait'), cell: (r) => <DecisionWait review={r} />, nowrap: true },
            ]}
          />
        )}
      </Card>
    </Stack>
  );
}

/** The seed's « 3–5 business days » from the completed review to the decision, against the body's own target. */
function DecisionWait({ review }: { review: TTechnicalReviewSummary }) {
  const { t } = useTranslation();
  const w = review.decisionWait;
  if (!w) return null;
  const values = { elapsed: w.elapsedBusinessDays, target: w.targetBusinessDays };
  const text = w.decidedOn ? t('decisions.review.decidedIn', values) : t('decisions.review.waiting', values);
  return (
    <Tooltip label={t('decisions.review.waitHint')} multiline w={280}>
      {w.overdue ? (
        <Badge color={w.decidedOn ? 'orange' : 'red'} variant="light" title={t('decisions.review.waitOverdue')} data-testid="decision-wait-overdue">
          {text}
        </Badge>
      ) : (
        <Text size="sm" data-testid="decision-wait">
          {text}
        </Text>
      )}
    </Tooltip>
  );
}

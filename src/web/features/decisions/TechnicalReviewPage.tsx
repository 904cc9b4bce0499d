import { Alert, Anchor, Badge, Button, Card, Checkbox, Group, NativeSelect, Stack, Table, Text, TextInput, Textarea } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ConfirmButton } from '../../components/ConfirmButton';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { NoAccess } from '../../components/NoAccess';
import { PageHeader } from '../../components/PageHeader';
import { useFormat } from '../../lib/format';
import { notifySuccess } from '../../lib/errors';
import { DECISION_KINDS, type TDecisionKind } from '../../../shared/contracts/certification-decisions';
import type { TReviewChecklistEntry } from '../../../shared/contracts/cert-decisions';
import { useTenantContext } from '../tenants/TenantRoute';
import { useCompleteReview, useTechnicalReview, useUpdateReview } from './api';

/** One technical review: each fixed item with the file's fact, the reviewer's confirmation and note, the recommendation. */
export function TechnicalReviewPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { tenant, can } = useTenantContext();
  const { reviewId = '' } = useParams();
  const review = useTechnicalReview(tenant.id, reviewId);
  const update = useUpdateReview(tenant.id, reviewId);
  const complete = useCompleteReview(tenant.id, reviewId);
  const [items, setItems] = useState<TReviewChecklistEntry[]>([]);
  const [recommendation, setRecommendation] = useState<TDecisionKind | ''>('');
  const [notes, setNotes] = useState('');
  useEffect(() => {
    if (!review.data) return;
    setItems(review.data.checklist);
    setRecommendation(review.data.recommendation ?? '');
    setNotes(review.data.notes);
  }, [review.data]);
  if (!can('technicalReview.read')) return <NoAccess />;
  if (review.isPending) return <Loading />;
  if (review.error) return <ErrorAlert error={review.error} />;
  const r = review.data;
  const editable = r.abilities['technicalReview.update'];
  const setItem = (i: number, patch: Partial<TReviewChecklistEntry>) => setItems(items.map((e, j) => (i === j ? { ...e, ...patch } : e)));
  const save = (then?: () => void) =>
    update.mutate(
      { items: items.map(({ item, confirmed, note }) => ({ item, confirmed, note })), recommendation: recommendation || null, notes },
      { onSuccess: () => (then ? then() : notifySuccess(t('decisions.review.saved'))) },
    );

  return (
    <Stack gap="lg">
      <PageHeader
        title={`${t('decisions.review.title')} · ${r.clientName}`}
        description={`${r.auditReference} · ${t(`audits.type.${r.auditType}`)} · ${t('decisions.review.reviewer')} ${r.reviewer.name}`}
        actions={<Badge color={r.state === 'completed' ? 'green' : 'gray'} data-testid="review-state">{t(`decisions.review.state.${r.state}`)}</Badge>}
      />
      {r.state === 'completed' && (
        <Alert color={r.stale ? 'orange' : 'green'} data-testid="review-freshness">
          <Text size="sm">{t('decisions.review.completed', { date: format.dateTime(r.completedAt) })}</Text>
          <Text size="sm">{r.stale ? t('decisions.review.stale') : t('decisions.review.current')}</Text>
          {can('certDecision.read') && (
            <Anchor component={Link} to={`/t/${tenant.id}/decisions/new?programmeId=${r.programmeId}`} data-testid="review-decide">
              {t('decisions.list.new')}
            </Anchor>
          )}
        </Alert>
      )}
      <Card withBorder padding="lg">
        <Table data-testid="review-checklist">
          <Table.Thead>
            <Table.Tr>
              <Table.Th />
              <Table.Th>{t('decisions.review.fact')}</Table.Th>
              <Table.Th>{t('decisions.review.confirmed')}</Table.Th>
              <Table.Th>{t('decisions.review.note')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((e, i) => (
              <Table.Tr key={e.item} data-testid={`review-item-${e.item}`}>
                <Table.Td>{t(`decisions.review.item.${e.item}`)}</Table.Td>
                <Table.Td>
                  <Badge variant="light" color={e.fact.holds ? 'green' : 'orange'}>
                    {e.fact.holds ? t('decisions.review.holds') : t('decisions.review.fails')}
                  </Badge>
                  {e.fact.refs.length > 0 && (
                    <Text size="xs" c="dimmed">
                      {e.fact.refs.join(', ')}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Checkbox checked={e.confirmed} disabled={!editable} onChange={(ev) => setItem(i, { confirmed: ev.currentTarget.checked })} aria-label={t(`decisions.review.item.${e.item}`)} data-testid={`review-confirm-${e.item}`} />
                </Table.Td>
                <Table.Td>
                  <TextInput size="xs" value={e.note} disabled={!editable} maxLength={2000} onChange={(ev) => setItem(i, { note: ev.currentTarget.value })} aria-label={t('decisions.review.note')} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Card>
      <Card withBorder padding="lg">
        <Stack gap="sm">
          <NativeSelect
            label={t('decisions.review.recommendation')}
            value={recommendation}
            disabled={!editable}
            onChange={(e) => setRecommendation(e.currentTarget.value as TDecisionKind | '')}
            data={[{ value: '', label: '—' }, ...DECISION_KINDS.map((k) => ({ value: k, label: t(`decisions.kindTitle.${k}`) }))]}
            data-testid="review-recommendation"
          />
          <Textarea label={t('decisions.review.notes')} value={notes} disabled={!editable} onChange={(e) => setNotes(e.currentTarget.value)} autosize minRows={3} maxLength={4000} />
          {(update.error || complete.error) && <ErrorAlert error={update.error ?? complete.error} />}
          {editable && (
            <Group justify="flex-end">
              <Button variant="default" onClick={() => save()} loading={update.isPending} data-testid="review-save">
                {t('decisions.review.save')}
              </Button>
              {r.abilities['technicalReview.complete'] && (
                <ConfirmButton
                  color="blue"
                  title={t('decisions.review.complete')}
                  message={t('decisions.review.completeConfirm')}
                  confirmLabel={t('decisions.review.complete')}
                  loading={complete.isPending}
                  onConfirm={() => save(() => complete.mutate())}
                  data-testid="review-complete"
                >
                  {t('decisions.review.complete')}
                </ConfirmButton>
              )}
            </Group>
          )}
        </Stack>
      </Card>
    </Stack>
  );
}

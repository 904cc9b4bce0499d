import { ActionIcon, Alert, Anchor, Badge, Button, Card, Group, NativeSelect, SimpleGrid, Stack, TagsInput, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../components/DataTable';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { useContractForm, useServerErrors } from '../../lib/forms';
import { useFormat } from '../../lib/format';
import { useUrlFilters } from '../../lib/url-filters';
import { REVIEW_INPUTS, ZCreateReviewBody, ZUpdateReviewBody, type TReview, type TReviewInputKey, type TReviewSummary } from '../../../shared/contracts/management-reviews';
import { useMembers } from '../members/api';
import { useTenantContext } from '../tenants/TenantRoute';
import { useCompleteReview, useCreateReview, useReview, useReviews, useUpdateReview } from './api';
import { errorUnder, Field, ReviewStatusBadge, useDay } from './bits';

const FILTER_KEYS = ['id'] as const;

export function ReviewsTab() {
  const { t } = useTranslation();
  const day = useDay();
  const format = useFormat();
  const { tenant, can } = useTenantContext();
  const [filters, setFilter] = useUrlFilters(FILTER_KEYS);
  const [creating, setCreating] = useState(false);
  const list = useReviews(tenant.id);
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  const open = (id: string | undefined) => setFilter('id', id);
  return (
    <Stack gap="lg">
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          {t('records.reviews.intro')}
        </Text>
        {can('managementReview.create') && !creating && (
          <Button onClick={() => setCreating(true)} data-testid="review-new">
            {t('records.reviews.new')}
          </Button>
        )}
      </Group>
      {creating && <ReviewCreateForm onDone={(id) => { setCreating(false); if (id) open(id); }} />}
      {filters.id && <ReviewDetail key={filters.id} id={filters.id} onClose={() => open(undefined)} />}
      <Card withBorder padding="lg">
        {list.isPending ? (
          <Loading />
        ) : list.error ? (
          <ErrorAlert error={list.error} />
        ) : (
          <DataTable<TReviewSummary>
            testId="review-table"
            label={t('records.reviews.title')}
            rows={rows}
            rowKey={(r) => r.id}
            rowTestId={(r) => `review-row-${r.id}`}
            empty={t('records.reviews.empty')}
            loadMore={{ hasMore: Boolean(list.hasNextPage), loading: list.isFetchingNextPage, onLoadMore: () => void list.fetchNextPage() }}
            columns={[
              {
                key: 'title',
                header: t('records.reviews.fields.title'),
                cell: (r) => (
                  <Anchor component="button" type="button" size="sm" onClick={() => open(r.id)} data-testid={`review-open-${r.id}`}>
                    {r.title}
                  </Anchor>
                ),
                truncate: (r) => r.title,
              },
              { key: 'held', header: t('records.reviews.fields.heldOn'), cell: (r) => day(r.heldOn), sortValue: (r) => r.heldOn, nowrap: true },
              { key: 'status', header: t('records.reviews.fields.status'), cell: (r) => <ReviewStatusBadge status={r.status} />, nowrap: true },
              {
                key: 'inputs',
                header: t('records.reviews.fields.inputs'),
                cell: (r) => t('records.reviews.inputsAddressed', { done: format.number(REVIEW_INPUTS.length - r.missingInputs.length), total: format.number(REVIEW_INPUTS.length) }),
                nowrap: true,
              },
              { key: 'decisions', header: t('records.reviews.fields.decisions'), cell: (r) => format.number(r.decisionCount), nowrap: true },
            ]}
          />
        )}
      </Card>
    </Stack>
  );
}

function ReviewCreateForm({ onDone }: { onDone: (id: string | null) => void }) {
  const { t } = useTranslation();
  const { tenant } = useTenantContext();
  const create = useCreateReview(tenant.id);
  const form = useContractForm(ZCreateReviewBody, { title: '', heldOn: '', attendees: [] as string[] });
  const unplaced = useServerErrors(form, create.error);
  return (
    <Card withBorder padding="lg">
      <Title order={3} size="h4" mb="md">
        {t('records.reviews.new')}
      </Title>
      <form onSubmit={form.onSubmit((v) => create.mutate(v, { onSuccess: (r) => onDone(r.id) }))}>
        <Stack gap="md">
          <ErrorAlert error={unplaced} />
          <TextInput label={t('records.reviews.fields.title')} {...form.getInputProps('title')} data-testid="review-title" />
          <TextInput type="date" label={t('records.reviews.fields.heldOn')} {...form.getInputProps('heldOn')} data-testid="review-held" />
          <TagsInput label={t('records.reviews.fields.attendees')} description={t('records.reviews.attendeesHelp')} {...form.getInputProps('attendees')} error={errorUnder(form.errors, 'attendees') as string | undefined} data-testid="review-attendees" />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => onDone(null)}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending} data-testid="review-create">
              {t('records.reviews.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

function ReviewDetail({ id, onClose }: { id: string; onClose: () => void }) {
  const { tenant } = useTenantContext();
  const review = useReview(tenant.id, id);
  if (review.isPending) return <Loading />;
  if (review.error) return <ErrorAlert error={review.error} />;
  return <ReviewRecord key={review.data.updatedAt} review={review.data} onClose={onClose} />;
}

type TDecisionRow = { id?: string; decision: string; ownerId: string | null; dueOn: string | null };

/** A review's inputs (9.3.2) and decisions (9.3.3), edited together while it is a draft; completed, it is read-only. */
function ReviewRecord({ review: r, onClose }: { review: TReview; onClose: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const day = useDay();
  const { tenant } = useTenantContext();
  const members = useMembers(tenant.id);
  const update = useUpdateReview(tenant.id, r.id);
  const complete = useCompleteReview(tenant.id, r.id);
  const editable = r.abilities['managementReview.update'];
  const notes = Object.fromEntries(r.inputs.map((i) => [i.key, i.notes])) as Partial<Record<TReviewInputKey, string>>;
  const form = useContractForm(ZUpdateReviewBody, {
    inputs: Object.fromEntries(REVIEW_INPUTS.map((k) => [k, notes[k] ?? ''])) as Record<TReviewInputKey, string>,
    decisions: r.decisions.map((d) => ({ id: d.id, decision: d.decision, ownerId: d.owner?.id ?? null, dueOn: d.dueOn })) as TDecisionRow[],
  });
  const unplaced = useServerErrors(form, update.error ?? complete.error);
  const v = form.getValues();
  const none = { value: '', label: t('common.none') };
  const memberOptions = [none, ...(members.data?.items ?? []).map((m) => ({ value: m.userId, label: m.name }))];
  const save = form.onSubmit((values) => update.mutate(values));
  return (
    <Card withBorder padding="lg" data-testid="review-detail">
      <Group justify="space-between" align="flex-start" mb="md">
        <Stack gap={4}>
          <Title order={3} size="h4" data-testid="review-detail-title">
            {r.title}
          </Title>
          <Group gap="xs">
            <ReviewStatusBadge status={r.status} testId="review-detail-status" />
            <Text size="sm" data-testid="review-detail-held">
              {day(r.heldOn)}
            </Text>
          </Group>
        </Stack>
        <Button variant="subtle" size="xs" onClick={onClose}>
          {t('records.common.closeDetail')}
        </Button>
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" mb="md">
        <Field label={t('records.reviews.fields.attendees')} value={r.attendees.join(', ') || t('common.none')} />
        {r.completedAt && <Field label={t('records.reviews.completedAt')} value={t('records.common.byOn', { name: r.completedBy?.name ?? t('common.none'), date: format.date(r.completedAt) })} />}
      </SimpleGrid>
      {r.status === 'draft' && r.missingInputs.length > 0 && (
        <Alert color="orange" mb="md" data-testid="review-missing">
          {t('records.reviews.missing', { count: r.missingInputs.length })}
        </Alert>
      )}
      <form onSubmit={save}>
        <Stack gap="md">
          <ErrorAlert error={unplaced} />
          <Title order={4} size="h5">
            {t('records.reviews.fields.inputs')}
          </Title>
          {REVIEW_INPUTS.map((k) =>
            editable ? (
              <Textarea key={k} label={t(`records.reviews.input.${k}`)} autosize minRows={2} {...form.getInputProps(`inputs.${k}`)} data-testid={`review-input-${k}`} />
            ) : (
              <Field key={k} label={t(`records.reviews.input.${k}`)} value={notes[k] || t('common.none')} testId={`review-input-${k}`} />
            ),
          )}
          <Title order={4} size="h5">
            {t('records.reviews.fields.decisions')}
          </Title>
          {!editable &&
            (r.decisions.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('records.reviews.noDecision')}
              </Text>
            ) : (
              r.decisions.map((d) => (
                <Group key={d.id} gap="xs" data-testid="review-decision">
                  <Text size="sm">{d.decision}</Text>
                  <Text size="xs" c="dimmed">
                    {[d.owner?.name, d.dueOn ? t('records.reviews.dueOn', { date: day(d.dueOn) }) : null].filter(Boolean).join(' · ')}
                  </Text>
                  {d.overdue && <Badge color="red" size="xs">{t('records.common.overdue')}</Badge>}
                </Group>
              ))
            ))}
          {editable &&
            v.decisions!.map((d, i) => (
              <Group key={d.id ?? `new-${i}`} align="flex-end" wrap="nowrap">
                <TextInput style={{ flex: 1 }} label={t('records.reviews.decision')} {...form.getInputProps(`decisions.${i}.decision`)} data-testid={`review-decision-${i}`} />
                <NativeSelect label={t('records.nonconformities.fields.owner')} data={memberOptions} value={d.ownerId ?? ''} onChange={(e) => form.setFieldValue(`decisions.${i}.ownerId`, e.currentTarget.value || null)} data-testid={`review-decision-owner-${i}`} />
                <TextInput type="date" label={t('records.nonconformities.fields.dueOn')} value={d.dueOn ?? ''} onChange={(e) => form.setFieldValue(`decisions.${i}.dueOn`, e.currentTarget.value || null)} error={form.errors[`decisions.${i}.dueOn`]} data-testid={`review-decision-due-${i}`} />
                <ActionIcon variant="subtle" color="red" mb={4} aria-label={t('records.reviews.removeDecision')} onClick={() => form.removeListItem('decisions', i)}>
                  ×
                </ActionIcon>
              </Group>
            ))}
          {editable && (
            <Group>
              <Button variant="default" size="xs" onClick={() => form.insertListItem('decisions', { decision: '', ownerId: null, dueOn: null })} data-testid="review-add-decision">
                {t('records.reviews.addDecision')}
              </Button>
            </Group>
          )}
          {editable && (
            <Group>
              <Button type="submit" loading={update.isPending} data-testid="review-save">
                {t('records.common.save')}
              </Button>
              {r.abilities['managementReview.complete'] && (
                <Button color="green" variant="light" disabled={form.isDirty()} loading={complete.isPending} onClick={() => complete.mutate()} data-testid="review-complete" title={form.isDirty() ? t('records.reviews.saveFirst') : undefined}>
                  {t('records.reviews.complete')}
                </Button>
              )}
            </Group>
          )}
        </Stack>
      </form>
    </Card>
  );
}

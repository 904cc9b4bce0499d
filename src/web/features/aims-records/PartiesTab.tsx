import { ActionIcon, Button, Card, Checkbox, Group, NativeSelect, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../components/DataTable';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { useContractForm, useServerErrors } from '../../lib/forms';
import { useUrlFilters } from '../../lib/url-filters';
import { PARTY_CATEGORIES, ZCreatePartyBody, type TParty, type TPartyCategory } from '../../../shared/contracts/aims-records-context';
import { useTenantContext } from '../tenants/TenantRoute';
import { useCreateParty, useParties, useUpdateParty, type TPartyFilters } from './api';
import { RecordHistory, RequirementBadges, RequirementsInput } from './RecordBits';

const FILTER_KEYS = ['category', 'unaddressed'] as const;
const SUGGESTED = ['iso-iec-42001-2023 4.2', 'iso-iec-42001-2023 4.1', 'iso-iec-42001-2023 4.3', 'eu-ai-act-2024 Art. 26', 'eu-ai-act-2024 Art. 27'];

/** Interested parties (4.2): who they are, their requirements, and which the AIMS addresses. */
export function PartiesTab() {
  const { t } = useTranslation();
  const { tenant, can } = useTenantContext();
  const [url, setFilter] = useUrlFilters(FILTER_KEYS);
  // The search box answers as one types, but asks the server once the typing pauses.
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const [editing, setEditing] = useState<TParty | 'new' | null>(null);
  const [historyOf, setHistoryOf] = useState<TParty | null>(null);
  const filters: TPartyFilters = { category: url.category as TPartyCategory | undefined, q: q || undefined, ...(url.unaddressed === 'true' ? { unaddressed: 'true' as const } : {}) };
  const list = useParties(tenant.id, filters);
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  const all = { value: '', label: t('records.common.all') };

  return (
    <Stack gap="lg">
      {editing ? (
        <PartyForm key={editing === 'new' ? 'new' : editing.id} party={editing === 'new' ? undefined : editing} onDone={() => setEditing(null)} />
      ) : (
        can('interestedParty.create') && (
          <Group>
            <Button onClick={() => setEditing('new')} data-testid="party-new">
              {t('records.parties.new')}
            </Button>
          </Group>
        )
      )}
      {historyOf && (
        <RecordHistory
          key={historyOf.id}
          kind="parties"
          path={`interested-parties/${historyOf.id}`}
          subjectType="interested_party"
          subjectId={historyOf.id}
          title={t('records.common.historyOf', { name: historyOf.name })}
          onClose={() => setHistoryOf(null)}
          testId="party-history"
        />
      )}
      <Card withBorder padding="lg">
        <Group mb="md" align="flex-end" wrap="wrap">
          <TextInput label={t('records.common.search')} value={search} onChange={(e) => setSearch(e.currentTarget.value)} maxLength={100} data-testid="party-filter-q" />
          <NativeSelect
            label={t('records.parties.fields.category')}
            value={url.category ?? ''}
            onChange={(e) => setFilter('category', e.currentTarget.value || undefined)}
            data={[all, ...PARTY_CATEGORIES.map((c) => ({ value: c, label: t(`records.parties.category.${c}`) }))]}
            data-testid="party-filter-category"
          />
          <Checkbox label={t('records.parties.filters.unaddressed')} checked={url.unaddressed === 'true'} onChange={(e) => setFilter('unaddressed', e.currentTarget.checked ? 'true' : undefined)} mb={8} data-testid="party-filter-unaddressed" />
        </Group>
        {list.isPending ? (
          <Loading />
        ) : list.error ? (
          <ErrorAlert error={list.error} />
        ) : (
          <DataTable<TParty>
            testId="parties-table"
            label={t('records.common.tabs.parties')}
            rows={rows}
            rowKey={(r) => r.id}
            rowTestId={(r) => `party-row-${r.id}`}
            empty={t('records.parties.empty')}
            minWidth={900}
            loadMore={{ hasMore: Boolean(list.hasNextPage), loading: list.isFetchingNextPage, onLoadMore: () => void list.fetchNextPage() }}
            columns={[
              { key: 'name', header: t('records.parties.fields.name'), cell: (r) => r.name, truncate: (r) => r.name, sortValue: (r) => r.name },
              { key: 'category', header: t('records.parties.fields.category'), cell: (r) => t(`records.parties.category.${r.category}`), nowrap: true },
              {
                key: 'needs',
                header: t('records.parties.fields.needs'),
                cell: (r) => (
                  <Stack gap={2}>
                    {r.needs.map((n) => (
                      <Text key={n.key} size="sm">
                        {n.addressed ? '✓' : '✗'} {n.description}
                      </Text>
                    ))}
                  </Stack>
                ),
              },
              { key: 'addressed', header: t('records.parties.fields.addressed'), cell: (r) => t('records.parties.addressedCount', { addressed: r.addressedCount, total: r.needCount }), nowrap: true },
              { key: 'requirements', header: t('records.common.requirements'), cell: (r) => <RequirementBadges items={r.requirements} /> },
            ]}
            actions={[
              {
                key: 'history',
                allowed: (r) => r.abilities['interestedParty.read'],
                render: (r) => (
                  <Button size="xs" variant="subtle" onClick={() => setHistoryOf(r)} data-testid={`party-history-${r.id}`}>
                    {t('records.common.history')}
                  </Button>
                ),
              },
              {
                key: 'edit',
                allowed: (r) => r.abilities['interestedParty.update'],
                render: (r) => (
                  <Button size="xs" variant="subtle" onClick={() => setEditing(r)} data-testid={`party-edit-${r.id}`}>
                    {t('records.common.edit')}
                  </Button>
                ),
              },
            ]}
          />
        )}
      </Card>
    </Stack>
  );
}

type TValues = { name: string; category: TPartyCategory; needs: { key?: string; description: string; addressed: boolean; how: string }[]; requirements: { frameworkId: string; ref: string }[] };

function PartyForm({ party, onDone }: { party?: TParty; onDone: () => void }) {
  const { t } = useTranslation();
  const { tenant } = useTenantContext();
  const create = useCreateParty(tenant.id);
  const update = useUpdateParty(tenant.id);
  const mutation = party ? update : create;
  const form = useContractForm<TValues>(ZCreatePartyBody, {
    name: party?.name ?? '',
    category: party?.category ?? 'regulator',
    needs: party?.needs.map((n) => ({ key: n.key, description: n.description, addressed: n.addressed, how: n.how })) ?? [],
    requirements: party?.requirements.map((r) => ({ frameworkId: r.frameworkId, ref: r.ref })) ?? [],
  });
  const unplaced = useServerErrors(form, mutation.error);
  const submit = form.onSubmit((body) => {
    const done = { onSuccess: onDone };
    if (party) update.mutate({ id: party.id, body }, done);
    else create.mutate(body, done);
  });
  return (
    <Card withBorder padding="lg">
      <Title order={2} size="h4" mb="md">
        {t(party ? 'records.parties.editTitle' : 'records.parties.newTitle')}
      </Title>
      <form onSubmit={submit} aria-label={t(party ? 'records.parties.editTitle' : 'records.parties.newTitle')}>
        <Stack gap="md">
          <ErrorAlert error={unplaced} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t('records.parties.fields.name')} {...form.getInputProps('name')} data-testid="party-name" />
            <NativeSelect label={t('records.parties.fields.category')} data={PARTY_CATEGORIES.map((c) => ({ value: c, label: t(`records.parties.category.${c}`) }))} {...form.getInputProps('category')} data-testid="party-category" />
          </SimpleGrid>
          <Stack gap="xs">
            <Text fw={500} size="sm">
              {t('records.parties.fields.needs')}
            </Text>
            {form.values.needs.map((_, i) => (
              <Card key={i} withBorder padding="sm">
                <Stack gap="xs">
                  <Group align="flex-end" wrap="nowrap">
                    <TextInput style={{ flex: 1 }} label={t('records.parties.fields.needDescription')} {...form.getInputProps(`needs.${i}.description`)} data-testid={`party-need-${i}-description`} />
                    <ActionIcon variant="subtle" color="red" mb={4} onClick={() => form.removeListItem('needs', i)} aria-label={t('records.common.remove')}>
                      ×
                    </ActionIcon>
                  </Group>
                  <Checkbox label={t('records.parties.fields.addressed')} {...form.getInputProps(`needs.${i}.addressed`, { type: 'checkbox' })} data-testid={`party-need-${i}-addressed`} />
                  <Textarea label={t('records.parties.fields.how')} autosize {...form.getInputProps(`needs.${i}.how`)} data-testid={`party-need-${i}-how`} />
                </Stack>
              </Card>
            ))}
            <Group>
              <Button size="xs" variant="default" onClick={() => form.insertListItem('needs', { description: '', addressed: true, how: '' })} data-testid="party-add-need">
                {t('records.parties.addNeed')}
              </Button>
            </Group>
          </Stack>
          <RequirementsInput value={form.values.requirements} onChange={(v) => form.setFieldValue('requirements', v)} suggestions={SUGGESTED} error={form.errors.requirements} testId="party-requirements" />
          <Group>
            <Button type="submit" loading={mutation.isPending} data-testid="party-submit">
              {t('records.common.save')}
            </Button>
            <Button variant="default" onClick={onDone}>
              {t('common.cancel')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

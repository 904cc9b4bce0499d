import { ActionIcon, Anchor, Badge, Button, Card, Group, List, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../components/DataTable';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { useFormat } from '../../lib/format';
import { useContractForm, useServerErrors } from '../../lib/forms';
import { useUrlFilters } from '../../lib/url-filters';
import { ZScopeContent, type TScopeContent, type TScopeStatus, type TScopeVersion } from '../../../shared/contracts/aims-records-context';
import { useTenantContext } from '../tenants/TenantRoute';
import { useApproveScope, useScope, useScopeVersion, useScopeVersions, useStartScope, useUpdateScope } from './api';

/** The version opened from the list is in the address, so a superseded scope can be linked to. */
const VIEW_KEYS = ['version'] as const;

export const SCOPE_STATUS_COLOR: Record<TScopeStatus, string> = { draft: 'yellow', approved: 'teal', superseded: 'gray' };

/** The AIMS scope (4.3): the version in force, the draft being written, and every version. */
export function ScopeTab() {
  const { t } = useTranslation();
  const format = useFormat();
  const { tenant } = useTenantContext();
  const scope = useScope(tenant.id);
  const versions = useScopeVersions(tenant.id);
  const start = useStartScope(tenant.id);
  const [url, setView] = useUrlFilters(VIEW_KEYS);
  const opened = /^\d{1,7}$/.test(url.version ?? '') ? Number(url.version) : null;

  if (scope.isPending) return <Loading />;
  if (scope.error) return <ErrorAlert error={scope.error} />;
  const { latest, approved, abilities } = scope.data;
  const draft = latest?.status === 'draft' ? latest : null;
  const rows = versions.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <Stack gap="lg">
      <ErrorAlert error={start.error} />
      {!latest && (
        <Card withBorder padding="lg" data-testid="scope-empty">
          <Text mb="md">{t('records.scope.none')}</Text>
          {abilities['aimsScope.draft'] && (
            <Button onClick={() => start.mutate({})} loading={start.isPending} data-testid="scope-start">
              {t('records.scope.start')}
            </Button>
          )}
        </Card>
      )}
      {approved && <ScopeVersionCard version={approved} title={t('records.scope.inForce', { version: format.number(approved.version) })} testId="scope-approved" />}
      {!draft && approved && abilities['aimsScope.draft'] && (
        <Group>
          <Button variant="default" onClick={() => start.mutate({})} loading={start.isPending} data-testid="scope-revise">
            {t('records.scope.revise')}
          </Button>
        </Group>
      )}
      {draft && <DraftEditor key={`${draft.version}-${draft.updatedAt}`} draft={draft} />}
      {opened !== null && opened !== approved?.version && opened !== draft?.version && <OpenedVersion version={opened} onClose={() => setView('version', undefined)} />}
      <Card withBorder padding="lg">
        <Title order={2} size="h4" mb="md">
          {t('records.scope.versions')}
        </Title>
        <DataTable
          testId="scope-versions"
          label={t('records.scope.versions')}
          rows={rows}
          rowKey={(r) => String(r.version)}
          empty={t('records.scope.noVersions')}
          loadMore={{ hasMore: Boolean(versions.hasNextPage), loading: versions.isFetchingNextPage, onLoadMore: () => void versions.fetchNextPage() }}
          columns={[
            {
              key: 'version',
              header: t('records.scope.version'),
              cell: (r) => (
                <Anchor component="button" type="button" onClick={() => setView('version', String(r.version))} data-testid={`scope-open-${r.version}`}>
                  {t('records.scope.versionN', { version: format.number(r.version) })}
                </Anchor>
              ),
              nowrap: true,
            },
            { key: 'status', header: t('records.common.status'), cell: (r) => <Badge color={SCOPE_STATUS_COLOR[r.status]} variant="light">{t(`records.scope.status.${r.status}`)}</Badge>, nowrap: true },
            { key: 'systems', header: t('records.scope.aiSystems'), cell: (r) => format.number(r.aiSystemCount), nowrap: true },
            { key: 'approvedBy', header: t('records.scope.approvedBy'), cell: (r) => r.approvedBy?.name ?? t('common.none') },
            { key: 'approvedAt', header: t('records.scope.approvedAt'), cell: (r) => format.date(r.approvedAt), nowrap: true },
          ]}
        />
      </Card>
    </Stack>
  );
}

/** Any version read from the list: a superseded one keeps its text and the AI systems as approved. */
function OpenedVersion({ version, onClose }: { version: number; onClose: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { tenant } = useTenantContext();
  const detail = useScopeVersion(tenant.id, version);
  const ref = useRef<HTMLDivElement>(null);
  // Opened from the list below: bring it to the reader rather than leave it above the fold. A block
  // body on purpose: recent Chromium returns a promise from scrollIntoView, which React would call as the cleanup.
  useEffect(() => {
    ref.current?.scrollIntoView({ block: 'start' });
  }, [detail.data?.version]);
  if (detail.isPending) return <Loading />;
  if (detail.error) return <ErrorAlert error={detail.error} />;
  return (
    <div ref={ref}>
      <ScopeVersionCard
        version={detail.data}
        title={t('records.scope.versionN', { version: format.number(version) })}
        testId="scope-opened"
        extra={
          <Button size="xs" variant="subtle" onClick={onClose}>
            {t('common.close')}
          </Button>
        }
      />
    </div>
  );
}

function ScopeText({ version }: { version: Pick<TScopeVersion, 'boundaries' | 'applicability' | 'exclusions' | 'aiSystems' | 'aiSystemsAsApproved'> }) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm">
      <div>
        <Text fw={600}>{t('records.scope.fields.boundaries')}</Text>
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid="scope-boundaries">
          {version.boundaries || t('common.none')}
        </Text>
      </div>
      <div>
        <Text fw={600}>{t('records.scope.fields.applicability')}</Text>
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {version.applicability || t('common.none')}
        </Text>
      </div>
      <div>
        <Text fw={600}>{t('records.scope.fields.exclusions')}</Text>
        {version.exclusions.length ? (
          <List size="sm">
            {version.exclusions.map((e, i) => (
              <List.Item key={i}>
                <Text span size="sm" fw={500}>
                  {e.item}
                </Text>{' '}
                — {e.reason}
              </List.Item>
            ))}
          </List>
        ) : (
          <Text size="sm">{t('records.scope.noExclusions')}</Text>
        )}
      </div>
      <div>
        <Text fw={600}>{version.aiSystemsAsApproved ? t('records.scope.aiSystemsAsApproved') : t('records.scope.aiSystemsNow')}</Text>
        {version.aiSystems.length ? (
          <List size="sm" data-testid="scope-ai-systems">
            {version.aiSystems.map((s) => (
              <List.Item key={s.id}>{s.name}</List.Item>
            ))}
          </List>
        ) : (
          <Text size="sm">{t('records.scope.noAiSystems')}</Text>
        )}
      </div>
    </Stack>
  );
}

function ScopeVersionCard({ version, title, testId, extra }: { version: TScopeVersion; title: string; testId: string; extra?: React.ReactNode }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Card withBorder padding="lg" data-testid={testId}>
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4">
          {title}
        </Title>
        <Group gap="xs">
          <Badge color={SCOPE_STATUS_COLOR[version.status]} variant="light" data-testid={`${testId}-status`}>
            {t(`records.scope.status.${version.status}`)}
          </Badge>
          {extra}
        </Group>
      </Group>
      {version.approvedBy && (
        <Text size="sm" c="dimmed" mb="md" data-testid={`${testId}-approval`}>
          {t('records.scope.approvedLine', { name: version.approvedBy.name, date: format.date(version.approvedAt) })}
          {version.approvalComment ? ` — ${version.approvalComment}` : ''}
        </Text>
      )}
      <ScopeText version={version} />
    </Card>
  );
}

/** The draft: edited with the contract's schema; approved by someone else (or the only member). */
function DraftEditor({ draft }: { draft: TScopeVersion }) {
  const { t } = useTranslation();
  const { tenant } = useTenantContext();
  const update = useUpdateScope(tenant.id, draft.version);
  const approve = useApproveScope(tenant.id, draft.version);
  const [comment, setComment] = useState('');
  const editable = draft.abilities['aimsScope.update'];
  const form = useContractForm<TScopeContent>(ZScopeContent, { boundaries: draft.boundaries, applicability: draft.applicability, exclusions: draft.exclusions });
  const unplaced = useServerErrors(form, update.error);
  const dirty = form.isDirty();

  return (
    <Card withBorder padding="lg" data-testid="scope-draft">
      <Group justify="space-between" mb="md">
        <Title order={2} size="h4">
          {t('records.scope.draftTitle', { version: draft.version })}
        </Title>
        <Badge color="yellow" variant="light">
          {t('records.scope.status.draft')}
        </Badge>
      </Group>
      {editable ? (
        <form onSubmit={form.onSubmit((body) => update.mutate(body))} aria-label={t('records.scope.draftTitle', { version: draft.version })}>
          <Stack gap="md">
            <ErrorAlert error={unplaced} />
            <Textarea label={t('records.scope.fields.boundaries')} description={t('records.scope.hints.boundaries')} autosize minRows={3} {...form.getInputProps('boundaries')} data-testid="scope-field-boundaries" />
            <Textarea label={t('records.scope.fields.applicability')} description={t('records.scope.hints.applicability')} autosize minRows={3} {...form.getInputProps('applicability')} data-testid="scope-field-applicability" />
            <Stack gap="xs">
              <Text fw={500} size="sm">
                {t('records.scope.fields.exclusions')}
              </Text>
              {form.values.exclusions.map((_, i) => (
                <SimpleGrid key={i} cols={{ base: 1, sm: 2 }} spacing="xs">
                  <TextInput label={t('records.scope.fields.exclusionItem')} {...form.getInputProps(`exclusions.${i}.item`)} data-testid={`scope-exclusion-${i}-item`} />
                  <Group gap="xs" align="flex-end" wrap="nowrap">
                    <TextInput style={{ flex: 1 }} label={t('records.scope.fields.exclusionReason')} {...form.getInputProps(`exclusions.${i}.reason`)} data-testid={`scope-exclusion-${i}-reason`} />
                    <ActionIcon variant="subtle" color="red" mb={4} onClick={() => form.removeListItem('exclusions', i)} aria-label={t('records.common.remove')}>
                      ×
                    </ActionIcon>
                  </Group>
                </SimpleGrid>
              ))}
              <Group>
                <Button size="xs" variant="default" onClick={() => form.insertListItem('exclusions', { item: '', reason: '' })} data-testid="scope-add-exclusion">
                  {t('records.scope.addExclusion')}
                </Button>
              </Group>
            </Stack>
            <Group>
              <Button type="submit" loading={update.isPending} disabled={!dirty} data-testid="scope-save">
                {t('records.common.save')}
              </Button>
            </Group>
          </Stack>
        </form>
      ) : (
        <ScopeText version={draft} />
      )}
      {editable && (
        <Stack gap={4} mt="lg">
          <Text fw={600}>{t('records.scope.aiSystemsNow')}</Text>
          <Text size="sm" c="dimmed">
            {t('records.scope.aiSystemsHint')}
          </Text>
          {draft.aiSystems.length ? (
            <List size="sm" data-testid="scope-ai-systems">
              {draft.aiSystems.map((s) => (
                <List.Item key={s.id}>{s.name}</List.Item>
              ))}
            </List>
          ) : (
            <Text size="sm">{t('records.scope.noAiSystems')}</Text>
          )}
        </Stack>
      )}
      {draft.abilities['aimsScope.approve'] && (
        <Stack gap="xs" mt="lg">
          <ErrorAlert error={approve.error} />
          <Textarea label={t('records.scope.approvalComment')} value={comment} onChange={(e) => setComment(e.currentTarget.value)} maxLength={2000} autosize data-testid="scope-approval-comment" />
          <Group>
            <Button color="teal" disabled={dirty} onClick={() => approve.mutate(comment.trim() ? { comment: comment.trim() } : {})} loading={approve.isPending} data-testid="scope-approve">
              {t('records.scope.approve')}
            </Button>
            {dirty && (
              <Text size="sm" c="dimmed">
                {t('records.scope.saveFirst')}
              </Text>
            )}
          </Group>
        </Stack>
      )}
    </Card>
  );
}

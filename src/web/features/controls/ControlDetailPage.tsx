import { Anchor, Badge, Button, Card, Group, NativeSelect, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { confirmAction, DataTable } from '../../components/DataTable';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { NoAccess } from '../../components/NoAccess';
import { PageHeader } from '../../components/PageHeader';
import { useFormat } from '../../lib/format';
import type { TControl, TControlRequirement, TControlSuggestion } from '../../../shared/contracts/controls';
import { auditSentence } from '../audit/sentence';
import { useFrameworks } from '../catalog/api';
import { useMembers } from '../members/api';
import { useTenantContext } from '../tenants/TenantRoute';
import { useAcceptSuggestion, useControl, useControlHistory, useCreateControl, useDismissSuggestion, useLinkRequirement, useSuggestions, useUnlinkRequirement, useUpdateControl } from './api';
import { ControlForm } from './ControlForm';
import { StatusBadge } from './StatusBadge';

export function ControlNewPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { tenant, can } = useTenantContext();
  const members = useMembers(tenant.id);
  const create = useCreateControl(tenant.id);
  if (!can('control.create')) return <NoAccess />;
  if (members.isPending) return <Loading />;
  return (
    <Stack gap="xl">
      <PageHeader title={t('controls.newTitle')} />
      <Card withBorder padding="lg">
        <ControlForm
          members={members.data?.items ?? []}
          pending={create.isPending}
          error={create.error}
          onSubmit={(body) => create.mutate(body, { onSuccess: (c) => navigate(`/t/${tenant.id}/controls/${c.id}`) })}
          onCancel={() => navigate(`/t/${tenant.id}/controls`)}
        />
      </Card>
    </Stack>
  );
}

function Fields({ c }: { c: TControl }) {
  const { t } = useTranslation();
  const rows: [string, string][] = [
    ['reference', c.reference],
    ['ownerId', c.owner?.name ?? ''],
    ['frequency', t(`controls.frequency.${c.frequency}`)],
    ['automation', t(`controls.automation.${c.automation}`)],
    ['libraryRef', c.libraryRef ?? ''],
    ['description', c.description],
  ];
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
      {rows.map(([k, v]) => (
        <Stack gap={2} key={k}>
          <Text size="xs" c="dimmed">
            {t(`controls.form.${k}` as 'controls.form.title')}
          </Text>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid={`control-field-${k}`}>
            {v || t('common.none')}
          </Text>
        </Stack>
      ))}
    </SimpleGrid>
  );
}

/** Links to requirements: who made each and how; a person may add one of any framework, or remove one. */
function RequirementsCard({ tenantId, c }: { tenantId: string; c: TControl }) {
  const { t } = useTranslation();
  const format = useFormat();
  const lang = format.locale === 'fr' ? 'fr' : 'en';
  const frameworks = useFrameworks();
  const link = useLinkRequirement(tenantId, c.id);
  const unlink = useUnlinkRequirement(tenantId, c.id);
  const [frameworkId, setFrameworkId] = useState('iso-iec-42001-2023');
  const [ref, setRef] = useState('');
  const canLink = c.abilities['control.link'];
  return (
    <Card withBorder padding="lg">
      <Title order={2} size="h4" mb="md">
        {t('controls.requirements.title')}
      </Title>
      <ErrorAlert error={link.error ?? unlink.error} />
      <DataTable<TControlRequirement>
        testId="control-requirements"
        label={t('controls.requirements.title')}
        rows={c.requirements}
        rowKey={(r) => `${r.frameworkId} ${r.ref}`}
        rowTestId={(r) => `control-requirement-${r.frameworkId}-${r.ref}`}
        empty={t('controls.requirements.empty')}
        columns={[
          { key: 'framework', header: t('controls.requirements.framework'), cell: (r) => r.frameworkTitle, nowrap: true },
          {
            key: 'ref',
            header: t('controls.requirements.ref'),
            cell: (r) => (
              <Anchor component={Link} to={`/catalog/${encodeURIComponent(r.frameworkId)}/requirements/${encodeURIComponent(r.ref)}`}>
                {r.ref}
              </Anchor>
            ),
            nowrap: true,
          },
          { key: 'title', header: t('controls.requirements.titleColumn'), cell: (r) => r.title, truncate: (r) => r.title },
          { key: 'origin', header: t('controls.requirements.origin'), cell: (r) => <Badge variant="light">{t(`controls.origin.${r.origin}`)}</Badge>, nowrap: true },
          { key: 'linked', header: t('controls.requirements.linked'), cell: (r) => t('controls.requirements.linkedBy', { who: r.linkedBy?.name ?? t('common.none'), when: format.date(r.linkedAt) }) },
        ]}
        actions={[
          confirmAction<TControlRequirement>({
            key: 'unlink',
            allowed: () => canLink,
            label: t('controls.requirements.unlink'),
            title: t('controls.requirements.unlink'),
            ariaLabel: (r) => `${t('controls.requirements.unlink')} ${r.frameworkId} ${r.ref}`,
            message: (r) => t('controls.requirements.unlinkConfirm', { ref: `${r.frameworkTitle} ${r.ref}` }),
            testId: (r) => `control-unlink-${r.frameworkId}-${r.ref}`,
            onConfirm: (r) => unlink.mutate({ frameworkId: r.frameworkId, ref: r.ref }),
          }),
        ]}
      />
      {canLink && (
        <Group align="flex-end" mt="md">
          <NativeSelect
            label={t('controls.requirements.framework')}
            value={frameworkId}
            onChange={(e) => setFrameworkId(e.currentTarget.value)}
            data={(frameworks.data ?? []).map((f) => ({ value: f.id, label: f.shortTitle[lang] }))}
            data-testid="control-link-framework"
          />
          <TextInput label={t('controls.requirements.ref')} value={ref} onChange={(e) => setRef(e.currentTarget.value)} maxLength={60} placeholder="A.6.2.4" data-testid="control-link-ref" />
          <Button disabled={!ref.trim()} loading={link.isPending} onClick={() => link.mutate({ frameworkId, ref: ref.trim() }, { onSuccess: () => setRef('') })} data-testid="control-link-add">
            {t('controls.requirements.add')}
          </Button>
        </Group>
      )}
    </Card>
  );
}

/** What the crosswalks suggest towards the adopted frameworks: nothing is linked until a person accepts. */
function SuggestionsCard({ tenantId, c }: { tenantId: string; c: TControl }) {
  const { t } = useTranslation();
  const suggestions = useSuggestions(tenantId, c.id);
  const accept = useAcceptSuggestion(tenantId, c.id);
  const dismiss = useDismissSuggestion(tenantId, c.id);
  const items = suggestions.data?.items ?? [];
  const canLink = c.abilities['control.link'];
  const body = (s: TControlSuggestion) => ({ frameworkId: s.frameworkId, ref: s.ref });
  return (
    <Card withBorder padding="lg" data-testid="control-suggestions">
      <Title order={2} size="h4" mb={4}>
        {t('controls.suggestions.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {t('controls.suggestions.intro')}
      </Text>
      <ErrorAlert error={suggestions.error ?? accept.error ?? dismiss.error} />
      {suggestions.isPending ? (
        <Loading />
      ) : items.length === 0 ? (
        <Text size="sm" data-testid="control-suggestions-empty">
          {t('controls.suggestions.none')}
        </Text>
      ) : (
        <Stack gap="sm">
          {items.map((s) => (
            <Card key={`${s.frameworkId} ${s.ref}`} withBorder padding="sm" data-testid={`control-suggestion-${s.frameworkId}-${s.ref}`}>
              <Group justify="space-between" wrap="nowrap" align="flex-start">
                <Stack gap={2}>
                  <Text size="sm" fw={600}>
                    {s.frameworkTitle} {s.ref} — {s.title}
                  </Text>
                  {s.sources.map((m, i) => (
                    <Text size="xs" c="dimmed" key={i}>
                      {t('controls.suggestions.via', { via: `${m.viaFrameworkId} ${m.viaRef}`, relation: t(`controls.relation.${m.relation}`), mapping: `${m.sourceRef} → ${m.targetRef}` })} {m.rationale}
                    </Text>
                  ))}
                </Stack>
                {canLink && (
                  <Group gap="xs" wrap="nowrap">
                    <Button size="xs" loading={accept.isPending} onClick={() => accept.mutate(body(s))} data-testid={`control-accept-${s.frameworkId}-${s.ref}`}>
                      {t('controls.suggestions.accept')}
                    </Button>
                    <Button size="xs" variant="default" loading={dismiss.isPending} onClick={() => dismiss.mutate(body(s))} data-testid={`control-dismiss-${s.frameworkId}-${s.ref}`}>
                      {t('controls.suggestions.dismiss')}
                    </Button>
                  </Group>
                )}
              </Group>
            </Card>
          ))}
        </Stack>
      )}
    </Card>
  );
}

export function ControlDetailPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { controlId = '' } = useParams();
  const { tenant, can } = useTenantContext();
  const control = useControl(tenant.id, controlId);
  const history = useControlHistory(tenant.id, controlId);
  const members = useMembers(tenant.id);
  const update = useUpdateControl(tenant.id, controlId);
  const [editing, setEditing] = useState(false);
  if (!can('control.read')) return <NoAccess />;
  if (control.isPending) return <Loading />;
  if (control.error) return <ErrorAlert error={control.error} />;
  const c = control.data;
  const canUpdate = c.abilities['control.update'];
  return (
    <Stack gap="xl">
      <Anchor component={Link} to={`/t/${tenant.id}/controls`} size="sm">
        ← {t('controls.back')}
      </Anchor>
      <PageHeader
        title={`${c.reference} — ${c.title}`}
        description={<StatusBadge status={c.status} testId="control-status" />}
        actions={
          canUpdate && (
            <Group gap="xs">
              {c.nextStatuses.map((s) => (
                <Button key={s} variant={s === 'retired' ? 'subtle' : 'default'} color={s === 'retired' ? 'red' : undefined} loading={update.isPending} onClick={() => update.mutate({ status: s })} data-testid={`control-move-${s}`}>
                  {t(`controls.moves.${s}`)}
                </Button>
              ))}
              {c.status !== 'retired' && !editing && (
                <Button variant="default" onClick={() => setEditing(true)} data-testid="control-edit">
                  {t('controls.edit')}
                </Button>
              )}
            </Group>
          )
        }
      />
      {!editing && <ErrorAlert error={update.error} />}
      <Card withBorder padding="lg">
        {editing ? (
          <ControlForm
            control={c}
            members={members.data?.items ?? []}
            pending={update.isPending}
            error={update.error}
            onSubmit={({ status: _status, ...body }) => update.mutate(body, { onSuccess: () => setEditing(false) })}
            onCancel={() => setEditing(false)}
          />
        ) : (
          <Fields c={c} />
        )}
      </Card>
      <RequirementsCard tenantId={tenant.id} c={c} />
      <SuggestionsCard tenantId={tenant.id} c={c} />
      <Card withBorder padding="lg">
        <Title order={2} size="h4" mb="md">
          {t('controls.history.title')}
        </Title>
        {(history.data?.items ?? []).length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('controls.history.empty')}
          </Text>
        ) : (
          <Stack gap={4} data-testid="control-history">
            {history.data!.items.map((e) => (
              <Text size="sm" key={e.id}>
                <Text span c="dimmed">
                  {format.dateTime(e.occurredAt)}
                </Text>{' '}
                — {auditSentence(t, format, { ...e, seq: 0, actorId: null, subjectType: 'control', subjectId: c.id, requestId: null, ip: null, userAgent: null, prevHash: '', hash: '' })}
              </Text>
            ))}
          </Stack>
        )}
      </Card>
    </Stack>
  );
}

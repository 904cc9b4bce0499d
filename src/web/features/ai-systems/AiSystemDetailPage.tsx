import { Alert, Anchor, Badge, Button, Card, Group, List, SimpleGrid, Stack, Table, Text, Timeline, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { NoAccess } from '../../components/NoAccess';
import { PageHeader } from '../../components/PageHeader';
import { useFormat } from '../../lib/format';
import type { TAiClassification, TAiSystem } from '../../../shared/contracts/ai-systems';
import { auditSentence } from '../audit/sentence';
import { useMembers } from '../members/api';
import { useTenantContext } from '../tenants/TenantRoute';
import { AiSystemForm } from './AiSystemForm';
import { bomUrl, useAiSystem, useClassifications, useCreateAiSystem, useHistory, useUpdateAiSystem } from './api';
import { ClassificationWizard } from './ClassificationWizard';
import { TierBadge } from './TierBadge';

export function AiSystemNewPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { tenant, can } = useTenantContext();
  const members = useMembers(tenant.id);
  const create = useCreateAiSystem(tenant.id);
  if (!can('aiSystem.create')) return <NoAccess />;
  if (members.isPending) return <Loading />;
  return (
    <Stack gap="xl">
      <PageHeader title={t('aiSystems.newTitle')} />
      <Card withBorder padding="lg">
        <AiSystemForm
          members={members.data?.items ?? []}
          pending={create.isPending}
          error={create.error}
          onSubmit={(body) => create.mutate(body, { onSuccess: (s) => navigate(`/t/${tenant.id}/ai-systems/${s.id}`) })}
          onCancel={() => navigate(`/t/${tenant.id}/ai-systems`)}
        />
      </Card>
    </Stack>
  );
}

/** Reasons and the obligations timeline: each date formatted per locale, "to be confirmed" marked. */
function ClassificationCard({ c, currentRoles, onClassify, canClassify }: { c: TAiClassification | null; currentRoles: TAiSystem['roles']; onClassify: () => void; canClassify: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const lang = format.locale === 'fr' ? 'fr' : 'en';
  const roleNames = (roles: TAiSystem['roles']) => (roles.length ? roles.map((r) => t(`aiSystems.role.${r}`)).join(', ') : t('common.none'));
  return (
    <Card withBorder padding="lg" data-testid="ai-classification">
      <Group justify="space-between" mb="md">
        <Title order={2} size="h4">
          {t('aiSystems.classification.title')}
        </Title>
        {canClassify && (
          <Button onClick={onClassify} data-testid="ai-classify">
            {c ? t('aiSystems.classification.reclassify') : t('aiSystems.classification.classify')}
          </Button>
        )}
      </Group>
      {!c ? (
        <Text size="sm" c="dimmed">{t('aiSystems.classification.none')}</Text>
      ) : (
        <Stack gap="md">
          <Group gap="xs">
            <TierBadge tier={c.tier} testId="ai-tier" />
            {c.route && <Badge variant="outline" data-testid="ai-route">{t(`aiSystems.route.${c.route}`)}</Badge>}
            <Text size="sm" c="dimmed" data-testid="ai-classified-by">
              {t('aiSystems.classification.version', { version: c.version, who: c.classifiedBy?.name ?? t('common.none'), when: format.dateTime(c.classifiedAt) })}
            </Text>
          </Group>
          <Text size="sm" data-testid="ai-classification-roles">
            {t('aiSystems.classification.madeFor', { roles: roleNames(c.roles) })}
          </Text>
          {c.rolesChanged && (
            <Alert color="orange" title={t('aiSystems.classification.rolesChangedTitle')} data-testid="ai-roles-changed">
              {t('aiSystems.classification.rolesChanged', { roles: roleNames(c.roles), current: roleNames(currentRoles) })}
            </Alert>
          )}
          {c.annexIIIPoint && (
            <Text size="sm" data-testid="ai-annex-iii">
              {t('aiSystems.classification.annexIII')}: {c.annexIIIPoint.label[lang]} · {c.annexIIIPoint.title[lang]}
            </Text>
          )}
          <div>
            <Text fw={600} size="sm">{t('aiSystems.classification.reasons')}</Text>
            <List size="sm" data-testid="ai-reasons">
              {c.reasons.map((r, i) => (
                <List.Item key={i}>{t(`aiSystems.reason.${r.code}`, { ref: r.label?.[lang] ?? r.ref ?? '', interpolation: { escapeValue: false } })}</List.Item>
              ))}
            </List>
          </div>
          <div>
            <Text fw={600} size="sm" mb="xs">{t('aiSystems.classification.obligations')}</Text>
            {c.obligations.length === 0 ? (
              <Alert color="yellow">{t('aiSystems.classification.noObligations')}</Alert>
            ) : (
              <Timeline bulletSize={14} lineWidth={2} data-testid="ai-obligations">
                {c.obligations.map((o) => (
                  <Timeline.Item key={o.ref} title={`${o.label[lang]} — ${o.title[lang]}`} data-testid={`ai-obligation-${o.ref}`}>
                    <Text size="sm" c="dimmed">
                      {o.appliesFrom ? t('aiSystems.classification.appliesFrom', { date: format.date(`${o.appliesFrom}T12:00:00Z`) }) : ''}
                      {o.toBeConfirmed && (
                        <Badge ml="xs" size="xs" color="yellow" variant="light">
                          {t('aiSystems.classification.toBeConfirmed')}
                        </Badge>
                      )}{' '}
                      · {t('aiSystems.classification.roles', { roles: o.roles.map((r) => t(`aiSystems.role.${r}`)).join(', ') })}
                    </Text>
                  </Timeline.Item>
                ))}
              </Timeline>
            )}
          </div>
          <Text size="xs" c="dimmed">{t('aiSystems.classification.catalog', { version: c.catalogVersion })}</Text>
        </Stack>
      )}
    </Card>
  );
}

function Fields({ s }: { s: TAiSystem }) {
  const { t } = useTranslation();
  const yes = (b: boolean) => (b ? t('aiSystems.filters.yes') : t('aiSystems.filters.no'));
  const rows: [string, string][] = [
    ['lifecycleStage', t(`aiSystems.stage.${s.lifecycleStage}`)],
    ['roles', s.roles.map((r) => t(`aiSystems.role.${r}`)).join(', ')],
    ['businessOwnerId', s.businessOwner?.name ?? ''],
    ['technicalOwnerId', s.technicalOwner?.name ?? ''],
    ['modelType', s.modelType],
    ['modelVersion', s.modelVersion],
    ['supplier', s.supplier],
    ['dataCategories', s.dataCategories.join(', ')],
    ['personalData', yes(s.personalData)],
    ['specialCategoryData', yes(s.specialCategoryData)],
    ['automatedDecisions', yes(s.automatedDecisions)],
    ['inAimsScope', yes(s.inAimsScope)],
    ['purpose', s.purpose],
    ['intendedUse', s.intendedUse],
    ['affectedPeople', s.affectedPeople],
    ['humanOversight', s.humanOversight],
    ['knownLimitations', s.knownLimitations],
    ['bomRef', s.bomRef ?? ''],
  ];
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
      {rows.map(([k, v]) => (
        <Stack gap={2} key={k}>
          <Text size="xs" c="dimmed">{t(`aiSystems.fields.${k}` as 'aiSystems.fields.name')}</Text>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid={`ai-field-${k}`}>{v || t('common.none')}</Text>
        </Stack>
      ))}
    </SimpleGrid>
  );
}

export function AiSystemDetailPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { aiSystemId = '' } = useParams();
  const { tenant, can } = useTenantContext();
  const system = useAiSystem(tenant.id, aiSystemId);
  const classifications = useClassifications(tenant.id, aiSystemId);
  const history = useHistory(tenant.id, aiSystemId);
  const members = useMembers(tenant.id);
  const update = useUpdateAiSystem(tenant.id, aiSystemId);
  const [editing, setEditing] = useState(false);
  const [wizard, setWizard] = useState(false);
  if (!can('aiSystem.read')) return <NoAccess />;
  if (system.isPending) return <Loading />;
  if (system.error) return <ErrorAlert error={system.error} />;
  const s = system.data;
  const versions = classifications.data?.items ?? [];
  return (
    <Stack gap="xl">
      <Anchor component={Link} to={`/t/${tenant.id}/ai-systems`} size="sm">
        ← {t('aiSystems.back')}
      </Anchor>
      <PageHeader
        title={s.name}
        description={
          <Group gap="xs">
            <TierBadge tier={s.classification?.tier ?? null} />
            {s.classification?.rolesChanged && (
              <Badge color="orange" variant="light" data-testid="ai-reclassify-badge">
                {t('aiSystems.classification.rolesChangedTitle')}
              </Badge>
            )}
          </Group>
        }
        actions={
          <Group gap="xs">
            <Button component="a" variant="default" href={bomUrl(tenant.id, s.id)} download data-testid="ai-export">
              {t('aiSystems.bom.export')}
            </Button>
            {s.abilities['aiSystem.update'] && !editing && (
              <Button variant="default" onClick={() => setEditing(true)} data-testid="ai-edit">
                {t('aiSystems.edit')}
              </Button>
            )}
          </Group>
        }
      />
      <Card withBorder padding="lg">
        {editing ? (
          <AiSystemForm system={s} members={members.data?.items ?? []} pending={update.isPending} error={update.error} onSubmit={(body) => update.mutate(body, { onSuccess: () => setEditing(false) })} onCancel={() => setEditing(false)} />
        ) : (
          <Fields s={s} />
        )}
      </Card>
      {classifications.error ? <ErrorAlert error={classifications.error} /> : <ClassificationCard c={versions[0] ?? null} currentRoles={s.roles} canClassify={s.abilities['aiSystem.classify']} onClassify={() => setWizard(true)} />}
      {versions.length > 1 && (
        <Card withBorder padding="lg">
          <Title order={2} size="h4" mb="md">{t('aiSystems.classification.versions')}</Title>
          <Table data-testid="ai-versions">
            <Table.Tbody>
              {versions.slice(1).map((v) => (
                <Table.Tr key={v.version}>
                  <Table.Td><TierBadge tier={v.tier} /></Table.Td>
                  <Table.Td>{t('aiSystems.classification.version', { version: v.version, who: v.classifiedBy?.name ?? t('common.none'), when: format.dateTime(v.classifiedAt) })}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Card>
      )}
      <Card withBorder padding="lg">
        <Title order={2} size="h4" mb="md">{t('aiSystems.history.title')}</Title>
        {(history.data?.items ?? []).length === 0 ? (
          <Text size="sm" c="dimmed">{t('aiSystems.history.empty')}</Text>
        ) : (
          <Stack gap={4} data-testid="ai-history">
            {history.data!.items.map((e) => (
              <Text size="sm" key={e.id}>
                <Text span c="dimmed">{format.dateTime(e.occurredAt)}</Text> — {auditSentence(t, format, { ...e, seq: 0, actorId: null, subjectType: 'ai_system', subjectId: s.id, requestId: null, ip: null, userAgent: null, prevHash: '', hash: '' })}
              </Text>
            ))}
          </Stack>
        )}
      </Card>
      {wizard && <ClassificationWizard tenantId={tenant.id} systemId={s.id} previous={versions[0]?.answers ?? null} onClose={() => setWizard(false)} />}
    </Stack>
  );
}

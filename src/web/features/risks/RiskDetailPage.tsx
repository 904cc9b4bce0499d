import { Alert, Anchor, Badge, Button, Card, Group, Modal, SimpleGrid, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { NoAccess } from '../../components/NoAccess';
import { PageHeader } from '../../components/PageHeader';
import { useContractForm, useServerErrors } from '../../lib/forms';
import { useFormat } from '../../lib/format';
import { ZAcceptRiskBody, ZReopenRiskBody, type TRiskDetail } from '../../../shared/contracts/risks';
import { useMembers } from '../members/api';
import { useTenantContext } from '../tenants/TenantRoute';
import { useAcceptRisk, useAiSystemChoices, useCloseRisk, useCreateRisk, useMatrix, useReopenRisk, useRisk, useUpdateRisk } from './api';
import { LevelBadge } from './RiskBits';
import { RiskForm } from './RiskForm';
import { STATUS_COLOR } from './RisksPage';

const day = (d: string | null) => (d ? `${d}T12:00:00Z` : null);

/** Rationale and review date: the sign-off an auditor reads. */
function AcceptDialog({ tenantId, risk, onClose }: { tenantId: string; risk: TRiskDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const accept = useAcceptRisk(tenantId, risk.id);
  const form = useContractForm(ZAcceptRiskBody, { rationale: '', expiresOn: '' });
  const unplaced = useServerErrors(form, accept.error);
  return (
    <Modal opened onClose={onClose} title={t('risks.accept.title')} size="lg">
      <form onSubmit={form.onSubmit((values) => accept.mutate(values, { onSuccess: onClose }))}>
        <Stack gap="md">
          <Text size="sm">{t('risks.accept.intro', { score: risk.residual?.score ?? 0 })}</Text>
          {risk.residualAboveThreshold && (
            <Alert color="orange" data-testid="risk-accept-above">
              {t('risks.accept.above')}
            </Alert>
          )}
          <ErrorAlert error={unplaced} />
          <Textarea label={t('risks.accept.rationale')} autosize minRows={3} {...form.getInputProps('rationale')} data-testid="risk-accept-rationale" />
          <TextInput type="date" label={t('risks.accept.expiresOn')} description={t('risks.accept.expiresHelp')} {...form.getInputProps('expiresOn')} data-testid="risk-accept-expires" />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={accept.isPending} data-testid="risk-accept-confirm">
              {t('risks.accept.confirm')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function ReasonDialog({ title, label, confirm, testId, pending, error, onSubmit, onClose }: { title: string; label: string; confirm: string; testId: string; pending: boolean; error: unknown; onSubmit: (reason: string) => void; onClose: () => void }) {
  const { t } = useTranslation();
  const form = useContractForm(ZReopenRiskBody, { reason: '' });
  const unplaced = useServerErrors(form, error);
  return (
    <Modal opened onClose={onClose} title={title}>
      <form onSubmit={form.onSubmit((values) => onSubmit(values.reason))}>
        <Stack gap="md">
          <ErrorAlert error={unplaced} />
          <Textarea label={label} autosize minRows={2} {...form.getInputProps('reason')} data-testid={`${testId}-reason`} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={pending} data-testid={`${testId}-confirm`}>
              {confirm}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

export function RiskNewPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { tenant, can } = useTenantContext();
  const matrix = useMatrix(tenant.id);
  const members = useMembers(tenant.id);
  const systems = useAiSystemChoices(tenant.id);
  const create = useCreateRisk(tenant.id);
  if (!can('risk.create')) return <NoAccess />;
  if (matrix.isPending || members.isPending) return <Loading />;
  if (matrix.error) return <ErrorAlert error={matrix.error} />;
  return (
    <Stack gap="xl">
      <PageHeader title={t('risks.form.newTitle')} description={t('risks.form.matrixVersion', { version: matrix.data.version || 1 })} />
      <Card withBorder padding="lg">
        <RiskForm
          matrix={matrix.data.config}
          members={members.data?.items ?? []}
          systems={systems.data?.items ?? []}
          pending={create.isPending}
          error={create.error}
          onSubmit={(body) => create.mutate(body as never, { onSuccess: (r) => navigate(`/t/${tenant.id}/risks/${r.id}`) })}
          onCancel={() => navigate(`/t/${tenant.id}/risks`)}
        />
      </Card>
    </Stack>
  );
}

export function RiskDetailPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { riskId = '' } = useParams();
  const { tenant, can } = useTenantContext();
  const risk = useRisk(tenant.id, riskId);
  const matrix = useMatrix(tenant.id);
  const members = useMembers(tenant.id);
  const systems = useAiSystemChoices(tenant.id);
  const update = useUpdateRisk(tenant.id, riskId);
  const reopen = useReopenRisk(tenant.id, riskId);
  const close = useCloseRisk(tenant.id, riskId);
  const [editing, setEditing] = useState(false);
  const [dialog, setDialog] = useState<'accept' | 'reopen' | 'close' | null>(null);

  if (!can('risk.read')) return <NoAccess />;
  if (risk.isPending || matrix.isPending) return <Loading />;
  if (risk.error) return <ErrorAlert error={risk.error} />;
  const r = risk.data;
  const m = matrix.data?.config;
  const ab = r.abilities;
  const acc = r.currentAcceptance;

  return (
    <Stack gap="xl">
      <Anchor component={Link} to={`/t/${tenant.id}/risks`} size="sm">
        ← {t('risks.back')}
      </Anchor>
      <PageHeader
        title={r.title}
        description={
          <Group gap="xs" component="span">
            <Badge color={STATUS_COLOR[r.status]} variant="light" data-testid="risk-status">
              {t(`risks.status.${r.status}`)}
            </Badge>
            <span data-testid="risk-matrix-version">{t('risks.detail.scoredOn', { version: r.matrixVersion })}</span>
            {r.matrixOutdated && (
              <Badge color="yellow" variant="light" data-testid="risk-matrix-outdated">
                {t('risks.detail.outdated')}
              </Badge>
            )}
          </Group>
        }
        actions={
          <Group gap="xs">
            {ab['risk.update'] && !editing && (
              <Button variant="default" onClick={() => setEditing(true)} data-testid="risk-edit">
                {t('risks.detail.edit')}
              </Button>
            )}
            {ab['risk.accept'] && (
              <Button onClick={() => setDialog('accept')} data-testid="risk-accept">
                {t('risks.accept.button')}
              </Button>
            )}
            {ab['risk.reopen'] && (
              <Button variant="default" onClick={() => setDialog('reopen')} data-testid="risk-reopen">
                {t('risks.reopen.button')}
              </Button>
            )}
            {ab['risk.close'] && (
              <Button variant="subtle" color="red" onClick={() => setDialog('close')} data-testid="risk-close">
                {t('risks.close.button')}
              </Button>
            )}
          </Group>
        }
      />
      {r.status === 'open' && r.residualAboveThreshold && !ab['risk.accept'] && can('risk.update') && (
        <Alert color="orange" data-testid="risk-accept-refused">
          {t('risks.accept.notYours', { roles: (matrix.data?.config.acceptAboveThresholdRoles ?? []).map((role) => t(`roles.${role}`)).join(', ') })}
        </Alert>
      )}
      {editing && m ? (
        <Card withBorder padding="lg">
          <RiskForm
            matrix={m}
            members={members.data?.items ?? []}
            systems={systems.data?.items ?? []}
            risk={r}
            pending={update.isPending}
            error={update.error}
            onSubmit={(body) => update.mutate(body, { onSuccess: () => setEditing(false) })}
            onCancel={() => setEditing(false)}
          />
        </Card>
      ) : (
        <Card withBorder padding="lg">
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="lg">
            <Stack gap={2}>
              <Text size="xs" c="dimmed">{t('risks.heatMap.inherent')}</Text>
              <LevelBadge matrix={m} score={r.inherent} testId="risk-inherent" />
            </Stack>
            <Stack gap={2}>
              <Text size="xs" c="dimmed">{t('risks.fields.treatment')}</Text>
              <Text size="sm" data-testid="risk-treatment-value">{r.treatment ? t(`risks.treatment.${r.treatment}`) : t('common.none')}</Text>
            </Stack>
            <Stack gap={2}>
              <Text size="xs" c="dimmed">{t('risks.heatMap.residual')}</Text>
              <LevelBadge matrix={m} score={r.residual} testId="risk-residual" />
            </Stack>
            <Stack gap={2}>
              <Text size="xs" c="dimmed">{t('risks.fields.source')}</Text>
              <Text size="sm">{t(`risks.source.${r.source}`)}</Text>
            </Stack>
            <Stack gap={2}>
              <Text size="xs" c="dimmed">{t('risks.fields.ownerId')}</Text>
              <Text size="sm">{r.owner?.name ?? t('common.none')}</Text>
            </Stack>
            <Stack gap={2}>
              <Text size="xs" c="dimmed">{t('risks.fields.reviewDate')}</Text>
              <Text size="sm" c={r.reviewOverdue ? 'red' : undefined}>{format.date(day(r.reviewDate))}</Text>
            </Stack>
          </SimpleGrid>
          {r.description && (
            <Text size="sm" mt="md" style={{ whiteSpace: 'pre-wrap' }}>
              {r.description}
            </Text>
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg" mt="md">
            <Stack gap={2}>
              <Text size="xs" c="dimmed">{t('risks.fields.aiSystemIds')}</Text>
              <Text size="sm" data-testid="risk-ai-systems-value">{r.aiSystems.map((s) => s.name).join(', ') || t('common.none')}</Text>
            </Stack>
            <Stack gap={2}>
              <Text size="xs" c="dimmed">{t('risks.fields.requirements')}</Text>
              <Text size="sm" data-testid="risk-requirements-value">
                {r.requirements.map((q) => `${q.ref} ${q.title[format.locale === 'fr' ? 'fr' : 'en']}`).join(' · ') || t('common.none')}
              </Text>
            </Stack>
          </SimpleGrid>
        </Card>
      )}
      <Card withBorder padding="lg">
        <Title order={2} size="h4" mb="md">
          {t('risks.fields.treatmentPlan')}
        </Title>
        {r.treatmentPlan.length === 0 ? (
          <Text size="sm" c="dimmed">{t('risks.plan.empty')}</Text>
        ) : (
          <Table data-testid="risk-plan">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('risks.plan.title')}</Table.Th>
                <Table.Th>{t('risks.plan.owner')}</Table.Th>
                <Table.Th>{t('risks.plan.dueDate')}</Table.Th>
                <Table.Th>{t('risks.plan.status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {r.treatmentPlan.map((a) => (
                <Table.Tr key={a.id}>
                  <Table.Td>{a.title}</Table.Td>
                  <Table.Td>{a.owner?.name ?? t('common.none')}</Table.Td>
                  <Table.Td c={a.overdue ? 'red' : undefined}>{format.date(day(a.dueDate))}</Table.Td>
                  <Table.Td>{t(`risks.actionStatus.${a.status}`)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Card>
      <Card withBorder padding="lg" data-testid="risk-acceptances">
        <Title order={2} size="h4" mb="md">
          {t('risks.accept.history')}
        </Title>
        {acc && (
          <Alert color="teal" mb="md" data-testid="risk-current-acceptance">
            {t('risks.accept.current', {
              who: acc.acceptedBy?.name ?? t('common.none'),
              when: format.dateTime(acc.acceptedAt),
              score: acc.residual.score,
              until: format.date(day(acc.expiresOn)),
            })}
            <Text size="sm" mt={4} style={{ whiteSpace: 'pre-wrap' }}>
              {acc.rationale}
            </Text>
          </Alert>
        )}
        {r.acceptances.length === 0 ? (
          <Text size="sm" c="dimmed">{t('risks.accept.none')}</Text>
        ) : (
          <Stack gap={4}>
            {r.acceptances.map((a) => (
              <Text size="sm" key={a.id}>
                {t('risks.accept.line', { who: a.acceptedBy?.name ?? t('common.none'), when: format.dateTime(a.acceptedAt), score: a.residual.score, version: a.matrixVersion, until: format.date(day(a.expiresOn)) })}
                {a.reopenedAt &&
                  ` — ${a.reopenKind === 'expired' ? t('risks.accept.expired', { when: format.dateTime(a.reopenedAt) }) : t('risks.accept.reopened', { who: a.reopenedBy?.name ?? t('common.none'), when: format.dateTime(a.reopenedAt), reason: a.reopenReason ?? '' })}`}
              </Text>
            ))}
          </Stack>
        )}
      </Card>
      {dialog === 'accept' && <AcceptDialog tenantId={tenant.id} risk={r} onClose={() => setDialog(null)} />}
      {dialog === 'reopen' && (
        <ReasonDialog
          title={t('risks.reopen.title')}
          label={t('risks.reopen.reason')}
          confirm={t('risks.reopen.button')}
          testId="risk-reopen"
          pending={reopen.isPending}
          error={reopen.error}
          onSubmit={(reason) => reopen.mutate({ reason }, { onSuccess: () => setDialog(null) })}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog === 'close' && (
        <ReasonDialog
          title={t('risks.close.title')}
          label={t('risks.close.reason')}
          confirm={t('risks.close.button')}
          testId="risk-close"
          pending={close.isPending}
          error={close.error}
          onSubmit={(reason) => close.mutate({ reason }, { onSuccess: () => setDialog(null) })}
          onClose={() => setDialog(null)}
        />
      )}
    </Stack>
  );
}

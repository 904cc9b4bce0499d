import { Alert, Badge, Button, Card, Group, NumberInput, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ApiError } from '../../lib/api';
import { errorMessage } from '../../lib/errors';
import { useFormat } from '../../lib/format';
import { AUDIT_TEAM_ROLES, type TAuditTeamRole } from '../../../shared/contracts/certification';
import type { TCertAudit, TRotationWarning, TTeamBar, TTeamCheck } from '../../../shared/contracts/cert-audits';
import { IMPARTIALITY_STATEMENT, IMPARTIALITY_STATEMENT_VERSION } from '../../../shared/impartiality-statement';
import { useMembers } from '../members/api';
import { useTenantContext } from '../tenants/TenantRoute';
import { useAssignTeamMember, useRemoveTeamMember, useSignDeclaration, useTeamCheck } from './api';
import { noon } from './StateBadge';

type TFormat = ReturnType<typeof useFormat>;
/** Keys built from codes the server sends: looser than the typed `t`, checked by the i18n tests. */
type TT = (key: string, options?: Record<string, unknown>) => string;
const useTr = (): TT => {
  const { t } = useTranslation();
  return (key, options) => t(key as never, options as never) as unknown as string;
};

/** A team assignment refused by the rules, in the reader's language with its particulars. */
function refusalText(t: TT, format: TFormat, error: unknown): string {
  if (!(error instanceof ApiError)) return errorMessage(error);
  const d = (error.details ?? {}) as Record<string, string | number | null>;
  const name = String(d.name ?? '');
  switch (error.code) {
    case 'cert_team_not_competent':
      return t('audits.team.refused.notCompetent', { name, reason: t(`audits.team.gap.${d.reason as 'expired'}`), date: format.date(noon(d.day as string)) });
    case 'cert_team_cooling_off':
      return d.eligibleFrom
        ? t('audits.team.refused.coolingOff', { name, months: d.coolingOffMonths, kind: t(`auditors.kind.${d.kind as 'consultancy'}`), ended: format.date(noon(d.endedOn as string)), eligible: format.date(noon(d.eligibleFrom as string)) })
        : t('audits.team.refused.coolingOffOngoing', { name, kind: t(`auditors.kind.${d.kind as 'consultancy'}`) });
    default:
      return errorMessage(error);
  }
}

function barText(t: TT, format: TFormat, bar: TTeamBar): string {
  if (bar.code === 'cert_team_body_consultancy') return t('audits.team.bar.body');
  if (bar.code === 'cert_team_conflict') return t('audits.team.bar.conflict');
  return bar.eligibleFrom ? t('audits.team.bar.coolingOff', { date: format.date(noon(bar.eligibleFrom)) }) : t('audits.team.bar.coolingOffOngoing');
}

function RotationAlert({ warning, name }: { warning: TRotationWarning; name: string }) {
  const { t } = useTranslation();
  return (
    <Alert color="orange" variant="light" title={t('audits.team.rotationTitle')} data-testid="team-rotation-warning">
      {t('audits.team.rotation', { name, cycles: warning.cycles, limit: warning.limit })}
    </Alert>
  );
}

/** The team of an audit: who, in which role, their competence and impartiality on the first day, their declaration. */
export function TeamTab({ audit: a }: { audit: TCertAudit }) {
  const { t } = useTranslation();
  const tr = useTr();
  const format = useFormat();
  const { tenant } = useTenantContext();
  const check = useTeamCheck(tenant.id, a.id);
  const remove = useRemoveTeamMember(tenant.id, a.id);
  const [lastWarnings, setLastWarnings] = useState<TRotationWarning[]>([]);
  const canManage = a.abilities['certAudit.manageTeam'];
  const byUser = new Map((check.data?.members ?? []).map((m) => [m.userId, m]));
  const lead = a.team.find((m) => m.role === 'lead_auditor');
  const warnings = check.data?.warnings ?? lastWarnings;
  return (
    <Stack gap="lg">
      {check.data?.declarationDue && <DeclarationCard audit={a} />}
      {lead && warnings.map((w) => <RotationAlert key={w.code} warning={w} name={lead.name} />)}
      <Card withBorder padding="lg">
        {check.data && (
          <Text size="sm" c="dimmed" mb="sm" data-testid="team-check-day">
            {t('audits.team.checkDay', { date: format.date(noon(check.data.day)), months: check.data.coolingOffMonths })}
          </Text>
        )}
        {a.team.length === 0 ? (
          <Text c="dimmed" data-testid="audit-team-empty">
            {t('audits.team.empty')}
          </Text>
        ) : (
          <Table data-testid="audit-team">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('audits.team.person')}</Table.Th>
                <Table.Th>{t('audits.team.role')}</Table.Th>
                <Table.Th>{t('audits.fields.plannedDays')}</Table.Th>
                <Table.Th>{t('audits.team.competence')}</Table.Th>
                <Table.Th>{t('audits.team.declaration')}</Table.Th>
                {canManage && <Table.Th />}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {a.team.map((m) => {
                const c = byUser.get(m.userId);
                return (
                  <Table.Tr key={m.userId} data-testid={`audit-team-${m.email}`}>
                    <Table.Td>
                      {m.name}{' '}
                      <Text span size="xs" c="dimmed">
                        {m.email}
                      </Text>
                    </Table.Td>
                    <Table.Td>{t(`audits.teamRole.${m.role}`)}</Table.Td>
                    <Table.Td>{format.number(m.plannedDays)}</Table.Td>
                    <Table.Td data-testid={`team-competence-${m.email}`}>
                      {c && <MemberStatus check={c} t={tr} format={format} />}
                    </Table.Td>
                    <Table.Td data-testid={`team-declaration-${m.email}`}>
                      {m.declaredAt ? (
                        <Badge color="green" variant="light">
                          {t('audits.team.declaredOn', { date: format.date(m.declaredAt) })}
                        </Badge>
                      ) : (
                        <Badge color="red" variant="light">
                          {t('audits.team.notDeclared')}
                        </Badge>
                      )}
                    </Table.Td>
                    {canManage && (
                      <Table.Td>
                        <Button size="xs" variant="subtle" color="red" loading={remove.isPending && remove.variables === m.userId} onClick={() => remove.mutate(m.userId)} data-testid={`team-remove-${m.email}`}>
                          {t('audits.team.remove')}
                        </Button>
                      </Table.Td>
                    )}
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        )}
        {remove.error && <ErrorAlert error={remove.error} />}
      </Card>
      {canManage && <AssignForm audit={a} onAssigned={setLastWarnings} />}
    </Stack>
  );
}

function MemberStatus({ check: c, t, format }: { check: TTeamCheck['members'][number]; t: TT; format: TFormat }) {
  if (c.bar) return <Badge color="red">{barText(t, format, c.bar)}</Badge>;
  if (c.competenceGap) return <Badge color="red">{t(`audits.team.gap.${c.competenceGap}`)}</Badge>;
  if (c.role === 'observer' && !c.competentUntil) return <Text size="sm">{t('audits.team.observerNoRecord')}</Text>;
  return (
    <Badge color="green" variant="light">
      {t('audits.team.competentUntil', { date: format.date(noon(c.competentUntil)) })}
    </Badge>
  );
}

function AssignForm({ audit: a, onAssigned }: { audit: TCertAudit; onAssigned: (w: TRotationWarning[]) => void }) {
  const { t } = useTranslation();
  const tr = useTr();
  const format = useFormat();
  const { tenant } = useTenantContext();
  const members = useMembers(tenant.id);
  const assign = useAssignTeamMember(tenant.id, a.id);
  const [userId, setUserId] = useState<string | null>(null);
  const [role, setRole] = useState<TAuditTeamRole>('auditor');
  const [days, setDays] = useState<number>(1);
  return (
    <Card withBorder padding="lg">
      <Title order={4} mb="sm">
        {t('audits.team.add')}
      </Title>
      <Group align="flex-end">
        <Select
          label={t('audits.team.person')}
          data={(members.data?.items ?? []).map((m) => ({ value: m.userId, label: `${m.name} (${m.email})` }))}
          value={userId}
          onChange={setUserId}
          searchable
          data-testid="team-assign-person"
          w={320}
        />
        <Select
          label={t('audits.team.role')}
          data={AUDIT_TEAM_ROLES.map((r) => ({ value: r, label: t(`audits.teamRole.${r}`) }))}
          value={role}
          onChange={(v) => v && setRole(v as TAuditTeamRole)}
          allowDeselect={false}
          data-testid="team-assign-role"
        />
        <NumberInput label={t('audits.fields.plannedDays')} value={days} onChange={(v) => setDays(Number(v) || 0)} min={0} step={0.5} decimalScale={1} w={120} data-testid="team-assign-days" />
        <Button
          disabled={!userId}
          loading={assign.isPending}
          onClick={() => userId && assign.mutate({ userId, role, plannedDays: days }, { onSuccess: (res) => onAssigned(res.warnings) })}
          data-testid="team-assign-submit"
        >
          {t('audits.team.assign')}
        </Button>
      </Group>
      {assign.error && (
        <Alert color="red" variant="light" mt="md" role="alert" title={t('audits.team.refusedTitle')} data-testid="team-assign-refusal">
          {refusalText(tr, format, assign.error)}
        </Alert>
      )}
    </Card>
  );
}

/** The signed-in member's declaration for this audit, in the language they read. */
function DeclarationCard({ audit: a }: { audit: TCertAudit }) {
  const { t, i18n } = useTranslation();
  const { tenant } = useTenantContext();
  const sign = useSignDeclaration(tenant.id, a.id);
  const locale = i18n.resolvedLanguage === 'fr' ? 'fr' : 'en';
  return (
    <Card withBorder padding="lg" data-testid="team-declaration-card">
      <Title order={4} mb="xs">
        {t('audits.team.declare.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('audits.team.declare.intro', { reference: a.reference, client: a.clientName })}
      </Text>
      <Text mb="xs" data-testid="team-declaration-statement">
        {IMPARTIALITY_STATEMENT[locale]}
      </Text>
      <Text size="xs" c="dimmed" mb="md">
        {t('audits.team.declare.version', { version: IMPARTIALITY_STATEMENT_VERSION })}
      </Text>
      <Button onClick={() => sign.mutate({ statementVersion: IMPARTIALITY_STATEMENT_VERSION, locale })} loading={sign.isPending} data-testid="team-declaration-sign">
        {t('audits.team.declare.sign')}
      </Button>
      {sign.error && <ErrorAlert error={sign.error} />}
    </Card>
  );
}

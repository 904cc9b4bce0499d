import { Alert, Badge, Card, Code, Group, List, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../lib/format';
import type { TCertificationFile, TDecisionBlockerDto, TTeamSeat } from '../../../shared/contracts/cert-decisions';
import { noon } from '../audits/StateBadge';

/** The certification file as both the reviewer and the decision maker read it: audits, reports, teams, findings. */
export function FileSummary({ file, sha256 }: { file: TCertificationFile; sha256: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const audits = file.audits.filter((a) => a.state !== 'cancelled');
  const time = file.auditTime;
  return (
    <Card withBorder padding="lg" data-testid="certification-file">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('decisions.file.title')}
        </Title>
        <Text size="sm">
          {t('decisions.file.hash')} <Code data-testid="file-sha256">{sha256}</Code>
        </Text>
        <Text size="sm">
          {time
            ? t('decisions.file.auditTime', { stage1: format.number(time.stage1Days), stage2: format.number(time.stage2Days), surveillance: format.number(time.surveillanceDays), recertification: format.number(time.recertificationDays) })
            : t('decisions.file.noAuditTime')}
        </Text>
        <Title order={3} size="h5">
          {t('decisions.file.audits')}
        </Title>
        <Table withTableBorder striped>
          <Table.Tbody>
            {audits.map((a) => (
              <Table.Tr key={a.id} data-testid={`file-audit-${a.reference}`}>
                <Table.Td>
                  <Text size="sm" fw={600}>
                    {a.reference}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {t(`audits.type.${a.type}`)} · {t(`audits.state.${a.state}`)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{t('decisions.file.dates', { from: format.date(noon(a.actualStart ?? a.plannedStart)), to: format.date(noon(a.actualEnd ?? a.plannedEnd)) })}</Text>
                </Table.Td>
                <Table.Td>
                  {a.report ? (
                    <Badge variant="light" color={a.report.status === 'issued' ? 'green' : 'gray'}>
                      {t('decisions.file.report')} · {a.report.status === 'issued' ? t('decisions.file.reportIssued') : t('decisions.file.reportDraft')}
                    </Badge>
                  ) : (
                    <Text size="xs" c="dimmed">
                      {t('decisions.file.noReport')}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <List size="xs" spacing={2}>
                    {a.team.map((m) => (
                      <List.Item key={m.userId}>
                        {m.name} ({t(`audits.teamRole.${m.role}`)}) — {m.declaration ? t('decisions.file.declared') : t('decisions.file.notDeclared')},{' '}
                        {m.competence.length ? t('decisions.file.competent') : t('decisions.file.notCompetent')}
                      </List.Item>
                    ))}
                  </List>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {file.findings.length > 0 && (
          <>
            <Title order={3} size="h5">
              {t('decisions.file.findings')}
            </Title>
            <List size="sm" spacing={4}>
              {file.findings.map((f) => (
                <List.Item key={f.id} data-testid={`file-finding-${f.reference}`}>
                  <b>{f.reference}</b> · {t(`findings.class.${f.class}`)} · {f.ref ?? ''} · {t(`decisions.findingState.${f.state}`)} · {t('decisions.file.responses', { count: f.responses.length })}
                </List.Item>
              ))}
            </List>
          </>
        )}
      </Stack>
    </Card>
  );
}

/** Why a grant, renewal or maintenance cannot be decided yet: each nonconformity and what it waits for. */
export function BlockersList({ blockers }: { blockers: readonly TDecisionBlockerDto[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (!blockers.length)
    return (
      <Text size="sm" c="dimmed" data-testid="decision-no-blockers">
        {t('decisions.blockers.none')}
      </Text>
    );
  return (
    <Alert color="orange" title={t('decisions.blockers.title')} data-testid="decision-blockers">
      <List size="sm">
        {blockers.map((b) => (
          <List.Item key={b.findingId} data-testid={`blocker-${b.reference}`}>
            {t(`decisions.blockers.${b.code}`, {
              reference: b.reference,
              dueOn: format.date(noon(b.dueOn)),
              due: b.dueOn ? t('decisions.blockers.due', { date: format.date(noon(b.dueOn)) }) : '',
            })}
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}

/** ISO/IEC 17021-1 9.5 explained to the person it bars, with the audits they were on. */
export function IndependenceAlert({ seats }: { seats: readonly TTeamSeat[] }) {
  const { t } = useTranslation();
  return (
    <Alert color="red" title={t('decisions.independence.title')} data-testid="decision-independence">
      <Stack gap={4}>
        <Text size="sm">{t('decisions.independence.rule')}</Text>
        <List size="sm">
          {seats.map((s) => (
            <List.Item key={`${s.auditId}-${s.role}`} data-testid={`independence-seat-${s.reference}`}>
              {t('decisions.independence.seat', { reference: s.reference, type: t(`audits.type.${s.type}`), role: t(`audits.teamRole.${s.role}`) })}
            </List.Item>
          ))}
        </List>
        <Group>
          <Text size="sm">{t('decisions.independence.ask')}</Text>
        </Group>
      </Stack>
    </Alert>
  );
}

import { Alert, Badge, Button, Card, Group, List, NativeSelect, Radio, Stack, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmButton } from '../../components/ConfirmButton';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { isApiError } from '../../lib/api';
import { useFormat } from '../../lib/format';
import { SOC2_CRITERION_IMPACTS, SOC2_EXCEPTION_CONCLUSIONS, type TSoc2CriterionImpact, type TSoc2ExceptionConclusion } from '../../../shared/contracts/soc2';
import type { TSoc2Examination } from '../../../shared/contracts/soc2-examinations';
import type { TSoc2Exception, TSoc2ExceptionState, TSoc2ReportingBlockers } from '../../../shared/contracts/soc2-exceptions';
import { noon } from '../audits/StateBadge';
import { useTenantContext } from '../tenants/TenantRoute';
import { useConcludeException, useEditException, useRaiseException, useSoc2Exceptions, useSoc2Tests, useStartReporting } from './api';
import { Fact } from './ExaminationBits';

const COLOR: Record<TSoc2ExceptionState, string> = { open: 'orange', responded: 'blue', concluded: 'teal' };

/**
 * The exceptions of the examination grouped by control: the auditor's description, management's
 * response (written in the organization's workspace) and the auditor's conclusion, isolated or
 * systematic with the impact on the criterion. Fieldwork ends here, into reporting.
 */
export function ExceptionsTab({ examination: x }: { examination: TSoc2Examination }) {
  const { t } = useTranslation();
  const { tenant } = useTenantContext();
  const list = useSoc2Exceptions(tenant.id, x.id);
  const [raising, setRaising] = useState(false);
  if (list.isPending) return <Loading />;
  if (list.error) return <ErrorAlert error={list.error} />;
  const l = list.data;
  return (
    <Stack gap="lg">
      <ReportingAction examination={x} />
      <Card withBorder padding="lg">
        <Group justify="space-between">
          <Text size="sm" data-testid="soc2-exceptions-summary">
            {t('soc2Testing.exceptions.summary', { count: l.total })}
          </Text>
          {l.abilities['soc2Exception.raise'] && !raising && (
            <Button onClick={() => setRaising(true)} data-testid="soc2-exception-raise">
              {t('soc2Testing.exceptions.raise')}
            </Button>
          )}
        </Group>
        {raising && <RaiseForm examination={x} onDone={() => setRaising(false)} />}
      </Card>
      {l.groups.map((g) => (
        <Card withBorder padding="lg" key={g.controlId} data-testid={`soc2-exceptions-control-${g.controlRef}`}>
          <Title order={3} size="h4">
            {g.controlRef} · {g.controlTitle}
          </Title>
          <Text size="sm" c="dimmed" mb="md">
            {t('soc2Testing.exceptions.criteria', { refs: g.criteria.join(', ') || t('common.none') })}
          </Text>
          <Stack gap="md">
            {g.exceptions.map((e) => (
              <ExceptionCard key={e.id} examinationId={x.id} exception={e} />
            ))}
          </Stack>
        </Card>
      ))}
    </Stack>
  );
}

function ExceptionCard({ examinationId, exception: e }: { examinationId: string; exception: TSoc2Exception }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { tenant } = useTenantContext();
  const edit = useEditException(tenant.id, examinationId);
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(e.description);
  return (
    <Card withBorder padding="md" data-testid={`soc2-exception-${e.reference}`}>
      <Group gap="sm" mb="xs">
        <Text fw={600}>{e.reference}</Text>
        <Badge color={COLOR[e.state]} variant="light" data-testid="soc2-exception-state" data-state={e.state}>
          {t(`soc2Testing.exception.state.${e.state}`)}
        </Badge>
        <Text size="sm" c="dimmed">
          {e.testReference}
          {e.sampleItem ? ` · ${t('soc2Testing.exceptions.sampleItem', { key: e.sampleItem.key, date: format.date(noon(e.sampleItem.date)) })}` : ''}
        </Text>
      </Group>
      {editing ? (
        <Stack gap="xs">
          <ErrorAlert error={edit.error} />
          <Textarea autosize minRows={2} maxLength={4000} value={text} onChange={(ev) => setText(ev.currentTarget.value)} aria-label={t('soc2Testing.exceptions.description')} />
          <Group justify="flex-end">
            <Button variant="default" size="xs" onClick={() => setEditing(false)}>
              {t('common.cancel')}
            </Button>
            <Button size="xs" disabled={!text.trim()} loading={edit.isPending} onClick={() => edit.mutate({ exceptionId: e.id, description: text }, { onSuccess: () => setEditing(false) })}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      ) : (
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Fact label={t('soc2Testing.exceptions.raisedBy', { name: e.raisedBy?.name ?? t('common.none'), at: format.dateTime(e.raisedAt) })} value={e.description} testId="soc2-exception-description" />
          {e.abilities['soc2Exception.edit'] && (
            <Button size="compact-xs" variant="subtle" onClick={() => setEditing(true)}>
              {t('soc2Testing.exceptions.edit')}
            </Button>
          )}
        </Group>
      )}
      <Stack gap={4} mt="sm" data-testid="soc2-exception-response">
        {e.response.respondedAt ? (
          <>
            <Text size="xs" c="dimmed">
              {t('soc2Testing.exceptions.respondedBy', { name: e.response.respondedBy?.name ?? t('common.none'), at: format.dateTime(e.response.respondedAt) })}
            </Text>
            <Fact label={t('soc2Testing.exceptions.context')} value={e.response.context || t('common.none')} />
            <Fact label={t('soc2Testing.exceptions.remediation')} value={e.response.remediation || t('common.none')} />
            {e.response.evidence.length > 0 && <Fact label={t('soc2Testing.exceptions.evidence')} value={e.response.evidence.map((v) => v.title).join(' · ')} />}
          </>
        ) : (
          <Text size="sm" c="dimmed">
            {t('soc2Testing.exceptions.awaitingResponse')}
          </Text>
        )}
      </Stack>
      {e.conclusion ? (
        <Alert color={e.conclusion.conclusion === 'systematic' || e.conclusion.criterionImpact !== 'none' ? 'orange' : 'teal'} variant="light" mt="sm" data-testid="soc2-exception-conclusion">
          {t('soc2Testing.exceptions.concludedAs', {
            conclusion: t(`soc2Testing.exception.conclusion.${e.conclusion.conclusion}`),
            impact: t(`soc2Testing.exception.impact.${e.conclusion.criterionImpact}`),
            name: e.conclusion.concludedBy?.name ?? t('common.none'),
            at: format.dateTime(e.conclusion.concludedAt),
          })}
          {e.conclusion.notes ? ` ${e.conclusion.notes}` : ''}
        </Alert>
      ) : (
        e.abilities['soc2Exception.conclude'] && <ConcludeForm examinationId={examinationId} exception={e} />
      )}
    </Card>
  );
}

function ConcludeForm({ examinationId, exception: e }: { examinationId: string; exception: TSoc2Exception }) {
  const { t } = useTranslation();
  const { tenant } = useTenantContext();
  const conclude = useConcludeException(tenant.id, examinationId);
  const [conclusion, setConclusion] = useState<TSoc2ExceptionConclusion>('isolated');
  const [impact, setImpact] = useState<TSoc2CriterionImpact>('none');
  const [notes, setNotes] = useState('');
  return (
    <Stack gap="xs" mt="md" data-testid="soc2-exception-conclude">
      <Title order={4} size="h6">
        {t('soc2Testing.exceptions.concludeTitle')}
      </Title>
      <ErrorAlert error={conclude.error} />
      <Radio.Group value={conclusion} onChange={(v) => setConclusion(v as TSoc2ExceptionConclusion)} label={t('soc2Testing.exceptions.conclusion')}>
        <Group mt={4}>
          {SOC2_EXCEPTION_CONCLUSIONS.map((c) => (
            <Radio key={c} value={c} label={t(`soc2Testing.exceptions.conclusionOption.${c}`)} data-testid={`soc2-exception-conclusion-${c}`} />
          ))}
        </Group>
      </Radio.Group>
      <NativeSelect
        label={t('soc2Testing.exceptions.impact')}
        value={impact}
        onChange={(ev) => setImpact(ev.currentTarget.value as TSoc2CriterionImpact)}
        data={SOC2_CRITERION_IMPACTS.map((i) => ({ value: i, label: t(`soc2Testing.exceptions.impactOption.${i}`) }))}
        data-testid="soc2-exception-impact"
      />
      <Textarea label={t('soc2Testing.exceptions.notes')} autosize minRows={2} maxLength={4000} value={notes} onChange={(ev) => setNotes(ev.currentTarget.value)} data-testid="soc2-exception-notes" />
      {e.state === 'open' && (
        <Text size="xs" c="orange">
          {t('soc2Testing.exceptions.noResponseYet')}
        </Text>
      )}
      <Group justify="flex-end">
        <ConfirmButton
          color="teal"
          loading={conclude.isPending}
          title={t('soc2Testing.exceptions.concludeTitle')}
          message={t('soc2Testing.exceptions.concludeMessage', { reference: e.reference })}
          confirmLabel={t('soc2Testing.exceptions.conclude')}
          onConfirm={() => conclude.mutate({ exceptionId: e.id, conclusion, criterionImpact: impact, notes })}
          data-testid="soc2-exception-conclude-submit"
        >
          {t('soc2Testing.exceptions.conclude')}
        </ConfirmButton>
      </Group>
    </Stack>
  );
}

function RaiseForm({ examination: x, onDone }: { examination: TSoc2Examination; onDone: () => void }) {
  const { t } = useTranslation();
  const { tenant } = useTenantContext();
  const tests = useSoc2Tests(tenant.id, x.id);
  const raise = useRaiseException(tenant.id, x.id);
  const [testId, setTestId] = useState('');
  const [description, setDescription] = useState('');
  return (
    <Stack gap="sm" mt="md">
      <ErrorAlert error={raise.error} />
      <NativeSelect
        label={t('soc2Testing.exceptions.test')}
        value={testId}
        onChange={(ev) => setTestId(ev.currentTarget.value)}
        data={[{ value: '', label: t('soc2Testing.exceptions.pickTest') }, ...(tests.data?.items ?? []).map((s) => ({ value: s.id, label: `${s.reference} · ${s.controlRef} · ${s.controlTitle}` }))]}
        data-testid="soc2-exception-test"
      />
      <Textarea label={t('soc2Testing.exceptions.description')} autosize minRows={3} maxLength={4000} value={description} onChange={(ev) => setDescription(ev.currentTarget.value)} data-testid="soc2-exception-description-input" />
      <Group justify="flex-end">
        <Button variant="default" onClick={onDone}>
          {t('common.cancel')}
        </Button>
        <Button
          disabled={!testId || !description.trim()}
          loading={raise.isPending}
          onClick={() => raise.mutate({ testId, sampleItemId: null, description }, { onSuccess: onDone })}
          data-testid="soc2-exception-raise-submit"
        >
          {t('soc2Testing.exceptions.raise')}
        </Button>
      </Group>
    </Stack>
  );
}

/** fieldwork → reporting; the server's refusal (`soc2_reporting_blocked`) lists the tests and exceptions still open and the criteria without a tested control. */
function ReportingAction({ examination: x }: { examination: TSoc2Examination }) {
  const { t } = useTranslation();
  const { tenant, can } = useTenantContext();
  const start = useStartReporting(tenant.id, x.id);
  if (x.state !== 'fieldwork' || !can('soc2Examination.reporting')) return null;
  const blocked = isApiError(start.error) && start.error.code === 'soc2_reporting_blocked' ? (start.error.details as Partial<TSoc2ReportingBlockers>) : null;
  return (
    <Card withBorder padding="md" data-testid="soc2-reporting">
      <Group justify="space-between">
        <Text size="sm">{t('soc2Testing.reporting.intro')}</Text>
        <ConfirmButton
          color="violet"
          loading={start.isPending}
          title={t('soc2Testing.reporting.start')}
          message={t('soc2Testing.reporting.confirm', { reference: x.reference })}
          confirmLabel={t('soc2Testing.reporting.start')}
          onConfirm={() => start.mutate(undefined, { onSuccess: () => notifications.show({ color: 'teal', message: t('soc2Testing.reporting.started') }) })}
          data-testid="soc2-reporting-start"
        >
          {t('soc2Testing.reporting.start')}
        </ConfirmButton>
      </Group>
      {blocked ? (
        <Alert color="red" variant="light" mt="md" title={t('soc2Testing.reporting.blockedTitle')} data-testid="soc2-reporting-blocked">
          {(blocked.pendingTests?.length ?? 0) > 0 && (
            <>
              <Text size="sm" fw={600}>
                {t('soc2Testing.reporting.pendingTests', { count: blocked.pendingTests!.length })}
              </Text>
              <List size="sm">
                {blocked.pendingTests!.map((p) => (
                  <List.Item key={p.id}>{`${p.reference} (${p.controlRef})`}</List.Item>
                ))}
              </List>
            </>
          )}
          {(blocked.openExceptions?.length ?? 0) > 0 && (
            <>
              <Text size="sm" fw={600}>
                {t('soc2Testing.reporting.openExceptions', { count: blocked.openExceptions!.length })}
              </Text>
              <List size="sm">
                {blocked.openExceptions!.map((p) => (
                  <List.Item key={p.id}>{`${p.reference} — ${t(`soc2Testing.exception.state.${p.state}`)}`}</List.Item>
                ))}
              </List>
            </>
          )}
          {(blocked.untestedCriteria?.length ?? 0) > 0 && (
            <>
              <Text size="sm" fw={600}>
                {t('soc2Testing.reporting.untestedCriteria', { count: blocked.untestedCriteria!.length })}
              </Text>
              <Text size="sm" data-testid="soc2-reporting-untested">
                {blocked.untestedCriteria!.join(', ')}
              </Text>
            </>
          )}
        </Alert>
      ) : (
        <ErrorAlert error={start.error} />
      )}
    </Card>
  );
}

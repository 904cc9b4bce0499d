import { Badge, Button, Card, Group, Modal, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmButton } from '../../components/ConfirmButton';
import { DataTable } from '../../components/DataTable';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { useFormat } from '../../lib/format';
import type { TSoc2RequestState } from '../../../shared/contracts/soc2';
import type { TSoc2Examination } from '../../../shared/contracts/soc2-examinations';
import type { TSoc2Request } from '../../../shared/contracts/soc2-program';
import { noon } from '../audits/StateBadge';
import { useTenantContext } from '../tenants/TenantRoute';
import { useAcceptRequest, useGenerateRequests, useReturnRequest, useSoc2Requests, useSoc2Tests } from './api';

/** The request list lives from planning to the end of fieldwork (the server's REQUEST_STATES). */
const CHANGEABLE = ['planning', 'fieldwork'];
const COLOR: Record<TSoc2RequestState, string> = { open: 'blue', submitted: 'yellow', accepted: 'teal', returned: 'orange' };

export function RequestStateBadge({ state }: { state: TSoc2RequestState }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLOR[state]} variant="light" style={{ minWidth: 'max-content' }} data-testid="soc2-request-state" data-state={state}>
      {t(`soc2Testing.requestState.${state}`)}
    </Badge>
  );
}

const inTwoWeeks = () => new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10);

/** The information request list ("PBC list"): generated from the tests, answered by the organization, accepted or returned with a reason. */
export function RequestsTab({ examination: x }: { examination: TSoc2Examination }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { tenant } = useTenantContext();
  const requests = useSoc2Requests(tenant.id, x.id);
  const tests = useSoc2Tests(tenant.id, x.id);
  const generate = useGenerateRequests(tenant.id, x.id);
  const accept = useAcceptRequest(tenant.id, x.id);
  const [returning, setReturning] = useState<TSoc2Request | null>(null);
  const [dueOn, setDueOn] = useState(inTwoWeeks);
  if (requests.isPending) return <Loading />;
  if (requests.error) return <ErrorAlert error={requests.error} />;
  const canWrite = tests.data?.abilities['soc2Program.write'] === true && CHANGEABLE.includes(x.state);
  const items = requests.data.items;
  const overdue = items.filter((r) => r.overdue).length;
  const counts = Object.fromEntries((['open', 'submitted', 'accepted', 'returned'] as const).map((s) => [s, items.filter((r) => r.state === s).length]));
  return (
    <Stack gap="lg">
      <Card withBorder padding="lg">
        <Group justify="space-between" align="flex-end">
          <Stack gap={4}>
            <Text size="sm" data-testid="soc2-requests-summary">
              {t('soc2Testing.requests.summary', { total: items.length, ...counts })}
            </Text>
            {overdue > 0 && (
              <Text size="sm" c="red" data-testid="soc2-requests-overdue">
                {t('soc2Testing.requests.overdueCount', { count: overdue })}
              </Text>
            )}
            {!CHANGEABLE.includes(x.state) && (
              <Text size="sm" c="dimmed">
                {t('soc2Testing.requests.notNow')}
              </Text>
            )}
          </Stack>
          {canWrite && (
            <Group align="flex-end">
              <TextInput type="date" label={t('soc2Testing.requests.dueOn')} value={dueOn} onChange={(e) => setDueOn(e.currentTarget.value)} data-testid="soc2-requests-due" />
              <Button
                loading={generate.isPending}
                disabled={!dueOn}
                onClick={() => generate.mutate(dueOn, { onSuccess: (r) => notifications.show({ color: 'teal', message: t('soc2Testing.requests.generated', { count: r.added }) }) })}
                data-testid="soc2-requests-generate"
              >
                {t('soc2Testing.requests.generate')}
              </Button>
            </Group>
          )}
        </Group>
        <ErrorAlert error={generate.error ?? accept.error} />
      </Card>
      <Card withBorder padding="lg">
        <DataTable<TSoc2Request>
          testId="soc2-requests-table"
          label={t('soc2Engagements.firm.tabs.requests')}
          rows={items}
          rowKey={(r) => r.id}
          rowTestId={(r) => `soc2-request-row-${r.reference}`}
          empty={t('soc2Testing.requests.empty')}
          minWidth={960}
          columns={[
            { key: 'reference', header: t('soc2Testing.requests.reference'), cell: (r) => r.reference, sortValue: (r) => r.reference, nowrap: true },
            { key: 'test', header: t('soc2Testing.requests.test'), cell: (r) => r.testReference ?? t('common.none'), sortValue: (r) => r.testReference, nowrap: true },
            { key: 'title', header: t('soc2Testing.requests.title'), cell: (r) => r.title, truncate: (r) => r.title },
            {
              key: 'due',
              header: t('soc2Testing.requests.dueOn'),
              cell: (r) => (
                <Group gap={4} wrap="nowrap">
                  <Text size="sm" c={r.overdue ? 'red' : undefined}>
                    {format.date(noon(r.dueOn))}
                  </Text>
                  {r.overdue && (
                    <Badge color="red" variant="light" data-testid="soc2-request-overdue">
                      {t('soc2Testing.requests.overdue')}
                    </Badge>
                  )}
                </Group>
              ),
              sortValue: (r) => r.dueOn,
              nowrap: true,
            },
            { key: 'state', header: t('soc2Testing.requests.state'), cell: (r) => <RequestStateBadge state={r.state} />, sortValue: (r) => r.state },
            {
              key: 'answer',
              header: t('soc2Testing.requests.answer'),
              cell: (r) => (r.answer ? `${r.answer}${r.evidence.length ? ` (${t('soc2Testing.requests.evidenceCount', { count: r.evidence.length })})` : ''}` : r.returnReason ? t('soc2Testing.requests.returnedBecause', { reason: r.returnReason }) : t('common.none')),
              truncate: (r) => [r.answer, ...r.evidence.map((e) => e.title), r.returnReason].filter(Boolean).join(' · '),
            },
          ]}
          actions={[
            {
              key: 'accept',
              allowed: (r) => canWrite && r.state === 'submitted',
              render: (r) => (
                <ConfirmButton
                  size="xs"
                  variant="light"
                  color="teal"
                  title={t('soc2Testing.requests.acceptTitle')}
                  message={t('soc2Testing.requests.acceptMessage', { reference: r.reference })}
                  confirmLabel={t('soc2Testing.requests.accept')}
                  onConfirm={() => accept.mutate(r.id)}
                  data-testid={`soc2-request-accept-${r.reference}`}
                >
                  {t('soc2Testing.requests.accept')}
                </ConfirmButton>
              ),
            },
            {
              key: 'return',
              allowed: (r) => canWrite && r.state === 'submitted',
              render: (r) => (
                <Button size="xs" variant="subtle" color="orange" onClick={() => setReturning(r)} data-testid={`soc2-request-return-${r.reference}`}>
                  {t('soc2Testing.requests.return')}
                </Button>
              ),
            },
          ]}
        />
      </Card>
      {returning && <ReturnModal examinationId={x.id} request={returning} onClose={() => setReturning(null)} />}
    </Stack>
  );
}

function ReturnModal({ examinationId, request: r, onClose }: { examinationId: string; request: TSoc2Request; onClose: () => void }) {
  const { t } = useTranslation();
  const { tenant } = useTenantContext();
  const ret = useReturnRequest(tenant.id, examinationId);
  const [reason, setReason] = useState('');
  return (
    <Modal opened onClose={onClose} title={t('soc2Testing.requests.returnTitle', { reference: r.reference })} closeButtonProps={{ 'aria-label': t('common.close') }}>
      <Stack gap="sm">
        <Title order={4} size="h6">
          {r.title}
        </Title>
        <ErrorAlert error={ret.error} />
        <Textarea label={t('soc2Testing.requests.reason')} description={t('soc2Testing.requests.reasonHelp')} autosize minRows={3} maxLength={4000} value={reason} onChange={(e) => setReason(e.currentTarget.value)} data-testid="soc2-request-return-reason" />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button color="orange" disabled={!reason.trim()} loading={ret.isPending} onClick={() => ret.mutate({ requestId: r.id, reason }, { onSuccess: onClose })} data-testid="soc2-request-return-submit">
            {t('soc2Testing.requests.return')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

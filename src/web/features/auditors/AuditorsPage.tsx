import { Badge, Button, Card, Checkbox, Group, NumberInput, Select, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { NoAccess } from '../../components/NoAccess';
import { PageHeader } from '../../components/PageHeader';
import { useFormat } from '../../lib/format';
import { CONFLICT_KINDS, type TAuditorCompetence, type TConflictKind } from '../../../shared/contracts/cert-audits';
import { SCHEMES, type TScheme } from '../../../shared/contracts/certification';
import { noon } from '../audits/StateBadge';
import { useClients } from '../intake/api';
import { useMembers } from '../members/api';
import { useTenantContext } from '../tenants/TenantRoute';
import { useCompetences, useConflicts, useDeclareConflict, useDeleteCompetence, useRecordCompetence, useUpdateCompetence, useWithdrawConflict } from './api';

/** The body's auditors: competence records per scheme (expiry highlighted) and declared conflicts with clients. */
export function AuditorsPage() {
  const { t } = useTranslation();
  const { tenant, can } = useTenantContext();
  if (!can('auditor.read')) return <NoAccess />;
  const manage = can('auditor.manage');
  return (
    <Stack gap="lg">
      <PageHeader title={t('auditors.title')} description={can('auditor.readAll') ? t('auditors.intro') : t('auditors.introOwn')} />
      <CompetencesCard tenantId={tenant.id} manage={manage} />
      <ConflictsCard tenantId={tenant.id} manage={manage} />
    </Stack>
  );
}

function CompetencesCard({ tenantId, manage }: { tenantId: string; manage: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const list = useCompetences(tenantId);
  const remove = useDeleteCompetence(tenantId);
  const [editing, setEditing] = useState<TAuditorCompetence | 'new' | null>(null);
  const d = (v: string | null) => format.date(noon(v));
  return (
    <Card withBorder padding="lg">
      <Group justify="space-between" mb="sm">
        <Title order={3}>{t('auditors.competences.title')}</Title>
        {manage && (
          <Button onClick={() => setEditing('new')} data-testid="competence-add">
            {t('auditors.competences.add')}
          </Button>
        )}
      </Group>
      {editing && <CompetenceForm tenantId={tenantId} record={editing === 'new' ? null : editing} onDone={() => setEditing(null)} />}
      {list.isPending ? (
        <Loading />
      ) : list.error ? (
        <ErrorAlert error={list.error} />
      ) : list.data.items.length === 0 ? (
        <Text c="dimmed">{t('auditors.competences.empty')}</Text>
      ) : (
        <Table data-testid="competences" striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('auditors.fields.person')}</Table.Th>
              <Table.Th>{t('auditors.fields.scheme')}</Table.Th>
              <Table.Th>{t('auditors.fields.qualification')}</Table.Th>
              <Table.Th>{t('auditors.fields.iso42001TrainedOn')}</Table.Th>
              <Table.Th>{t('auditors.fields.aiDomainAreas')}</Table.Th>
              <Table.Th>{t('auditors.fields.auditsDone')}</Table.Th>
              <Table.Th>{t('auditors.fields.validUntil')}</Table.Th>
              {manage && <Table.Th />}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.data.items.map((c) => (
              <Table.Tr key={c.id} data-testid={`competence-${c.userName}`}>
                <Table.Td>
                  {c.userName}
                  {c.leadQualified && (
                    <Badge ml="xs" size="sm" variant="light">
                      {t('auditors.fields.leadQualified')}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>{t(`audits.scheme.${c.scheme}`)}</Table.Td>
                <Table.Td>{c.qualification}</Table.Td>
                <Table.Td>{c.iso42001TrainedOn ? d(c.iso42001TrainedOn) : <Text span c="dimmed">{t('auditors.competences.notTrained')}</Text>}</Table.Td>
                <Table.Td>{c.aiDomainAreas.join(', ')}</Table.Td>
                <Table.Td>{format.number(c.auditsDone)}</Table.Td>
                <Table.Td data-testid={`competence-until-${c.userName}`}>
                  <Text span c={c.expired ? 'red' : c.expiresSoon ? 'orange' : undefined} fw={c.expired || c.expiresSoon ? 600 : undefined}>
                    {d(c.validUntil)}
                  </Text>
                  {c.expired && (
                    <Badge ml="xs" color="red" size="sm">
                      {t('auditors.competences.expired')}
                    </Badge>
                  )}
                  {c.expiresSoon && (
                    <Badge ml="xs" color="orange" size="sm">
                      {t('auditors.competences.expiresSoon')}
                    </Badge>
                  )}
                </Table.Td>
                {manage && (
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      <Button size="xs" variant="subtle" onClick={() => setEditing(c)}>
                        {t('auditors.competences.edit')}
                      </Button>
                      <Button size="xs" variant="subtle" color="red" onClick={() => window.confirm(t('auditors.competences.deleteConfirm')) && remove.mutate(c.id)}>
                        {t('auditors.competences.delete')}
                      </Button>
                    </Group>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {remove.error && <ErrorAlert error={remove.error} />}
    </Card>
  );
}

function CompetenceForm({ tenantId, record, onDone }: { tenantId: string; record: TAuditorCompetence | null; onDone: () => void }) {
  const { t } = useTranslation();
  const members = useMembers(tenantId);
  const create = useRecordCompetence(tenantId);
  const update = useUpdateCompetence(tenantId);
  const [userId, setUserId] = useState<string | null>(record?.userId ?? null);
  const [scheme, setScheme] = useState<TScheme>(record?.scheme ?? 'iso42001');
  const [qualification, setQualification] = useState(record?.qualification ?? '');
  const [trainedOn, setTrainedOn] = useState(record?.iso42001TrainedOn ?? '');
  const [areas, setAreas] = useState((record?.aiDomainAreas ?? []).join('\n'));
  const [auditsDone, setAuditsDone] = useState<number>(record?.auditsDone ?? 0);
  const [leadQualified, setLeadQualified] = useState(record?.leadQualified ?? false);
  const [validFrom, setValidFrom] = useState(record?.validFrom ?? '');
  const [validUntil, setValidUntil] = useState(record?.validUntil ?? '');
  const fields = {
    qualification,
    iso42001TrainedOn: trainedOn || null,
    aiDomainAreas: areas.split('\n').map((a) => a.trim()).filter(Boolean),
    auditsDone,
    leadQualified,
    validFrom,
    validUntil,
  };
  const save = () =>
    record ? update.mutate({ id: record.id, ...fields }, { onSuccess: onDone }) : userId && create.mutate({ userId, scheme, notes: '', ...fields }, { onSuccess: onDone });
  const error = create.error ?? update.error;
  return (
    <Card withBorder mb="md" data-testid="competence-form">
      <Stack gap="sm">
        <Group grow>
          <Select
            label={t('auditors.fields.person')}
            data={(members.data?.items ?? []).map((m) => ({ value: m.userId, label: `${m.name} (${m.email})` }))}
            value={userId}
            onChange={setUserId}
            disabled={Boolean(record)}
            searchable
            data-testid="competence-person"
          />
          <Select label={t('auditors.fields.scheme')} data={SCHEMES.map((s) => ({ value: s, label: t(`audits.scheme.${s}`) }))} value={scheme} onChange={(v) => v && setScheme(v as TScheme)} disabled={Boolean(record)} allowDeselect={false} />
        </Group>
        <TextInput label={t('auditors.fields.qualification')} value={qualification} onChange={(e) => setQualification(e.currentTarget.value)} maxLength={200} data-testid="competence-qualification" />
        <Group grow>
          <TextInput type="date" label={t('auditors.fields.iso42001TrainedOn')} value={trainedOn} onChange={(e) => setTrainedOn(e.currentTarget.value)} data-testid="competence-trained" />
          <TextInput type="date" label={t('auditors.fields.validFrom')} value={validFrom} onChange={(e) => setValidFrom(e.currentTarget.value)} data-testid="competence-from" />
          <TextInput type="date" label={t('auditors.fields.validUntil')} value={validUntil} onChange={(e) => setValidUntil(e.currentTarget.value)} data-testid="competence-until" />
          <NumberInput label={t('auditors.fields.auditsDone')} value={auditsDone} onChange={(v) => setAuditsDone(Number(v) || 0)} min={0} />
        </Group>
        <Textarea label={t('auditors.fields.aiDomainAreas')} description={t('auditors.fields.aiDomainAreasHint')} value={areas} onChange={(e) => setAreas(e.currentTarget.value)} autosize minRows={2} />
        <Checkbox label={t('auditors.fields.leadQualified')} checked={leadQualified} onChange={(e) => setLeadQualified(e.currentTarget.checked)} data-testid="competence-lead" />
        {error && <ErrorAlert error={error} />}
        <Group>
          <Button onClick={save} loading={create.isPending || update.isPending} data-testid="competence-save">
            {t('auditors.competences.save')}
          </Button>
          <Button variant="default" onClick={onDone}>
            {t('auditors.competences.cancel')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

const BODY = '__body__';

function ConflictsCard({ tenantId, manage }: { tenantId: string; manage: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const list = useConflicts(tenantId);
  const withdraw = useWithdrawConflict(tenantId);
  const [adding, setAdding] = useState(false);
  const d = (v: string | null) => format.date(noon(v));
  return (
    <Card withBorder padding="lg">
      <Group justify="space-between" mb="xs">
        <Title order={3}>{t('auditors.conflicts.title')}</Title>
        {manage && (
          <Button onClick={() => setAdding(true)} data-testid="conflict-add">
            {t('auditors.conflicts.add')}
          </Button>
        )}
      </Group>
      <Text size="sm" c="dimmed" mb="sm">
        {t('auditors.conflicts.bodyHint')}
      </Text>
      {adding && <ConflictForm tenantId={tenantId} onDone={() => setAdding(false)} />}
      {list.isPending ? (
        <Loading />
      ) : list.error ? (
        <ErrorAlert error={list.error} />
      ) : list.data.items.length === 0 ? (
        <Text c="dimmed">{t('auditors.conflicts.empty')}</Text>
      ) : (
        <Table data-testid="conflicts" striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('auditors.fields.who')}</Table.Th>
              <Table.Th>{t('auditors.fields.client')}</Table.Th>
              <Table.Th>{t('auditors.fields.kind')}</Table.Th>
              <Table.Th>{t('auditors.fields.startedOn')}</Table.Th>
              <Table.Th>{t('auditors.fields.endedOn')}</Table.Th>
              <Table.Th>{t('auditors.fields.description')}</Table.Th>
              {manage && <Table.Th />}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.data.items.map((c) => (
              <Table.Tr key={c.id}>
                <Table.Td>{c.userName ?? <Badge color="red">{t('auditors.conflicts.theBody')}</Badge>}</Table.Td>
                <Table.Td>{c.clientName}</Table.Td>
                <Table.Td>{t(`auditors.kind.${c.kind}`)}</Table.Td>
                <Table.Td>{c.startedOn ? d(c.startedOn) : ''}</Table.Td>
                <Table.Td>{c.endedOn ? d(c.endedOn) : t('auditors.conflicts.ongoing')}</Table.Td>
                <Table.Td>{c.description}</Table.Td>
                {manage && (
                  <Table.Td>
                    <Button size="xs" variant="subtle" color="red" onClick={() => window.confirm(t('auditors.conflicts.withdrawConfirm')) && withdraw.mutate(c.id)}>
                      {t('auditors.conflicts.withdraw')}
                    </Button>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {withdraw.error && <ErrorAlert error={withdraw.error} />}
    </Card>
  );
}

function ConflictForm({ tenantId, onDone }: { tenantId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const members = useMembers(tenantId);
  const clients = useClients(tenantId, {});
  const declare = useDeclareConflict(tenantId);
  const [who, setWho] = useState<string | null>(null);
  const [clientId, setClientId] = useState<string | null>(null);
  const [kind, setKind] = useState<TConflictKind>('consultancy');
  const [description, setDescription] = useState('');
  const [startedOn, setStartedOn] = useState('');
  const [endedOn, setEndedOn] = useState('');
  const people = [{ value: BODY, label: t('auditors.conflicts.bodyOption') }, ...(members.data?.items ?? []).map((m) => ({ value: m.userId, label: `${m.name} (${m.email})` }))];
  return (
    <Card withBorder mb="md" data-testid="conflict-form">
      <Stack gap="sm">
        <Group grow>
          <Select label={t('auditors.fields.who')} data={people} value={who} onChange={setWho} searchable data-testid="conflict-who" />
          <Select
            label={t('auditors.fields.client')}
            data={(clients.data?.pages.flatMap((p) => p.items) ?? []).map((c) => ({ value: c.id, label: c.legalName }))}
            value={clientId}
            onChange={setClientId}
            searchable
            data-testid="conflict-client"
          />
          <Select label={t('auditors.fields.kind')} data={CONFLICT_KINDS.map((k) => ({ value: k, label: t(`auditors.kind.${k}`) }))} value={kind} onChange={(v) => v && setKind(v as TConflictKind)} allowDeselect={false} data-testid="conflict-kind" />
        </Group>
        <Group grow>
          <TextInput type="date" label={t('auditors.fields.startedOn')} value={startedOn} onChange={(e) => setStartedOn(e.currentTarget.value)} />
          <TextInput type="date" label={t('auditors.fields.endedOn')} value={endedOn} onChange={(e) => setEndedOn(e.currentTarget.value)} data-testid="conflict-ended" />
        </Group>
        <TextInput label={t('auditors.fields.description')} value={description} onChange={(e) => setDescription(e.currentTarget.value)} maxLength={1000} />
        {declare.error && <ErrorAlert error={declare.error} />}
        <Group>
          <Button
            disabled={!who || !clientId}
            loading={declare.isPending}
            onClick={() =>
              who &&
              clientId &&
              declare.mutate({ clientId, userId: who === BODY ? null : who, kind, description, startedOn: startedOn || null, endedOn: endedOn || null }, { onSuccess: onDone })
            }
            data-testid="conflict-save"
          >
            {t('auditors.competences.save')}
          </Button>
          <Button variant="default" onClick={onDone}>
            {t('auditors.competences.cancel')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

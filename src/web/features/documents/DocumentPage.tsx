import { Alert, Anchor, Button, Card, Code, FileInput, Group, NativeSelect, NumberInput, SimpleGrid, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { NoAccess } from '../../components/NoAccess';
import { PageHeader } from '../../components/PageHeader';
import { useContractForm, useServerErrors } from '../../lib/forms';
import { useFormat } from '../../lib/format';
import { DOCUMENT_KINDS, DOCUMENT_TYPES, MANDATORY_ITEMS, MAX_APPROVAL_QUORUM, ZCreateDocumentBody, type TDocumentDetail, type TDocumentVersion } from '../../../shared/contracts/documents';
import { useMembers } from '../members/api';
import { useTenantContext } from '../tenants/TenantRoute';
import { contentUrl, useAddText, useCreateDocument, useDocument, useUpdateDocument, useUploadVersion, useVersionMove, useVersionText } from './api';
import { StatusBadge } from './DocumentsPage';

const day = (d: string | null) => (d ? `${d}T12:00:00Z` : null);

/** A new document: its description and, optionally, its first version written as text. */
export function DocumentNewPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const format = useFormat();
  const { tenant, can } = useTenantContext();
  const create = useCreateDocument(tenant.id);
  const members = useMembers(tenant.id, can('document.create'));
  // Empty choices are null, as the contract has them, so the form validates what the server will.
  const form = useContractForm(ZCreateDocumentBody, { title: '', type: 'policy', kind: 'maintained', ownerId: null as string | null, nextReviewOn: null as string | null, mandatoryItem: null as string | null, approvalQuorum: 1, text: '' });
  const nullable = (field: 'ownerId' | 'nextReviewOn' | 'mandatoryItem') => ({
    value: form.getValues()[field] ?? '',
    onChange: (e: { currentTarget: { value: string } }) => form.setFieldValue(field, e.currentTarget.value || null),
    error: form.errors[field],
  });
  const unplaced = useServerErrors(form, create.error);
  if (!can('document.create')) return <NoAccess />;
  const lang = format.locale === 'fr' ? 'fr' : 'en';
  const none = { value: '', label: t('common.none') };
  return (
    <Stack gap="xl">
      <PageHeader title={t('documents.new')} description={t('documents.newIntro')} />
      <Card withBorder padding="lg">
        <form
          onSubmit={form.onSubmit(
            (v) =>
              create.mutate(
                {
                  ...v,
                  text: v.text ? v.text : undefined,
                } as never,
                { onSuccess: (d) => navigate(`/t/${tenant.id}/documents/${d.id}`) },
              ),
            undefined,
          )}
        >
          <Stack gap="md">
            <ErrorAlert error={unplaced} />
            <TextInput label={t('documents.fields.title')} {...form.getInputProps('title')} data-testid="document-title" />
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <NativeSelect label={t('documents.fields.type')} data={DOCUMENT_TYPES.map((v) => ({ value: v, label: t(`documents.type.${v}`) }))} {...form.getInputProps('type')} data-testid="document-type" />
              <NativeSelect label={t('documents.fields.kind')} description={t('documents.kindHelp')} data={DOCUMENT_KINDS.map((v) => ({ value: v, label: t(`documents.kind.${v}`) }))} {...form.getInputProps('kind')} data-testid="document-kind" />
              <NativeSelect
                label={t('documents.fields.mandatoryItem')}
                data={[none, ...MANDATORY_ITEMS.map((i) => ({ value: i.key, label: `${i.clause} — ${i.label[lang]}` }))]}
                {...nullable('mandatoryItem')}
                data-testid="document-mandatory"
              />
              <NativeSelect label={t('documents.fields.ownerId')} data={[none, ...(members.data?.items ?? []).map((m) => ({ value: m.userId, label: m.name }))]} {...nullable('ownerId')} data-testid="document-owner" />
              <TextInput type="date" label={t('documents.fields.nextReviewOn')} {...nullable('nextReviewOn')} data-testid="document-review" />
              <NumberInput label={t('documents.fields.approvalQuorum')} min={1} max={MAX_APPROVAL_QUORUM} {...form.getInputProps('approvalQuorum')} data-testid="document-quorum" />
            </SimpleGrid>
            <Textarea label={t('documents.fields.text')} description={t('documents.textHelp')} autosize minRows={8} {...form.getInputProps('text')} data-testid="document-text" />
            <Group justify="flex-end">
              <Button type="submit" loading={create.isPending} data-testid="document-create">
                {t('documents.create')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Card>
    </Stack>
  );
}

function VersionText({ tenantId, documentId, version }: { tenantId: string; documentId: string; version: number }) {
  const text = useVersionText(tenantId, documentId, version);
  if (text.isPending) return <Loading />;
  if (text.error) return <ErrorAlert error={text.error} />;
  // Shown as text, never as HTML: whatever the Markdown holds cannot run or restyle the page.
  return (
    <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid={`version-text-${version}`}>
      {text.data.text}
    </Text>
  );
}

function NewVersion({ tenantId, doc }: { tenantId: string; doc: TDocumentDetail }) {
  const { t } = useTranslation();
  const addText = useAddText(tenantId, doc.id);
  const uploadFile = useUploadVersion(tenantId, doc.id);
  const [text, setText] = useState('');
  const [note, setNote] = useState('');
  const [file, setFile] = useState<File | null>(null);
  return (
    <Card withBorder padding="lg">
      <Title order={2} size="h4" mb="xs">
        {t('documents.newVersion.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {t('documents.newVersion.intro')}
      </Text>
      <Stack gap="md">
        <ErrorAlert error={addText.error ?? uploadFile.error} />
        <Textarea label={t('documents.fields.text')} autosize minRows={6} value={text} onChange={(e) => setText(e.currentTarget.value)} data-testid="version-text-input" />
        <TextInput label={t('documents.fields.changeNote')} value={note} onChange={(e) => setNote(e.currentTarget.value)} data-testid="version-note" />
        <Group>
          <Button disabled={!text.trim()} loading={addText.isPending} onClick={() => addText.mutate({ text, changeNote: note }, { onSuccess: () => setText('') })} data-testid="version-add-text">
            {t('documents.newVersion.saveText')}
          </Button>
        </Group>
        <Group align="flex-end">
          <FileInput label={t('documents.newVersion.file')} value={file} onChange={setFile} clearable w={320} data-testid="version-file" />
          <Button variant="default" disabled={!file} loading={uploadFile.isPending} onClick={() => file && uploadFile.mutate(file, { onSuccess: () => setFile(null) })} data-testid="version-upload">
            {t('documents.newVersion.upload')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

function VersionCard({ tenantId, doc, v }: { tenantId: string; doc: TDocumentDetail; v: TDocumentVersion }) {
  const { t } = useTranslation();
  const format = useFormat();
  const move = useVersionMove(tenantId, doc.id);
  const [open, setOpen] = useState(v.version === doc.latestVersion);
  const a = v.abilities;
  return (
    <Card withBorder padding="lg" data-testid={`version-${v.version}`}>
      <Group justify="space-between" mb="xs">
        <Group gap="xs">
          <Title order={3} size="h5">
            {t('documents.versionN', { version: v.version })}
          </Title>
          <StatusBadge status={v.status} />
          <Text size="xs" c="dimmed">
            {t('documents.versionBy', { name: v.createdBy.name, date: format.dateTime(v.createdAt) })}
          </Text>
        </Group>
        <Group gap="xs">
          {a['documentVersion.submit'] && (
            <Button size="xs" loading={move.isPending} onClick={() => move.mutate({ version: v.version, move: 'submit' })} data-testid={`version-submit-${v.version}`}>
              {t('documents.actions.submit')}
            </Button>
          )}
          {a['documentVersion.approve'] && (
            <Button size="xs" color="teal" loading={move.isPending} onClick={() => move.mutate({ version: v.version, move: 'approve', body: { sha256: v.sha256, comment: '' } })} data-testid={`version-approve-${v.version}`}>
              {t('documents.actions.approve')}
            </Button>
          )}
          {a['documentVersion.publish'] && (
            <Button size="xs" color="green" loading={move.isPending} onClick={() => move.mutate({ version: v.version, move: 'publish' })} data-testid={`version-publish-${v.version}`}>
              {t('documents.actions.publish')}
            </Button>
          )}
        </Group>
      </Group>
      <ErrorAlert error={move.error} />
      <Text size="xs">
        SHA-256 <Code data-testid={`version-sha-${v.version}`}>{v.sha256}</Code> · {t('documents.bytes', { size: format.number(v.size) })}
        {v.changeNote ? ` · ${v.changeNote}` : ''}
      </Text>
      {v.status === 'in_review' && (
        <Text size="sm" mt="xs" data-testid={`version-quorum-${v.version}`}>
          {t('documents.quorum', { count: v.approvals.length, quorum: doc.approvalQuorum })}
        </Text>
      )}
      {v.approvals.length > 0 && (
        <Table mt="sm" data-testid={`version-approvals-${v.version}`}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('documents.approvals.who')}</Table.Th>
              <Table.Th>{t('documents.approvals.when')}</Table.Th>
              <Table.Th>{t('documents.approvals.hash')}</Table.Th>
              <Table.Th>{t('documents.approvals.comment')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {v.approvals.map((ap) => (
              <Table.Tr key={ap.approver.id}>
                <Table.Td>{ap.approver.name}</Table.Td>
                <Table.Td>{format.dateTime(ap.approvedAt)}</Table.Td>
                <Table.Td>
                  <Code>{ap.sha256.slice(0, 16)}…</Code>
                </Table.Td>
                <Table.Td>{ap.comment || t('common.none')}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Group mt="sm" gap="xs">
        {v.contentKind === 'text' ? (
          <Button size="xs" variant="subtle" onClick={() => setOpen(!open)} data-testid={`version-toggle-${v.version}`}>
            {open ? t('documents.hideText') : t('documents.showText')}
          </Button>
        ) : (
          <Text size="sm">{v.filename}</Text>
        )}
        <Anchor size="sm" href={contentUrl(tenantId, doc.id, v.version)} data-testid={`version-download-${v.version}`}>
          {t('documents.download')}
        </Anchor>
      </Group>
      {v.contentKind === 'text' && open && (
        <Card withBorder mt="sm" padding="md">
          <VersionText tenantId={tenantId} documentId={doc.id} version={v.version} />
        </Card>
      )}
    </Card>
  );
}

/** One document: its details, its versions with their approvals, and the next step the person may take. */
export function DocumentPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { tenant, can } = useTenantContext();
  const { documentId = '' } = useParams();
  const doc = useDocument(tenant.id, documentId);
  if (!can('document.read')) return <NoAccess />;
  if (doc.isPending) return <Loading />;
  if (doc.error) return <ErrorAlert error={doc.error} />;
  const d = doc.data;
  const lang = format.locale === 'fr' ? 'fr' : 'en';
  const item = MANDATORY_ITEMS.find((i) => i.key === d.mandatoryItem);
  return (
    <Stack gap="xl">
      <Anchor component={Link} to={`/t/${tenant.id}/documents`} size="sm">
        ← {t('documents.back')}
      </Anchor>
      <PageHeader title={d.title} description={d.description || undefined} actions={<StatusBadge status={d.status} />} />
      <Card withBorder padding="lg">
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
          <Field label={t('documents.fields.type')} value={t(`documents.type.${d.type}`)} />
          <Field label={t('documents.fields.kind')} value={t(`documents.kind.${d.kind}`)} />
          <Field label={t('documents.fields.mandatoryItem')} value={item ? `${item.clause} — ${item.label[lang]}` : t('common.none')} />
          <Field label={t('documents.fields.ownerId')} value={d.owner?.name ?? t('common.none')} />
          <Field label={t('documents.fields.nextReviewOn')} value={format.date(day(d.nextReviewOn)) ?? t('common.none')} testId="document-next-review" />
          <Field label={t('documents.fields.approvalQuorum')} value={format.number(d.approvalQuorum)} />
          <Field label={t('documents.fields.publishedVersion')} value={d.publishedVersion ? format.number(d.publishedVersion) : t('common.none')} testId="document-published" />
          <Field label={t('documents.fields.requirements')} value={d.requirements.map((r) => `${r.ref} ${r.title[lang]}`).join(' · ') || t('common.none')} />
        </SimpleGrid>
        {d.reviewOverdue && (
          <Alert color="orange" mt="md" data-testid="document-review-overdue">
            {t('documents.reviewOverdue')}
          </Alert>
        )}
        {d.abilities['document.update'] && <ReviewDate key={d.nextReviewOn ?? ''} tenantId={tenant.id} doc={d} />}
        {d.soleMember && (
          <Text size="xs" c="dimmed" mt="md">
            {t('documents.soleMember')}
          </Text>
        )}
      </Card>
      {d.abilities['document.addVersion'] && <NewVersion tenantId={tenant.id} doc={d} />}
      <Stack gap="md">
        <Title order={2} size="h4">
          {t('documents.versions')}
        </Title>
        {d.versions.length === 0 && <Text size="sm">{t('documents.noVersion')}</Text>}
        {d.versions.map((v) => (
          <VersionCard key={v.version} tenantId={tenant.id} doc={d} v={v} />
        ))}
      </Stack>
    </Stack>
  );
}

/** The next review date, changed in place: a new date arms the overdue reminder again. */
function ReviewDate({ tenantId, doc }: { tenantId: string; doc: TDocumentDetail }) {
  const { t } = useTranslation();
  const update = useUpdateDocument(tenantId, doc.id);
  const [date, setDate] = useState(doc.nextReviewOn ?? '');
  return (
    <Group align="flex-end" mt="md">
      <TextInput type="date" label={t('documents.fields.nextReviewOn')} value={date} onChange={(e) => setDate(e.currentTarget.value)} data-testid="document-review-edit" />
      <Button variant="default" loading={update.isPending} disabled={date === (doc.nextReviewOn ?? '')} onClick={() => update.mutate({ nextReviewOn: date || null })} data-testid="document-review-save">
        {t('documents.saveReview')}
      </Button>
      <ErrorAlert error={update.error} />
    </Group>
  );
}

function Field({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" data-testid={testId}>
        {value}
      </Text>
    </div>
  );
}

import { Accordion, Alert, Badge, Button, Card, Code, Group, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { zod4Resolver } from 'mantine-form-zod-resolver';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SOC2_DESCRIPTION_SECTIONS, type TSoc2DescriptionSection } from '../../../shared/contracts/soc2';
import { SOC2_DESCRIPTION_TEXT_MAX, ZSaveSoc2DescriptionBody, ZSignOffSoc2DescriptionBody, type TSoc2Description, type TSoc2DescriptionVersion } from '../../../shared/contracts/soc2-descriptions';
import type { TOrgSoc2Examination } from '../../../shared/contracts/soc2-examinations';
import { ConfirmButton } from '../../components/ConfirmButton';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { notifySuccess } from '../../lib/errors';
import { useFormat } from '../../lib/format';
import { useContractForm, useServerErrors } from '../../lib/forms';
import { useMe } from '../auth/api';
import { useDescription, useSaveDescription, useSignOffDescription } from './api';
import { DescriptionStateBadge } from './Soc2Bits';

/** Every part management writes: the DC 200 sections in their fixed order, then the assertion. */
const PARTS = [...SOC2_DESCRIPTION_SECTIONS, 'assertion'] as const;
type TPart = TSoc2DescriptionSection | 'assertion';
type TValues = { sections: Record<TSoc2DescriptionSection, string>; assertion: string };

const valuesOf = (v: TSoc2DescriptionVersion | null): TValues => ({
  sections: Object.fromEntries(SOC2_DESCRIPTION_SECTIONS.map((s) => [s, v?.sections[s] ?? ''])) as TValues['sections'],
  assertion: v?.assertion ?? '',
});
const textOf = (v: TSoc2DescriptionVersion, part: TPart) => (part === 'assertion' ? v.assertion : (v.sections[part] ?? ''));

/**
 * Management's system description: the current draft in an editor (or the signed-off version read
 * only, with a way to start the next one from its text), management's sign-off of the saved draft
 * bound to its SHA-256, and every version so far.
 */
export function DescriptionTab({ tenantId, organizationName, exam }: { tenantId: string; organizationName: string; exam: TOrgSoc2Examination }) {
  const { t } = useTranslation();
  const description = useDescription(tenantId, exam.id);
  const [startNew, setStartNew] = useState(false);
  if (description.isPending) return <Loading />;
  if (description.error) return <ErrorAlert error={description.error} />;
  const d = description.data;
  const latest = d.versions[0] ?? null;
  const draft = latest?.state === 'draft' ? latest : null;
  const canWrite = d.abilities['soc2Description.write'];
  const editing = canWrite && (draft !== null || latest === null || startNew);
  return (
    <Stack gap="lg" data-testid="soc2-description">
      <Text size="sm" c="dimmed">
        {t('soc2Programme.description.intro')}
      </Text>
      {!canWrite && <Alert color="gray" variant="light">{t('soc2Programme.description.readOnly')}</Alert>}
      {editing ? (
        <DescriptionEditor
          key={`${draft?.id ?? 'new'}:${draft?.updatedAt ?? latest?.id ?? ''}`}
          tenantId={tenantId}
          exam={exam}
          base={draft ?? latest}
          draft={draft}
          signed={d.versions.find((v) => v.state === 'signed_off') ?? null}
          description={d} organizationName={organizationName} onSaved={() => setStartNew(false)} />
      ) : latest ? (
        <Card withBorder padding="lg" data-testid="soc2-description-current">
          <Group justify="space-between" align="flex-start" mb="sm">
            <VersionStatus version={latest} />
            {canWrite && (
              <Stack gap={4} align="flex-end" maw={360}>
                <Button variant="light" onClick={() => setStartNew(true)} data-testid="soc2-description-new-version">
                  {t('soc2Programme.description.newVersion')}
                </Button>
                <Text size="xs" c="dimmed" ta="right">
                  {t('soc2Programme.description.newVersionHint')}
                </Text>
              </Stack>
            )}
          </Group>
          <VersionText version={latest} />
        </Card>
      ) : (
        <Text c="dimmed">{t('soc2Programme.description.notStarted')}</Text>
      )}
      <VersionHistory versions={d.versions} />
    </Stack>
  );
}

function VersionStatus({ version: v }: { version: TSoc2DescriptionVersion }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Group gap="sm" wrap="nowrap" align="center">
      <DescriptionStateBadge value={v.state} />
      <Text size="sm" data-testid="soc2-description-status">
        {v.signedOff
          ? t('soc2Programme.description.signedOf', { version: v.version, at: format.dateTime(v.signedOff.at), name: v.signedOff.name, title: v.signedOff.title })
          : t('soc2Programme.description.draftOf', { version: v.version, at: format.dateTime(v.updatedAt), name: v.updatedBy?.name ?? t('common.none') })}
      </Text>
    </Group>
  );
}

function VersionText({ version }: { version: TSoc2DescriptionVersion }) {
  const { t } = useTranslation();
  return (
    <Stack gap="md">
      {PARTS.map((part) => (
        <div key={part} data-testid={`soc2-description-text-${part}`}>
          <Text fw={600} size="sm">
            {t(`soc2Programme.description.section.${part}.label`)}
          </Text>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} c={textOf(version, part).trim() ? undefined : 'dimmed'}>
            {textOf(version, part).trim() ? textOf(version, part) : t('soc2Programme.description.empty')}
          </Text>
        </div>
      ))}
    </Stack>
  );
}

function DescriptionEditor({
  tenantId,
  exam,
  base,
  draft,
  signed,
  description,
  organizationName,
  onSaved,
}: {
  tenantId: string;
  exam: TOrgSoc2Examination;
  base: TSoc2DescriptionVersion | null;
  draft: TSoc2DescriptionVersion | null;
  signed: TSoc2DescriptionVersion | null;
  description: TSoc2Description;
  organizationName: string;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const save = useSaveDescription(tenantId, exam.id);
  // The sections are nested, so the contract validates the whole body; each field's limit is set by hand.
  const form = useForm<TValues>({ initialValues: valuesOf(base), validate: zod4Resolver(ZSaveSoc2DescriptionBody) });
  const formError = useServerErrors(form, save.error);
  const dirty = form.isDirty();
  const values = form.getValues();
  // Against the version in force, so management sees what its sign-off would change.
  const changed = (part: TPart) => signed !== null && (part === 'assertion' ? values.assertion : values.sections[part]) !== textOf(signed, part);
  const field = (part: TPart) => (
    <Textarea
      key={part}
      label={
        <Group gap="xs" component="span">
          <span>{t(`soc2Programme.description.section.${part}.label`)}</span>
          {changed(part) && (
            <Badge size="xs" variant="light" color="yellow" data-testid={`soc2-description-changed-${part}`}>
              {t('soc2Programme.description.changedSince', { version: signed!.version })}
            </Badge>
          )}
        </Group>
      }
      description={t(`soc2Programme.description.section.${part}.help`)}
      autosize
      minRows={part === 'assertion' ? 4 : 3}
      maxRows={20}
      maxLength={SOC2_DESCRIPTION_TEXT_MAX}
      {...form.getInputProps(part === 'assertion' ? 'assertion' : `sections.${part}`)}
      data-testid={`soc2-description-${part}`}
    />
  );
  return (
    <Stack gap="lg">
      <Card
        withBorder
        padding="lg"
        component="form"
        onSubmit={form.onSubmit((v) =>
          save.mutate(v, {
            onSuccess: () => {
              notifySuccess(t('soc2Programme.description.saved'));
              onSaved();
            },
          }),
        )}
        data-testid="soc2-description-form"
      >
        {draft && (
          <div style={{ marginBottom: 'var(--mantine-spacing-sm)' }}>
            <VersionStatus version={draft} />
          </div>
        )}
        {formError ? <ErrorAlert error={formError} /> : null}
        <Stack gap="md">
          {PARTS.map(field)}
          <Group>
            <Button type="submit" loading={save.isPending} disabled={!dirty && draft !== null} data-testid="soc2-description-save">
              {t('soc2Programme.description.save')}
            </Button>
            {dirty && (
              <Button variant="subtle" color="gray" onClick={() => form.reset()} data-testid="soc2-description-discard">
                {t('soc2Programme.description.discard')}
              </Button>
            )}
          </Group>
        </Stack>
      </Card>
      {draft && description.abilities['soc2Description.signOff'] && <SignOff tenantId={tenantId} exam={exam} draft={draft} dirty={dirty} organizationName={organizationName} />}
    </Stack>
  );
}

/** The sign-off names the saved draft's SHA-256: the server refuses it if the draft changed since it was shown. */
function SignOff({ tenantId, exam, draft, dirty, organizationName }: { tenantId: string; exam: TOrgSoc2Examination; draft: TSoc2DescriptionVersion; dirty: boolean; organizationName: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const me = useMe();
  const signOff = useSignOffDescription(tenantId, exam.id);
  const form = useContractForm<{ name: string; title: string }>(ZSignOffSoc2DescriptionBody.omit({ contentSha256: true }), { name: me.data?.user.name ?? '', title: '' });
  const formError = useServerErrors(form, signOff.error);
  const myName = me.data?.user.name ?? '';
  useEffect(() => {
    if (myName && !form.getValues().name) form.setFieldValue('name', myName);
  }, [myName]);
  const missing = PARTS.filter((p) => !textOf(draft, p).trim());
  const { name, title } = form.getValues();
  const ready = !dirty && missing.length === 0 && name.trim() !== '' && title.trim() !== '';
  return (
    <Card withBorder padding="lg" data-testid="soc2-signoff">
      <Title order={3} size="h4" mb={4}>
        {t('soc2Programme.description.signOff.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('soc2Programme.description.signOff.hint')}
      </Text>
      {formError ? <ErrorAlert error={formError} /> : null}
      <Stack gap="sm">
        {dirty && (
          <Alert color="yellow" variant="light" data-testid="soc2-signoff-unsaved">
            {t('soc2Programme.description.unsaved')}
          </Alert>
        )}
        {missing.length > 0 && (
          <Alert color="yellow" variant="light" data-testid="soc2-signoff-missing">
            {t('soc2Programme.description.missing', { parts: missing.map((p) => t(`soc2Programme.description.section.${p}.label`)).join(', ') })}
          </Alert>
        )}
        <Group grow align="flex-start">
          <TextInput label={t('soc2Programme.description.signOff.name')} {...form.getInputProps('name')} data-testid="soc2-signoff-name" />
          <TextInput label={t('soc2Programme.description.signOff.role')} placeholder={t('soc2Programme.description.signOff.roleHint')} {...form.getInputProps('title')} data-testid="soc2-signoff-title" />
        </Group>
        <Group>
          <ConfirmButton
            color="teal"
            disabled={!ready}
            loading={signOff.isPending}
            title={t('soc2Programme.description.signOff.confirmTitle')}
            message={
              <Stack gap="xs" component="span" data-testid="soc2-signoff-message">
                <span>{t('soc2Programme.description.signOff.confirmMessage', { organization: organizationName, version: draft.version, reference: exam.reference, at: format.dateTime(draft.updatedAt) })}</span>
                <span>
                  {t('soc2Programme.description.signOff.confirmSha')}{' '}
                  <Code data-testid="soc2-signoff-sha" style={{ wordBreak: 'break-all' }}>
                    {draft.contentSha256}
                  </Code>
                </span>
              </Stack>
            }
            confirmLabel={t('soc2Programme.description.signOff.confirm')}
            onConfirm={() =>
              signOff.mutate({ name: name.trim(), title: title.trim(), contentSha256: draft.contentSha256 }, { onSuccess: () => notifySuccess(t('soc2Programme.description.signOff.done', { version: draft.version })) })
            }
            data-testid="soc2-signoff-button"
          >
            {t('soc2Programme.description.signOff.button', { version: draft.version })}
          </ConfirmButton>
        </Group>
      </Stack>
    </Card>
  );
}

function VersionHistory({ versions }: { versions: TSoc2DescriptionVersion[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (versions.length === 0) return null;
  return (
    <Card withBorder padding="lg" data-testid="soc2-description-history">
      <Title order={3} size="h4" mb="sm">
        {t('soc2Programme.description.history.title')}
      </Title>
      <Accordion variant="separated" chevronPosition="left">
        {versions.map((v) => (
          <Accordion.Item key={v.id} value={v.id} data-testid={`soc2-description-version-${v.version}`} data-state={v.state}>
            <Accordion.Control>
              <Group gap="sm" wrap="wrap">
                <Text fw={600} size="sm">
                  {t('soc2Programme.description.history.version', { version: v.version })}
                </Text>
                <DescriptionStateBadge value={v.state} />
                <Text size="sm" c="dimmed">
                  {v.signedOff
                    ? t('soc2Programme.description.history.signed', { at: format.dateTime(v.signedOff.at), name: v.signedOff.name, title: v.signedOff.title })
                    : t('soc2Programme.description.history.saved', { at: format.dateTime(v.updatedAt), name: v.updatedBy?.name ?? t('common.none') })}
                </Text>
              </Group>
            </Accordion.Control>
            <Accordion.Panel>
              <Group gap="xs" mb="sm" wrap="nowrap">
                <Badge variant="outline" color="gray">
                  {t('soc2Programme.description.history.sha')}
                </Badge>
                <Code style={{ wordBreak: 'break-all' }}>{v.contentSha256}</Code>
              </Group>
              <VersionText version={v} />
            </Accordion.Panel>
          </Accordion.Item>
        ))}
      </Accordion>
    </Card>
  );
}

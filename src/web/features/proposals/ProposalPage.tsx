import { Anchor, Button, Card, Group, Modal, NativeSelect, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { NoAccess } from '../../components/NoAccess';
import { PageHeader } from '../../components/PageHeader';
import { notifySuccess } from '../../lib/errors';
import { useFormat } from '../../lib/format';
import type { TLocale } from '../../../shared/contracts/common';
import type { TProposal } from '../../../shared/contracts/proposals';
import { useTenantContext } from '../tenants/TenantRoute';
import { proposalDocumentUrl, useProposal, useSendProposal, useUpdateProposal, useWithdrawProposal } from './api';
import { Soc2Terms } from './Soc2ProposalParts';
import { AuditTimeJustification, fromLine, LinesEditor, LinesTable, ProposalStateBadge, toLineInput, TotalsTable, type TEditLine } from './ProposalParts';

function Fact({ label, children, testId }: { label: string; children: React.ReactNode; testId?: string }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" data-testid={testId}>
        {children}
      </Text>
    </Stack>
  );
}

/** A draft's editable part: lines, validity, language, recipient. An issued proposal is never changed. */
function DraftEditor({ p, tenantId }: { p: TProposal; tenantId: string }) {
  const { t } = useTranslation();
  const update = useUpdateProposal(tenantId, p.id);
  const [lines, setLines] = useState<TEditLine[]>(p.lines.map(fromLine));
  const [validUntil, setValidUntil] = useState(p.validUntil);
  const [locale, setLocale] = useState<TLocale>(p.locale);
  const [recipientName, setRecipientName] = useState(p.recipientName);
  const [recipientEmail, setRecipientEmail] = useState(p.recipientEmail ?? '');
  const save = () =>
    update.mutate(
      { lines: lines.map(toLineInput), validUntil, locale, recipientName, ...(recipientEmail ? { recipientEmail } : {}) },
      { onSuccess: () => notifySuccess(t('proposals.page.saved')) },
    );
  return (
    <Card withBorder padding="lg">
      <Title order={2} size="h4" mb="md">
        {t('proposals.page.lines')}
      </Title>
      <LinesEditor value={lines} onChange={setLines} currency={p.currency} />
      <SimpleGrid cols={{ base: 1, sm: 4 }} mt="lg">
        <TextInput type="date" label={t('proposals.fields.validUntil')} value={validUntil} onChange={(e) => setValidUntil(e.currentTarget.value)} data-testid="proposal-valid-until" />
        <NativeSelect label={t('proposals.fields.locale')} value={locale} onChange={(e) => setLocale(e.currentTarget.value as TLocale)} data={(['en', 'fr'] as const).map((l) => ({ value: l, label: t(`language.name.${l}`) }))} data-testid="proposal-locale" />
        <TextInput label={t('proposals.fields.recipientName')} value={recipientName} onChange={(e) => setRecipientName(e.currentTarget.value)} maxLength={160} data-testid="proposal-recipient-name" />
        <TextInput type="email" label={t('proposals.fields.recipientEmail')} value={recipientEmail} onChange={(e) => setRecipientEmail(e.currentTarget.value)} maxLength={254} data-testid="proposal-recipient-email" />
      </SimpleGrid>
      <ErrorAlert error={update.error} />
      <Group mt="lg">
        <Button onClick={save} loading={update.isPending} data-testid="proposal-save">
          {t('proposals.page.save')}
        </Button>
      </Group>
    </Card>
  );
}

function SendButton({ p, tenantId }: { p: TProposal; tenantId: string }) {
  const { t } = useTranslation();
  const send = useSendProposal(tenantId, p.id);
  const [opened, { open, close }] = useDisclosure(false);
  return (
    <>
      <Button onClick={open} data-testid="proposal-send">
        {t('proposals.page.send')}
      </Button>
      <Modal opened={opened} onClose={close} title={t('proposals.page.sendTitle')} closeButtonProps={{ 'aria-label': t('common.close') }}>
        <Stack>
          <Text size="sm">{t('proposals.page.sendConfirm', { email: p.recipientEmail ?? t('common.none'), language: t(`language.name.${p.locale}`) })}</Text>
          <ErrorAlert error={send.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button
              loading={send.isPending}
              onClick={() =>
                send.mutate(
                  {},
                  {
                    onSuccess: (r) => {
                      close();
                      notifySuccess(t('proposals.page.sent', { email: r.recipientEmail ?? '' }));
                    },
                  },
                )
              }
              data-testid="proposal-send-confirm"
            >
              {t('proposals.page.send')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

function WithdrawButton({ p, tenantId }: { p: TProposal; tenantId: string }) {
  const { t } = useTranslation();
  const withdraw = useWithdrawProposal(tenantId, p.id);
  const [opened, { open, close }] = useDisclosure(false);
  const [reason, setReason] = useState('');
  return (
    <>
      <Button color="red" variant="light" onClick={open} data-testid="proposal-withdraw">
        {t('proposals.page.withdraw')}
      </Button>
      <Modal opened={opened} onClose={close} title={t('proposals.page.withdrawTitle')} closeButtonProps={{ 'aria-label': t('common.close') }}>
        <Stack>
          <Textarea label={t('proposals.page.withdrawReason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} maxLength={2000} autosize minRows={2} data-testid="proposal-withdraw-reason" />
          <ErrorAlert error={withdraw.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button color="red" loading={withdraw.isPending} onClick={() => withdraw.mutate(reason, { onSuccess: close })} data-testid="proposal-withdraw-confirm">
              {t('proposals.page.withdraw')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

/** One proposal: its lines and totals (edited while a draft), the audit-time justification, the PDF, and its answer. */
export function ProposalPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { proposalId = '' } = useParams();
  const { tenant, can } = useTenantContext();
  const proposal = useProposal(tenant.id, proposalId);
  if (!can('proposal.read')) return <NoAccess />;
  if (proposal.isPending) return <Loading />;
  if (proposal.error) return <ErrorAlert error={proposal.error} />;
  const p = proposal.data;
  const draft = p.state === 'draft';
  const editable = draft && p.abilities['proposal.update'];
  const day = (d: string) => format.date(`${d}T12:00:00Z`);
  return (
    <Stack gap="xl">
      <PageHeader
        title={`${p.reference} — ${p.client.legalName}`}
        description={t('proposals.page.subtitle')}
        actions={
          <Group>
            {draft ? (
              <>
                <Button component="a" variant="default" href={proposalDocumentUrl(tenant.id, p.id, 'en')} data-testid="proposal-preview-en">
                  {t('proposals.page.previewEn')}
                </Button>
                <Button component="a" variant="default" href={proposalDocumentUrl(tenant.id, p.id, 'fr')} data-testid="proposal-preview-fr">
                  {t('proposals.page.previewFr')}
                </Button>
              </>
            ) : (
              <Button component="a" variant="default" href={proposalDocumentUrl(tenant.id, p.id)} data-testid="proposal-download">
                {t('proposals.page.download')}
              </Button>
            )}
            {p.abilities['proposal.send'] && <SendButton p={p} tenantId={tenant.id} />}
            {p.abilities['proposal.withdraw'] && <WithdrawButton p={p} tenantId={tenant.id} />}
          </Group>
        }
      />
      <Card withBorder padding="lg">
        <SimpleGrid cols={{ base: 1, sm: 4 }} spacing="lg">
          <Fact label={t('proposals.fields.state')}>
            <ProposalStateBadge state={p.state} />
          </Fact>
          <Fact label={t('proposals.fields.client')}>
            <Anchor component={Link} to={`/t/${tenant.id}/clients/${p.client.id}`} data-testid="proposal-client">
              {p.client.reference} — {p.client.legalName}
            </Anchor>
          </Fact>
          <Fact label={t('proposals.fields.validUntil')} testId="proposal-valid-until-value">
            {day(p.validUntil)}
          </Fact>
          <Fact label={t('proposals.fields.locale')}>{t(`language.name.${p.locale}`)}</Fact>
          <Fact label={t('proposals.fields.recipient')}>{[p.recipientName, p.recipientEmail].filter(Boolean).join(' — ') || t('common.none')}</Fact>
          <Fact label={t('proposals.fields.createdBy')}>{[p.createdBy?.name, format.dateTime(p.createdAt)].filter(Boolean).join(' — ')}</Fact>
          {p.sent && (
            <Fact label={t('proposals.fields.sentAt')} testId="proposal-sent">
              {t('proposals.page.sentBy', { at: format.dateTime(p.sent.at), by: p.sent.by?.name ?? t('audit.someone') })}
            </Fact>
          )}
          {p.sent && <Fact label={t('proposals.fields.sha256')}>{p.sent.documentSha256.slice(0, 16)}…</Fact>}
        </SimpleGrid>
        {p.acceptance && (
          <Text size="sm" mt="lg" data-testid="proposal-acceptance">
            {t('proposals.page.accepted', { at: format.dateTime(p.acceptance.at), by: p.acceptance.by.name, email: p.acceptance.by.email, organization: p.acceptance.organizationName, ip: p.acceptance.ip ?? t('common.none') })}
          </Text>
        )}
        {/* A SOC 2 acceptance opened an engagement and its first examination: the firm's way in is its list of examinations. */}
        {p.acceptance && p.soc2 && can('soc2Examination.read') && (
          <Anchor component={Link} to={`/t/${tenant.id}/soc2-examinations?engagementId=${p.acceptance.engagementId}`} size="sm" mt="xs" display="block" data-testid="proposal-soc2-examinations">
            {t('soc2Report.engagement.link')} →
          </Anchor>
        )}
        {p.decline && (
          <Text size="sm" mt="lg" data-testid="proposal-decline">
            {t('proposals.page.declined', { at: format.dateTime(p.decline.at), by: p.decline.by?.name ?? t('audit.someone'), reason: p.decline.reason })}
          </Text>
        )}
        {p.withdrawal && (
          <Text size="sm" mt="lg" data-testid="proposal-withdrawal">
            {t('proposals.page.withdrawn', { at: format.dateTime(p.withdrawal.at), by: p.withdrawal.by?.name ?? t('audit.someone'), reason: p.withdrawal.reason })}
          </Text>
        )}
      </Card>
      {p.soc2 ? (
        <Card withBorder padding="lg">
          <Soc2Terms terms={p.soc2} />
        </Card>
      ) : editable ? (
        <DraftEditor key={p.id} p={p} tenantId={tenant.id} />
      ) : (
        <Card withBorder padding="lg">
          <Title order={2} size="h4" mb="md">
            {t('proposals.page.lines')}
          </Title>
          <LinesTable lines={p.lines} currency={p.currency} />
          <Title order={3} size="h5" mt="lg" mb="sm">
            {t('proposals.document.totalsHeading')}
          </Title>
          <TotalsTable totals={p.totals} currency={p.currency} />
        </Card>
      )}
      {!p.soc2 && (
        <Card withBorder padding="lg">
          <Title order={2} size="h4" mb="md">
            {t('proposals.document.auditTimeHeading')}
          </Title>
          <AuditTimeJustification auditTime={p.auditTime} />
        </Card>
      )}
    </Stack>
  );
}

import { Alert, Anchor, Button, Divider, Group, Radio, SegmentedControl, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { CurrentPasswordInput, NewPasswordFields, withNewPassword } from '../../components/PasswordFields';
import { useContractForm, useServerErrors } from '../../lib/forms';
import { ZEmail, ZName } from '../../../shared/contracts/common';
import { PublicShell } from '../../layout/PublicShell';
import { isApiError } from '../../lib/api';
import { useFormat } from '../../lib/format';
import type { TPublicProposal } from '../../../shared/contracts/proposals';
import { useLogin, useLogout, useMe } from '../auth/api';
import { useTenants } from '../tenants/api';
import { publicDocumentUrl, useAcceptProposal, useDeclineProposal, useProposalSignUp, usePublicProposal } from './api';
import { AuditTimeJustification, LinesTable, TotalsTable, useMoney } from './ProposalParts';
import { Soc2Terms } from './Soc2ProposalParts';

const ZSignUpForm = withNewPassword({ email: ZEmail, name: ZName });

/** Sign in, or create an account for the address the proposal was sent to; both come back here. */
function Identify({ p, token }: { p: TPublicProposal; token: string }) {
  const { t, i18n } = useTranslation();
  const [mode, setMode] = useState<'signIn' | 'signUp'>('signUp');
  const login = useLogin();
  const signUp = useProposalSignUp(token);
  const [email, setEmail] = useState(p.recipientEmail ?? '');
  const [password, setPassword] = useState('');
  const [mfaCode, setMfaCode] = useState('');
  const [mfaStep, setMfaStep] = useState(false);
  const submitSignIn = (e: React.FormEvent) => {
    e.preventDefault();
    login.mutate(
      { email: email.trim(), password, mfaCode: mfaStep ? mfaCode.replace(/\s+/g, '') : undefined },
      {
        onSuccess: (r) => {
          if (r.status === 'mfa_required') {
            setMfaStep(true);
            login.reset();
          }
        },
      },
    );
  };
  const form = useContractForm(ZSignUpForm, { email: p.recipientEmail ?? '', name: '', password: '', confirm: '' });
  const unplaced = useServerErrors(form, signUp.error);
  const submitSignUp = form.onSubmit(({ email: address, name, password: secret }) =>
    signUp.mutate({ email: address.trim(), name: name.trim(), password: secret, locale: i18n.resolvedLanguage === 'fr' ? 'fr' : 'en' }),
  );
  return (
    <Stack gap="md" data-testid="proposal-identify">
      <Title order={2} size="h4">
        {t('proposals.accept.identifyTitle')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('proposals.accept.identifyIntro')}
      </Text>
      <SegmentedControl
        value={mode}
        onChange={(v) => setMode(v as 'signIn' | 'signUp')}
        data={[
          { value: 'signUp', label: t('proposals.accept.signUpTab') },
          { value: 'signIn', label: t('proposals.accept.signInTab') },
        ]}
        data-testid="proposal-identify-mode"
      />
      {mode === 'signIn' ? (
        <form onSubmit={submitSignIn}>
          <Stack gap="sm">
            {isApiError(login.error, 401) ? (
              <Text c="red" size="sm" role="alert" data-testid="proposal-login-error">
                {mfaStep ? t('auth.login.invalidCode') : t('auth.login.invalidCredentials')}
              </Text>
            ) : (
              <ErrorAlert error={login.error} />
            )}
            {mfaStep ? (
              <TextInput label={t('auth.login.mfaCode')} description={t('auth.login.mfaCodeHelp')} value={mfaCode} onChange={(e) => setMfaCode(e.currentTarget.value)} autoComplete="one-time-code" required data-testid="proposal-login-mfa" />
            ) : (
              <>
                <TextInput type="email" label={t('fields.email')} value={email} onChange={(e) => setEmail(e.currentTarget.value)} autoComplete="username" required data-testid="proposal-login-email" />
                <CurrentPasswordInput value={password} onChange={(e) => setPassword(e.currentTarget.value)} required data-testid="proposal-login-password" />
              </>
            )}
            <Group>
              <Button type="submit" loading={login.isPending} data-testid="proposal-login-submit">
                {mfaStep ? t('auth.login.verify') : t('auth.login.submit')}
              </Button>
              <Anchor component={Link} to="/forgot-password" size="sm">
                {t('auth.login.forgot')}
              </Anchor>
            </Group>
          </Stack>
        </form>
      ) : (
        <form onSubmit={submitSignUp}>
          <Stack gap="sm">
            <Text size="sm">{t('proposals.accept.signUpIntro')}</Text>
            <ErrorAlert error={unplaced} />
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput label={t('fields.name')} autoComplete="name" {...form.getInputProps('name')} data-testid="proposal-signup-name" />
              <TextInput label={t('fields.email')} autoComplete="email" {...form.getInputProps('email')} data-testid="proposal-signup-email" />
            </SimpleGrid>
            <NewPasswordFields form={form} testIds={{ password: 'proposal-signup-password', confirm: 'proposal-signup-confirm' }} />
            <Group>
              <Button type="submit" loading={signUp.isPending} data-testid="proposal-signup-submit">
                {t('proposals.accept.signUpSubmit')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Stack>
  );
}

/** Signed in: pick an organization the person owns or administers, or found one; then accept, or decline with a reason. */
function Answer({ p, token }: { p: TPublicProposal; token: string }) {
  const { t } = useTranslation();
  const me = useMe();
  const tenants = useTenants();
  const logout = useLogout(`/proposal/${token}`);
  const accept = useAcceptProposal(token);
  const decline = useDeclineProposal(token);
  const [choice, setChoice] = useState<string>('');
  const [orgName, setOrgName] = useState(p.clientName);
  const [declining, setDeclining] = useState(false);
  const [reason, setReason] = useState('');
  if (tenants.isPending) return <Loading />;
  const mine = (tenants.data?.items ?? []).filter((x) => x.kind === 'organization' && (x.role === 'owner' || x.role === 'admin'));
  const selected = choice || (mine[0]?.id ?? 'new');
  if (accept.isSuccess) {
    return (
      <Alert color="teal" variant="light" title={t('proposals.accept.acceptedTitle')} data-testid="proposal-accepted">
        <Stack gap="xs">
          <Text size="sm">{t('proposals.accept.acceptedText', { body: p.bodyName })}</Text>
          {accept.data.examinationId && (
            <Text size="sm" data-testid="proposal-accepted-soc2">
              {t('proposals.soc2.acceptedText', { body: p.bodyName })}
            </Text>
          )}
          <Anchor component={Link} to={`/t/${accept.data.organizationTenantId}/certification/${accept.data.engagementId}`} data-testid="proposal-open-engagement">
            {t('proposals.accept.openEngagement')}
          </Anchor>
        </Stack>
      </Alert>
    );
  }
  if (decline.isSuccess) {
    return (
      <Alert color="gray" variant="light" title={t('proposals.accept.declinedTitle')} data-testid="proposal-declined">
        {t('proposals.accept.declinedText', { body: p.bodyName })}
      </Alert>
    );
  }
  return (
    <Stack gap="md" data-testid="proposal-answer">
      <Group justify="space-between">
        <Text size="sm" data-testid="proposal-signed-in-as">
          {t('proposals.accept.signedInAs', { name: me.data?.user.name ?? '', email: me.data?.user.email ?? '' })}
        </Text>
        <Button variant="subtle" size="xs" onClick={() => logout.mutate()}>
          {t('proposals.accept.switchAccount')}
        </Button>
      </Group>
      <Title order={2} size="h4">
        {t('proposals.accept.organizationTitle')}
      </Title>
      <Radio.Group value={selected} onChange={setChoice} name="organization">
        <Stack gap="xs">
          {mine.map((o) => (
            <Radio key={o.id} value={o.id} label={o.name} data-testid={`proposal-org-${o.name}`} />
          ))}
          <Radio value="new" label={t('proposals.accept.newOrganization')} data-testid="proposal-org-new" />
        </Stack>
      </Radio.Group>
      {selected === 'new' && <TextInput label={t('proposals.accept.organizationName')} value={orgName} onChange={(e) => setOrgName(e.currentTarget.value)} maxLength={160} data-testid="proposal-org-name" />}
      <Text size="sm" c="dimmed">
        {t('proposals.accept.acceptNotice', { body: p.bodyName })}
      </Text>
      <ErrorAlert error={accept.error ?? decline.error} />
      {declining ? (
        <Stack gap="sm">
          <Textarea label={t('proposals.accept.declineReason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} maxLength={2000} autosize minRows={2} data-testid="proposal-decline-reason" />
          <Group>
            <Button color="red" loading={decline.isPending} onClick={() => decline.mutate(reason)} data-testid="proposal-decline-confirm">
              {t('proposals.accept.decline')}
            </Button>
            <Button variant="default" onClick={() => setDeclining(false)}>
              {t('common.cancel')}
            </Button>
          </Group>
        </Stack>
      ) : (
        <Group>
          <Button loading={accept.isPending} onClick={() => accept.mutate(selected === 'new' ? { organizationName: orgName.trim() } : { organizationTenantId: selected })} data-testid="proposal-accept">
            {t('proposals.accept.accept')}
          </Button>
          <Button variant="default" color="red" onClick={() => setDeclining(true)} data-testid="proposal-decline">
            {t('proposals.accept.decline')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

/**
 * The proposal a certification body mailed, opened from its signed link (`/proposal/{token}`),
 * outside the app's shell and in the visitor's language. A link that is forged, withdrawn,
 * expired or already answered gets a plain page saying so.
 */
export function ProposalAcceptPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { token = '' } = useParams();
  const proposal = usePublicProposal(token);
  const me = useMe();
  const money = useMoney(proposal.data?.currency ?? 'EUR');
  if (proposal.isPending || me.isPending) {
    return (
      <PublicShell width={960}>
        <Loading />
      </PublicShell>
    );
  }
  if (proposal.error) {
    const invalid = isApiError(proposal.error, 404) || isApiError(proposal.error, 400);
    return (
      <PublicShell width={640}>
        {invalid ? (
          <Alert color="orange" variant="light" title={t('proposals.accept.invalidTitle')} data-testid="proposal-invalid">
            {t('proposals.accept.invalid')}
          </Alert>
        ) : (
          <ErrorAlert error={proposal.error} />
        )}
      </PublicShell>
    );
  }
  const p = proposal.data;
  const day = (d: string) => format.date(`${d}T12:00:00Z`);
  const closed: Partial<Record<TPublicProposal['state'], string>> = {
    accepted: t('proposals.accept.alreadyAccepted', { organization: p.organizationName ?? '', at: format.dateTime(p.acceptedAt) }),
    declined: t('proposals.accept.alreadyDeclined', { at: format.dateTime(p.declinedAt) }),
    withdrawn: t('proposals.accept.withdrawn', { body: p.bodyName }),
    expired: t('proposals.accept.expired', { date: day(p.validUntil), body: p.bodyName }),
  };
  return (
    <PublicShell width={960}>
      <Stack gap="lg">
        <Stack gap={4}>
          <Title order={1} size="h3" data-testid="proposal-title">
            {t('proposals.accept.title', { body: p.bodyName, reference: p.reference })}
          </Title>
          <Text size="sm" c="dimmed">
            {p.soc2
              ? t('proposals.soc2.acceptIntro', { client: p.clientName, total: money(p.totals.cycleCents), date: day(p.validUntil) })
              : t('proposals.accept.intro', { client: p.clientName, total: money(p.totals.cycleCents), date: day(p.validUntil) })}
          </Text>
          <Anchor href={publicDocumentUrl(token)} size="sm" data-testid="proposal-pdf">
            {t('proposals.accept.pdf', { reference: p.reference })}
          </Anchor>
        </Stack>
        {closed[p.state] && (
          <Alert color={p.state === 'accepted' ? 'teal' : 'orange'} variant="light" title={t(`proposals.state.${p.state}`)} data-testid={`proposal-closed-${p.state}`}>
            {closed[p.state]}
          </Alert>
        )}
        {p.soc2 ? (
          <Soc2Terms terms={p.soc2} />
        ) : (
          <>
            <LinesTable lines={p.lines} currency={p.currency} />
            <TotalsTable totals={p.totals} currency={p.currency} />
            <Divider />
            <Title order={2} size="h5">
              {t('proposals.document.auditTimeHeading')}
            </Title>
            <AuditTimeJustification auditTime={p.auditTime} />
          </>
        )}
        {p.state === 'sent' && (
          <>
            <Divider />
            {me.data ? <Answer p={p} token={token} /> : <Identify p={p} token={token} />}
          </>
        )}
      </Stack>
    </PublicShell>
  );
}

import { Card, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { MfaSection } from './MfaSection';
import { PasswordSection } from './PasswordSection';
import { ProfileSection } from './ProfileSection';
import { SessionsSection } from './SessionsSection';
import { SecurityHistory } from '../audit/SecurityHistory';

function Section({ id, title, description, children }: { id: string; title: string; description: string; children: ReactNode }) {
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby={id}>
      <Stack gap={4} mb="md">
        <Title order={2} size="h4" id={id}>
          {title}
        </Title>
        <Text size="sm" c="dimmed">
          {description}
        </Text>
      </Stack>
      {children}
    </Card>
  );
}

export function AccountPage() {
  const { t } = useTranslation();
  return (
    <Stack gap="lg" maw={1000}>
      <PageHeader title={t('account.title')} description={t('account.description')} />
      <Section id="account-profile" title={t('account.profile.title')} description={t('account.profile.description')}>
        <ProfileSection />
      </Section>
      <Section id="account-password" title={t('account.password.title')} description={t('account.password.description')}>
        <PasswordSection />
      </Section>
      <Section id="account-mfa" title={t('account.mfa.title')} description={t('account.mfa.description')}>
        <MfaSection />
      </Section>
      <Section id="account-sessions" title={t('account.sessions.title')} description={t('account.sessions.description')}>
        <SessionsSection />
      </Section>
      <Section id="account-security-history" title={t('audit.security.title')} description={t('audit.security.description')}>
        <SecurityHistory />
      </Section>
    </Stack>
  );
}

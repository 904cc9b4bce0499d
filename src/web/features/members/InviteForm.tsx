import { Button, Group, NativeSelect, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { currentLocale, isLocale } from '../../i18n';
import { LOCALES, type TLocale } from '../../../shared/contracts/common';
import { notifySuccess } from '../../lib/errors';
import { useInvite } from './api';
import { RoleSelect } from './RoleSelect';
import type { TRole, TTenantKind } from '../../../shared/contracts/roles';
import type { TTenantDetail } from '../../../shared/contracts/tenants';

const DEFAULT_ROLE: Record<TTenantKind, TRole> = {
  organization: 'contributor',
  certification_body: 'auditor',
};

export function InviteForm({ tenant }: { tenant: TTenantDetail }) {
  const { t } = useTranslation();
  const invite = useInvite(tenant.id);
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<TRole>(DEFAULT_ROLE[tenant.kind]);
  const [locale, setLocale] = useState<TLocale>(currentLocale());

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const address = email.trim();
    invite.mutate(
      { email: address, role, locale },
      {
        onSuccess: () => {
          notifySuccess(t('members.invite.sent', { email: address }));
          // The next invitation starts afresh: one person's role and language must not carry over.
          setEmail('');
          setRole(DEFAULT_ROLE[tenant.kind]);
          setLocale(currentLocale());
        },
      },
    );
  };

  return (
    <form onSubmit={submit} aria-label={t('members.invite.title')}>
      <Stack gap="md">
        <ErrorAlert error={invite.error} />
        <SimpleGrid cols={{ base: 1, md: 3 }}>
          <TextInput
            label={t('fields.email')}
            type="email"
            required
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
            data-testid="invite-email"
          />
          <RoleSelect
            label={t('fields.role')}
            kind={tenant.kind}
            value={role}
            onChange={setRole}
            data-testid="invite-role"
          />
          <NativeSelect
            label={t('members.invite.locale')}
            value={locale}
            onChange={(e) => {
              const value = e.currentTarget.value;
              if (isLocale(value)) setLocale(value);
            }}
            data={LOCALES.map((l) => ({ value: l, label: t(`language.name.${l}`) }))}
            data-testid="invite-locale"
          />
        </SimpleGrid>
        <Group justify="flex-end">
          <Button type="submit" loading={invite.isPending} data-testid="invite-submit">
            {t('members.invite.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

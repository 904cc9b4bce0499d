import { Button, Group, NativeSelect, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { RoleSelect } from '../members/RoleSelect';
import { useCreateApiToken } from './api';
import type { TRole, TTenantKind } from '../../../shared/contracts/roles';
import type { TTenantDetail } from '../../../shared/contracts/tenants';

const EXPIRY_OPTIONS = ['30', '90', '180', '365', 'never'] as const;
type Expiry = (typeof EXPIRY_OPTIONS)[number];

const DEFAULT_ROLE: Record<TTenantKind, TRole> = {
  organization: 'viewer',
  certification_body: 'auditor',
};

interface Props {
  tenant: TTenantDetail;
  onCreated: (token: string) => void;
}

export function CreateTokenForm({ tenant, onCreated }: Props) {
  const { t } = useTranslation();
  const create = useCreateApiToken(tenant.id);
  const [name, setName] = useState('');
  const [role, setRole] = useState<TRole>(DEFAULT_ROLE[tenant.kind]);
  const [expiry, setExpiry] = useState<Expiry>('90');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(
      {
        name: name.trim(),
        role,
        ...(expiry === 'never' ? {} : { expiresInDays: Number(expiry) }),
      },
      {
        onSuccess: ({ token }) => {
          setName('');
          onCreated(token);
        },
      },
    );
  };

  return (
    <form onSubmit={submit} aria-label={t('apiTokens.create.title')}>
      <Stack gap="md">
        <ErrorAlert error={create.error} />
        <SimpleGrid cols={{ base: 1, md: 3 }}>
          <TextInput
            label={t('apiTokens.fields.name')}
            description={t('apiTokens.fields.nameHelp')}
            required
            maxLength={100}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            data-testid="api-token-name"
          />
          <RoleSelect
            label={t('fields.role')}
            description={t('apiTokens.fields.roleHelp')}
            kind={tenant.kind}
            value={role}
            onChange={setRole}
            data-testid="api-token-role"
          />
          <NativeSelect
            label={t('apiTokens.fields.expiry')}
            description={t('apiTokens.fields.expiryHelp')}
            value={expiry}
            onChange={(e) => {
              const value = EXPIRY_OPTIONS.find((o) => o === e.currentTarget.value);
              if (value) setExpiry(value);
            }}
            data={EXPIRY_OPTIONS.map((o) => ({
              value: o,
              label: o === 'never' ? t('apiTokens.expiry.never') : t('apiTokens.expiry.days', { days: o }),
            }))}
            data-testid="api-token-expiry"
          />
        </SimpleGrid>
        <Group justify="flex-end">
          <Button type="submit" loading={create.isPending} data-testid="api-token-submit">
            {t('apiTokens.create.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

import { Button, Group, NativeSelect, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useContractForm, useServerErrors } from '../../lib/forms';
import { RoleSelect } from '../members/RoleSelect';
import { useCreateApiToken } from './api';
import { ZCreateApiTokenBody } from '../../../shared/contracts/api-tokens';
import type { TRole, TTenantKind } from '../../../shared/contracts/roles';
import type { TTenantDetail } from '../../../shared/contracts/tenants';

const EXPIRY_OPTIONS = ['30', '90', '180', '365', 'never'] as const;

const DEFAULT_ROLE: Record<TTenantKind, TRole> = {
  organization: 'viewer',
  certification_body: 'auditor',
};

/** The expiry is picked from a list; the contract's own number field is validated on the server. */
const ZTokenForm = ZCreateApiTokenBody.pick({ name: true, role: true });

interface Props {
  tenant: TTenantDetail;
  onCreated: (token: string) => void;
}

export function CreateTokenForm({ tenant, onCreated }: Props) {
  const { t } = useTranslation();
  const create = useCreateApiToken(tenant.id);
  const form = useContractForm(ZTokenForm, { name: '', role: DEFAULT_ROLE[tenant.kind], expiry: '90' as (typeof EXPIRY_OPTIONS)[number] });
  const unplaced = useServerErrors(form, create.error, { expiresInDays: 'expiry' });

  const submit = form.onSubmit(({ name, role, expiry }) =>
    create.mutate(
      { name, role, ...(expiry === 'never' ? {} : { expiresInDays: Number(expiry) }) },
      {
        onSuccess: ({ token }) => {
          form.setFieldValue('name', '');
          onCreated(token);
        },
      },
    ),
  );

  return (
    <form onSubmit={submit} aria-label={t('apiTokens.create.title')}>
      <Stack gap="md">
        <ErrorAlert error={unplaced} />
        <SimpleGrid cols={{ base: 1, md: 3 }}>
          <TextInput
            label={t('apiTokens.fields.name')}
            description={t('apiTokens.fields.nameHelp')}
            {...form.getInputProps('name')}
            data-testid="api-token-name"
          />
          <RoleSelect
            label={t('fields.role')}
            description={t('apiTokens.fields.roleHelp')}
            roles={tenant.grantableRoles}
            {...form.getInputProps('role')}
            data-testid="api-token-role"
          />
          <NativeSelect
            label={t('apiTokens.fields.expiry')}
            description={t('apiTokens.fields.expiryHelp')}
            {...form.getInputProps('expiry')}
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

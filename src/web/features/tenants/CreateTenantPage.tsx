import { Radio, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { FormPage } from '../../components/FormPage';
import { useContractForm, useServerErrors } from '../../lib/forms';
import { rememberTenantId } from '../../lib/storage';
import { useCreateTenant } from './api';
import { TENANT_KINDS, type TTenantKind } from '../../../shared/contracts/roles';
import { ZCreateTenantBody } from '../../../shared/contracts/tenants';

export function CreateTenantPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateTenant();
  const form = useContractForm(ZCreateTenantBody, { name: '', kind: 'organization' as TTenantKind });
  const unplaced = useServerErrors(form, create.error);

  const submit = form.onSubmit((values) =>
    create.mutate(values, {
      onSuccess: ({ tenant }) => {
        rememberTenantId(tenant.id);
        void navigate(`/t/${tenant.id}`);
      },
    }),
  );

  return (
    <FormPage
      title={t('tenants.create.title')}
      description={t('tenants.create.description')}
      onSubmit={submit}
      error={unplaced}
      submit={{ label: t('tenants.create.submit'), loading: create.isPending, testId: 'tenant-create-submit' }}
    >
      <TextInput label={t('tenants.fields.name')} {...form.getInputProps('name')} data-testid="tenant-name" />
      <Radio.Group label={t('tenants.fields.kind')} {...form.getInputProps('kind')} required>
        <Stack gap="sm" mt="xs">
          {TENANT_KINDS.map((k) => (
            <Radio
              key={k}
              value={k}
              label={t(`tenantKinds.long.${k}`)}
              description={
                <Text size="xs" c="dimmed" span>
                  {t(`tenantKinds.description.${k}`)}
                </Text>
              }
              data-testid={`tenant-kind-${k}`}
            />
          ))}
        </Stack>
      </Radio.Group>
    </FormPage>
  );
}

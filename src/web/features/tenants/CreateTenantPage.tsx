import { Button, Card, Group, Radio, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { rememberTenantId } from '../../lib/storage';
import { useCreateTenant } from './api';
import { TENANT_KINDS, type TTenantKind } from '../../../shared/contracts/roles';

export function CreateTenantPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateTenant();
  const [name, setName] = useState('');
  const [kind, setKind] = useState<TTenantKind>('organization');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(
      { name: name.trim(), kind },
      {
        onSuccess: ({ tenant }) => {
          rememberTenantId(tenant.id);
          void navigate(`/t/${tenant.id}`);
        },
      },
    );
  };

  return (
    <Stack maw={640}>
      <PageHeader title={t('tenants.create.title')} description={t('tenants.create.description')} />
      <Card withBorder padding="lg">
        <form onSubmit={submit}>
          <Stack gap="md">
            <ErrorAlert error={create.error} />
            <TextInput
              label={t('tenants.fields.name')}
              required
              maxLength={200}
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              data-testid="tenant-name"
            />
            <Radio.Group
              label={t('tenants.fields.kind')}
              value={kind}
              onChange={(value) => setKind(value as TTenantKind)}
              required
            >
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
            <Group justify="flex-end">
              <Button type="submit" loading={create.isPending} data-testid="tenant-create-submit">
                {t('tenants.create.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Card>
    </Stack>
  );
}

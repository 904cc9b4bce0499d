import { Button, Group, NativeSelect, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { currentLocale } from '../../i18n';
import { notifySuccess } from '../../lib/errors';
import { useContractForm, useServerErrors } from '../../lib/forms';
import { LOCALES } from '../../../shared/contracts/common';
import type { TRole, TTenantKind } from '../../../shared/contracts/roles';
import { ZCreateInvitationBody, type TTenantDetail } from '../../../shared/contracts/tenants';
import { useInvite } from './api';
import { RoleSelect } from './RoleSelect';

const DEFAULT_ROLE: Record<TTenantKind, TRole> = {
  organization: 'contributor',
  certification_body: 'auditor',
};

export function InviteForm({ tenant }: { tenant: TTenantDetail }) {
  const { t } = useTranslation();
  const invite = useInvite(tenant.id);
  const form = useContractForm(ZCreateInvitationBody, { email: '', role: DEFAULT_ROLE[tenant.kind], locale: currentLocale() });
  const unplaced = useServerErrors(form, invite.error);

  const submit = form.onSubmit((values) =>
    invite.mutate(values, {
      onSuccess: () => {
        notifySuccess(t('members.invite.sent', { email: values.email.trim() }));
        // The next invitation starts afresh: one person's role and language must not carry over.
        form.setValues({ email: '', role: DEFAULT_ROLE[tenant.kind], locale: currentLocale() });
      },
    }),
  );

  return (
    <form onSubmit={submit} aria-label={t('members.invite.title')}>
      <Stack gap="md">
        <ErrorAlert error={unplaced} />
        <SimpleGrid cols={{ base: 1, md: 3 }}>
          <TextInput label={t('fields.email')} {...form.getInputProps('email')} data-testid="invite-email" />
          <RoleSelect label={t('fields.role')} roles={tenant.grantableRoles} {...form.getInputProps('role')} data-testid="invite-role" />
          <NativeSelect
            label={t('members.invite.locale')}
            {...form.getInputProps('locale')}
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

import { Button, Group, NativeSelect, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LOCALES, ZName } from '../../../shared/contracts/common';
import { notifySuccess } from '../../lib/errors';
import { useFormat } from '../../lib/format';
import { useContractForm, useServerErrors } from '../../lib/forms';
import { useUpdateMe } from '../auth/api';
import { useChangeLanguage } from '../auth/useChangeLanguage';
import { useCurrentUser } from '../auth/useCurrentUser';

const ZProfileForm = z.object({ name: ZName });

export function ProfileSection() {
  const { t } = useTranslation();
  const format = useFormat();
  const me = useCurrentUser();
  const update = useUpdateMe();
  const { language, change } = useChangeLanguage();
  const form = useContractForm(ZProfileForm, { name: me.user.name });
  const unplaced = useServerErrors(form, update.error);
  const name = form.getValues().name.trim();

  const submit = form.onSubmit((values) => update.mutate({ name: values.name }, { onSuccess: () => notifySuccess(t('account.profile.saved')) }));

  return (
    <Stack gap="md" maw={480}>
      <TextInput
        label={t('fields.email')}
        value={me.user.email}
        readOnly
        description={t('account.profile.memberSince', { date: format.date(me.user.createdAt) })}
      />
      <NativeSelect
        label={t('fields.language')}
        description={t('account.profile.languageHelp')}
        value={language}
        onChange={(e) => change(e.currentTarget.value)}
        data={LOCALES.map((l) => ({ value: l, label: t(`language.name.${l}`) }))}
        data-testid="profile-locale"
      />
      <form onSubmit={submit} aria-label={t('account.profile.title')}>
        <Stack gap="md">
          <ErrorAlert error={unplaced} />
          <TextInput label={t('fields.name')} {...form.getInputProps('name')} data-testid="profile-name" />
          <Group justify="flex-end">
            <Button type="submit" disabled={name === me.user.name || !name} loading={update.isPending} data-testid="profile-submit">
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}

import { Button, Group, NativeSelect, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LOCALES } from '../../../shared/contracts/common';
import { notifySuccess } from '../../lib/errors';
import { useFormat } from '../../lib/format';
import { useUpdateMe } from '../auth/api';
import { useChangeLanguage } from '../auth/useChangeLanguage';
import { useCurrentUser } from '../auth/useCurrentUser';

export function ProfileSection() {
  const { t } = useTranslation();
  const format = useFormat();
  const me = useCurrentUser();
  const update = useUpdateMe();
  const { language, change } = useChangeLanguage();
  const [name, setName] = useState(me.user.name);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    update.mutate({ name: name.trim() }, { onSuccess: () => notifySuccess(t('account.profile.saved')) });
  };

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
          <TextInput
            label={t('fields.name')}
            required
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            data-testid="profile-name"
          />
          <Group justify="flex-end">
            <Button
              type="submit"
              disabled={name.trim() === me.user.name || !name.trim()}
              loading={update.isPending}
              data-testid="profile-submit"
            >
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}

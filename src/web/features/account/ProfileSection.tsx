import { Button, Group, NativeSelect, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isLocale, LOCALES, type Locale } from '../../i18n';
import { notifySuccess } from '../../lib/errors';
import { useFormat } from '../../lib/format';
import { useUpdateMe } from '../auth/api';
import { useCurrentUser } from '../auth/useCurrentUser';

export function ProfileSection() {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const me = useCurrentUser();
  const update = useUpdateMe();
  const [name, setName] = useState(me.user.name);
  const [locale, setLocale] = useState<Locale>(me.user.locale);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    update.mutate(
      { name: name.trim(), locale },
      {
        onSuccess: () => {
          void i18n.changeLanguage(locale);
          notifySuccess(t('account.profile.saved'));
        },
      },
    );
  };

  return (
    <form onSubmit={submit} aria-label={t('account.profile.title')}>
      <Stack gap="md" maw={480}>
        <TextInput label={t('fields.email')} value={me.user.email} readOnly description={t('account.profile.memberSince', { date: format.date(me.user.createdAt) })} />
        <TextInput
          label={t('fields.name')}
          required
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          data-testid="profile-name"
        />
        <NativeSelect
          label={t('fields.language')}
          description={t('account.profile.languageHelp')}
          value={locale}
          onChange={(e) => {
            const value = e.currentTarget.value;
            if (isLocale(value)) setLocale(value);
          }}
          data={LOCALES.map((l) => ({ value: l, label: t(`language.name.${l}`) }))}
          data-testid="profile-locale"
        />
        <Group justify="flex-end">
          <Button type="submit" loading={update.isPending} data-testid="profile-submit">
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

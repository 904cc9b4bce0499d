import { SegmentedControl, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useMe, useUpdateMe } from '../features/auth/api';
import { currentLocale, isLocale, LOCALES } from '../i18n';

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const { data: me } = useMe();
  const updateMe = useUpdateMe();
  const language = currentLocale();

  const change = (value: string) => {
    if (!isLocale(value) || value === language) return;
    void i18n.changeLanguage(value);
    if (me && me.user.locale !== value) updateMe.mutate({ locale: value });
  };

  return (
    <SegmentedControl
      size="xs"
      value={language}
      onChange={change}
      aria-label={t('language.switch')}
      data-testid="language-switch"
      data={LOCALES.map((locale) => ({
        value: locale,
        label: (
          <>
            <span aria-hidden="true">{t(`language.short.${locale}`)}</span>
            <VisuallyHidden>{t(`language.name.${locale}`)}</VisuallyHidden>
          </>
        ),
      }))}
    />
  );
}

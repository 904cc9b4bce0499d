import { useEffect } from 'react';
import { useMe } from '../features/auth/api';
import i18n, { isLocale } from '../i18n';

export function LocaleSync() {
  const locale = useMe().data?.user.locale;

  useEffect(() => {
    if (isLocale(locale) && i18n.resolvedLanguage !== locale) void i18n.changeLanguage(locale);
  }, [locale]);

  return null;
}

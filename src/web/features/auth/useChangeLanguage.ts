import { useTranslation } from 'react-i18next';
import { currentLocale, isLocale } from '../../i18n';
import { type TLocale } from '../../../shared/contracts/common';
import { useMe, useUpdateMe } from './api';

export function useChangeLanguage(): { language: TLocale; change: (value: string) => void } {
  const { i18n } = useTranslation();
  const { data: me } = useMe();
  const updateMe = useUpdateMe();
  const language = currentLocale();

  const change = (value: string) => {
    if (!isLocale(value) || value === language) return;
    void i18n.changeLanguage(value);
    if (me && me.user.locale !== value) updateMe.mutate({ locale: value });
  };

  return { language, change };
}

import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { resources } from './resources';
import { LOCALES, ZLocale, type TLocale } from '../../shared/contracts/common';

const STORAGE_KEY = 'attest.locale';

export function isLocale(value: unknown): value is TLocale {
  return ZLocale.safeParse(value).success;
}

function readStoredLocale(): TLocale | null {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    return isLocale(stored) ? stored : null;
  } catch {
    return null;
  }
}

function browserLocale(): TLocale {
  const preferred = navigator.languages?.[0] ?? navigator.language ?? '';
  return preferred.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

export function currentLocale(): TLocale {
  return isLocale(i18n.resolvedLanguage) ? i18n.resolvedLanguage : 'en';
}

function applyLocale(lng: string) {
  const locale: TLocale = isLocale(lng) ? lng : 'en';
  document.documentElement.lang = locale;
  document.title = i18n.t('app.name');
  try {
    localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    return;
  }
}

i18n.on('languageChanged', applyLocale);

void i18n.use(initReactI18next).init({
  resources: { en: { translation: resources.en }, fr: { translation: resources.fr } },
  lng: readStoredLocale() ?? browserLocale(),
  fallbackLng: 'en',
  supportedLngs: LOCALES,
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
});

export default i18n;

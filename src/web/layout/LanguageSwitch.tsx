import { SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useChangeLanguage } from '../features/auth/useChangeLanguage';
import { LOCALES } from '../../shared/contracts/common';

export function LanguageSwitch() {
  const { t } = useTranslation();
  const { language, change } = useChangeLanguage();

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
          <abbr title={t(`language.name.${locale}`)} style={{ textDecoration: 'none' }}>
            {t(`language.short.${locale}`)}
          </abbr>
        ),
      }))}
    />
  );
}

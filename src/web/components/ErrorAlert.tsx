import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../lib/errors';

export function ErrorAlert({ error, title }: { error: unknown; title?: string }) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <Alert color="red" variant="light" title={title ?? t('errors.title')} role="alert">
      {errorMessage(error)}
    </Alert>
  );
}

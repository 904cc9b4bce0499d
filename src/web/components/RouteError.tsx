import { Alert, Button, Center, Container, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useRouteError } from 'react-router';
import { errorMessage } from '../lib/errors';

export function RouteError() {
  const { t } = useTranslation();
  const error = useRouteError();
  return (
    <Center mih="60vh">
      <Container size="sm">
        <Stack>
          <Alert color="red" variant="light" title={t('errors.unexpectedTitle')} role="alert">
            {errorMessage(error)}
          </Alert>
          <Button variant="default" onClick={() => window.location.assign('/')}>
            {t('notFound.home')}
          </Button>
        </Stack>
      </Container>
    </Center>
  );
}

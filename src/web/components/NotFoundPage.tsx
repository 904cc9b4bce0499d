import { Button, Card, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="xl" maw={560} mx="auto" mt="xl" data-testid="not-found">
      <Stack gap="sm" align="flex-start">
        <Title order={1} size="h3">
          {t('notFound.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('notFound.description')}
        </Text>
        <Button component={Link} to="/" variant="light">
          {t('notFound.home')}
        </Button>
      </Stack>
    </Card>
  );
}

import { Button, Card, Group, Stack } from '@mantine/core';
import type { FormEventHandler, ReactNode } from 'react';
import { ErrorAlert } from './ErrorAlert';
import { PageHeader } from './PageHeader';

/**
 * A page that is one form: its header, a card holding the fields, what the server said that did
 * not land on a field (`error`, from `useServerErrors`), and the submit button at the bottom right.
 */
export function FormPage({
  title,
  description,
  onSubmit,
  error,
  submit,
  children,
}: {
  title: string;
  description?: string;
  onSubmit: FormEventHandler<HTMLFormElement>;
  error: unknown;
  submit: { label: string; loading: boolean; disabled?: boolean; testId: string };
  children: ReactNode;
}) {
  return (
    <Stack maw={640}>
      <PageHeader title={title} description={description} />
      <Card withBorder padding="lg">
        <form onSubmit={onSubmit}>
          <Stack gap="md">
            <ErrorAlert error={error} />
            {children}
            <Group justify="flex-end">
              <Button type="submit" loading={submit.loading} disabled={submit.disabled} data-testid={submit.testId}>
                {submit.label}
              </Button>
            </Group>
          </Stack>
        </form>
      </Card>
    </Stack>
  );
}

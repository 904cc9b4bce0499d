import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from 'react-router/dom';
import { LocaleSync } from './layout/LocaleSync';
import { queryClient } from './lib/queryClient';
import { router } from './router';
import { theme } from './theme';

export function App() {
  return (
    <MantineProvider theme={theme} defaultColorScheme="light">
      <Notifications position="top-right" />
      <QueryClientProvider client={queryClient}>
        <LocaleSync />
        <RouterProvider router={router} />
      </QueryClientProvider>
    </MantineProvider>
  );
}

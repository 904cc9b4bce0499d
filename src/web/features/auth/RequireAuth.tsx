import { Center, Container } from '@mantine/core';
import { Navigate, Outlet, useLocation } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { AppLayout } from '../../layout/AppLayout';
import { useMe } from './api';

export const MFA_SETUP_PATH = '/account/mfa';

export function RequireAuth() {
  const { data: me, isPending, error } = useMe();
  const location = useLocation();

  if (isPending) return <Loading fullPage />;
  if (error) {
    return (
      <Center h="100vh">
        <Container size="sm">
          <ErrorAlert error={error} />
        </Container>
      </Center>
    );
  }
  if (!me) {
    const next = `${location.pathname}${location.search}`;
    const target = next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}`;
    return <Navigate to={target} replace />;
  }
  if (me.mfaSetupRequired && location.pathname !== MFA_SETUP_PATH) {
    return <Navigate to={MFA_SETUP_PATH} replace />;
  }
  return (
    <AppLayout>
      <Outlet />
    </AppLayout>
  );
}

import { Alert, Stack } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useOutletContext, useParams } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { isApiError } from '../../lib/api';
import { rememberTenantId } from '../../lib/storage';
import { useTenant } from './api';
import type { TAction } from '../../../shared/contracts/authz';
import type { TTenantDetail } from '../../../shared/contracts/tenants';

interface TenantContext {
  tenant: TTenantDetail;
  can: (ability: TAction) => boolean;
}

export function TenantRoute() {
  const { t } = useTranslation();
  const { tenantId = '' } = useParams();
  const { data: tenant, error, isPending } = useTenant(tenantId);

  useEffect(() => {
    if (tenant) rememberTenantId(tenant.id);
  }, [tenant]);

  if (isPending) return <Loading />;
  if (error) {
    return isApiError(error, 404) || isApiError(error, 403) ? (
      <Alert color="orange" variant="light" title={t('tenants.unavailableTitle')}>
        {t('tenants.unavailable')}
      </Alert>
    ) : (
      <ErrorAlert error={error} />
    );
  }

  const context: TenantContext = {
    tenant,
    can: (ability) => tenant.abilities[ability] === true,
  };
  return (
    <Stack gap={0} key={tenant.id}>
      <Outlet context={context} />
    </Stack>
  );
}

export function useTenantContext(): TenantContext {
  return useOutletContext<TenantContext>();
}

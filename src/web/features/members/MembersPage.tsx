import { Card, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { NoAccess } from '../../components/NoAccess';
import { PageHeader } from '../../components/PageHeader';
import { useTenantContext } from '../tenants/TenantRoute';
import { useInvitations, useMembers } from './api';
import { InvitationsTable } from './InvitationsTable';
import { InviteForm } from './InviteForm';
import { MembersTable } from './MembersTable';

export function MembersPage() {
  const { t } = useTranslation();
  const { tenant, can } = useTenantContext();
  const canInvite = can('member.invite');
  const members = useMembers(tenant.id, can('member.read'));
  const invitations = useInvitations(tenant.id, canInvite);

  if (!can('member.read')) return <NoAccess />;

  return (
    <Stack gap="xl">
      <PageHeader title={t('members.title')} description={t('members.description', { tenant: tenant.name })} />
      <Card withBorder padding="lg">
        {members.isPending ? (
          <Loading />
        ) : members.error ? (
          <ErrorAlert error={members.error} />
        ) : (
          <MembersTable
            tenant={tenant}
            members={members.data.items}
            canUpdate={can('member.update')}
            canRemove={can('member.remove')}
          />
        )}
      </Card>
      {canInvite && (
        <>
          <Card withBorder padding="lg">
            <Title order={2} size="h4" mb="md">
              {t('members.invite.title')}
            </Title>
            <InviteForm tenant={tenant} />
          </Card>
          <Card withBorder padding="lg">
            <Title order={2} size="h4" mb="md">
              {t('members.invitations.title')}
            </Title>
            {invitations.isPending ? (
              <Loading />
            ) : invitations.error ? (
              <ErrorAlert error={invitations.error} />
            ) : (
              <InvitationsTable tenantId={tenant.id} invitations={invitations.data.items} canRevoke={canInvite} />
            )}
          </Card>
        </>
      )}
    </Stack>
  );
}

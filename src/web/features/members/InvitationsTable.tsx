import { useTranslation } from 'react-i18next';
import { confirmAction, DataTable } from '../../components/DataTable';
import { useFormat } from '../../lib/format';
import { useRevokeInvitation } from './api';
import type { TInvitation } from '../../../shared/contracts/tenants';

interface Props {
  tenantId: string;
  invitations: TInvitation[];
  canRevoke: boolean;
}

export function InvitationsTable({ tenantId, invitations, canRevoke }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const revoke = useRevokeInvitation(tenantId);

  return (
    <DataTable
      testId="invitations-table"
      label={t('members.invitations.title')}
      rows={invitations}
      rowKey={(i) => i.id}
      rowTestId={(i) => `invitation-row-${i.id}`}
      empty={t('members.invitations.empty')}
      initialSort={{ key: 'createdAt', dir: 'desc' }}
      columns={[
        { key: 'email', header: t('fields.email'), cell: (i) => i.email, truncate: (i) => i.email, sortValue: (i) => i.email },
        { key: 'role', header: t('fields.role'), cell: (i) => t(`roles.${i.role}`), sortValue: (i) => t(`roles.${i.role}`) },
        { key: 'locale', header: t('fields.language'), cell: (i) => t(`language.name.${i.locale}`) },
        { key: 'createdAt', header: t('members.invitations.sentAt'), cell: (i) => format.dateTime(i.createdAt), sortValue: (i) => i.createdAt, nowrap: true },
        { key: 'expiresAt', header: t('members.invitations.expiresAt'), cell: (i) => format.dateTime(i.expiresAt), sortValue: (i) => i.expiresAt, nowrap: true },
      ]}
      actions={[
        confirmAction<(typeof invitations)[number]>({
          key: 'revoke',
          allowed: (invitation) => canRevoke && invitation.abilities['invitation.revoke'],
          label: t('members.invitations.revoke'),
          title: t('members.invitations.revokeTitle'),
          ariaLabel: (invitation) => t('members.invitations.revokeLabel', { email: invitation.email }),
          message: (invitation) => t('members.invitations.revokeConfirm', { email: invitation.email }),
          testId: (invitation) => `invitation-revoke-${invitation.id}`,
          onConfirm: (invitation) => revoke.mutate(invitation.id),
        }),
      ]}
    />
  );
}

import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ConfirmButton } from '../../components/ConfirmButton';
import { useFormat } from '../../lib/format';
import type { Invitation } from '../../lib/types';
import { useRevokeInvitation } from './api';

interface Props {
  tenantId: string;
  invitations: Invitation[];
  canRevoke: boolean;
}

export function InvitationsTable({ tenantId, invitations, canRevoke }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const revoke = useRevokeInvitation(tenantId);

  return (
    <Table.ScrollContainer minWidth={720}>
      <Table striped data-testid="invitations-table" aria-label={t('members.invitations.title')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('fields.email')}</Table.Th>
            <Table.Th>{t('fields.role')}</Table.Th>
            <Table.Th>{t('fields.language')}</Table.Th>
            <Table.Th>{t('members.invitations.sentAt')}</Table.Th>
            <Table.Th>{t('members.invitations.expiresAt')}</Table.Th>
            {canRevoke && <Table.Th>{t('common.actions')}</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {invitations.length === 0 && (
            <Table.Tr>
              <Table.Td colSpan={canRevoke ? 6 : 5}>
                <Text size="sm" c="dimmed">
                  {t('members.invitations.empty')}
                </Text>
              </Table.Td>
            </Table.Tr>
          )}
          {invitations.map((invitation) => (
            <Table.Tr key={invitation.id} data-testid={`invitation-row-${invitation.id}`}>
              <Table.Td>{invitation.email}</Table.Td>
              <Table.Td>{t(`roles.${invitation.role}`)}</Table.Td>
              <Table.Td>{t(`language.name.${invitation.locale}`)}</Table.Td>
              <Table.Td>{format.dateTime(invitation.createdAt)}</Table.Td>
              <Table.Td>{format.dateTime(invitation.expiresAt)}</Table.Td>
              {canRevoke && (
                <Table.Td>
                  <ConfirmButton
                    size="xs"
                    variant="subtle"
                    color="red"
                    aria-label={t('members.invitations.revokeLabel', { email: invitation.email })}
                    data-testid={`invitation-revoke-${invitation.id}`}
                    title={t('members.invitations.revokeTitle')}
                    message={t('members.invitations.revokeConfirm', { email: invitation.email })}
                    confirmLabel={t('members.invitations.revoke')}
                    onConfirm={() => revoke.mutate(invitation.id)}
                  >
                    {t('members.invitations.revoke')}
                  </ConfirmButton>
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

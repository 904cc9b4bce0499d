import { Badge, Group, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ConfirmButton } from '../../components/ConfirmButton';
import { useFormat } from '../../lib/format';
import type { Member, TenantDetail } from '../../lib/types';
import { useCurrentUser } from '../auth/useCurrentUser';
import { useRemoveMember, useUpdateMemberRole } from './api';
import { RoleSelect } from './RoleSelect';

interface Props {
  tenant: TenantDetail;
  members: Member[];
  canUpdate: boolean;
  canRemove: boolean;
}

export function MembersTable({ tenant, members, canUpdate, canRemove }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const me = useCurrentUser();
  const updateRole = useUpdateMemberRole(tenant.id);
  const remove = useRemoveMember(tenant.id);

  return (
    <Table.ScrollContainer minWidth={720}>
      <Table striped highlightOnHover data-testid="members-table" aria-label={t('members.tableLabel')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('fields.name')}</Table.Th>
            <Table.Th>{t('fields.email')}</Table.Th>
            <Table.Th>{t('fields.role')}</Table.Th>
            <Table.Th>{t('members.mfa')}</Table.Th>
            <Table.Th>{t('members.joinedAt')}</Table.Th>
            {canRemove && <Table.Th>{t('common.actions')}</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {members.map((member) => {
            const label = member.name || member.email;
            return (
              <Table.Tr key={member.userId} data-testid={`member-row-${member.userId}`}>
                <Table.Td>
                  <Group gap="xs" wrap="nowrap">
                    <Text size="sm">{member.name}</Text>
                    {member.userId === me.user.id && (
                      <Badge size="xs" variant="outline" style={{ minWidth: 'max-content' }}>
                        {t('members.you')}
                      </Badge>
                    )}
                  </Group>
                </Table.Td>
                <Table.Td>{member.email}</Table.Td>
                <Table.Td>
                  {canUpdate ? (
                    <RoleSelect
                      size="xs"
                      miw={220}
                      kind={tenant.kind}
                      value={member.role}
                      disabled={updateRole.isPending}
                      aria-label={t('members.roleFor', { name: label })}
                      data-testid={`member-role-${member.userId}`}
                      onChange={(role) => updateRole.mutate({ userId: member.userId, role })}
                    />
                  ) : (
                    t(`roles.${member.role}`)
                  )}
                </Table.Td>
                <Table.Td>
                  <Badge color={member.mfaEnabled ? 'teal' : 'gray'} variant="light">
                    {member.mfaEnabled ? t('common.enabled') : t('common.disabled')}
                  </Badge>
                </Table.Td>
                <Table.Td>{format.date(member.joinedAt)}</Table.Td>
                {canRemove && (
                  <Table.Td>
                    <ConfirmButton
                      size="xs"
                      variant="subtle"
                      color="red"
                      aria-label={t('members.removeLabel', { name: label })}
                      data-testid={`member-remove-${member.userId}`}
                      title={t('members.removeTitle')}
                      message={t('members.removeConfirm', { name: label, tenant: tenant.name })}
                      confirmLabel={t('members.remove')}
                      onConfirm={() => remove.mutate(member.userId)}
                    >
                      {t('members.remove')}
                    </ConfirmButton>
                  </Table.Td>
                )}
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

import { Badge, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { confirmAction, DataTable } from '../../components/DataTable';
import { useFormat } from '../../lib/format';
import { useCurrentUser } from '../auth/useCurrentUser';
import { useRemoveMember, useUpdateMemberRole } from './api';
import { RoleSelect } from './RoleSelect';
import type { TMember, TTenantDetail } from '../../../shared/contracts/tenants';

interface Props {
  tenant: TTenantDetail;
  members: TMember[];
  canUpdate: boolean;
  canRemove: boolean;
}

export function MembersTable({ tenant, members, canUpdate, canRemove }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const me = useCurrentUser();
  const updateRole = useUpdateMemberRole(tenant.id);
  const remove = useRemoveMember(tenant.id);
  const labelOf = (member: TMember) => member.name || member.email;

  return (
    <DataTable
      testId="members-table"
      label={t('members.tableLabel')}
      rows={members}
      rowKey={(m) => m.userId}
      rowTestId={(m) => `member-row-${m.userId}`}
      empty={t('common.none')}
      initialSort={{ key: 'name', dir: 'asc' }}
      columns={[
        {
          key: 'name',
          header: t('fields.name'),
          sortValue: (m) => m.name,
          cell: (member) => (
            <Group gap="xs" wrap="nowrap">
              <Text size="sm" truncate="end" maw={260} title={member.name}>
                {member.name}
              </Text>
              {member.userId === me.user.id && (
                <Badge size="xs" variant="outline" style={{ minWidth: 'max-content' }}>
                  {t('members.you')}
                </Badge>
              )}
            </Group>
          ),
        },
        { key: 'email', header: t('fields.email'), cell: (m) => m.email, truncate: (m) => m.email, sortValue: (m) => m.email },
        {
          key: 'role',
          header: t('fields.role'),
          sortValue: (m) => t(`roles.${m.role}`),
          cell: (member) =>
            canUpdate && member.abilities['member.update'] ? (
              <RoleSelect
                size="xs"
                miw={220}
                roles={tenant.grantableRoles}
                value={member.role}
                disabled={updateRole.isPending}
                aria-label={t('members.roleFor', { name: labelOf(member) })}
                data-testid={`member-role-${member.userId}`}
                onChange={(role) => updateRole.mutate({ userId: member.userId, role })}
              />
            ) : (
              t(`roles.${member.role}`)
            ),
        },
        {
          key: 'mfa',
          header: t('members.mfa'),
          sortValue: (m) => (m.mfaEnabled ? 1 : 0),
          cell: (member) => (
            <Badge color={member.mfaEnabled ? 'teal' : 'gray'} variant="light">
              {member.mfaEnabled ? t('common.enabled') : t('common.disabled')}
            </Badge>
          ),
        },
        { key: 'joinedAt', header: t('members.joinedAt'), cell: (m) => format.date(m.joinedAt), sortValue: (m) => m.joinedAt, nowrap: true },
      ]}
      actions={[
        confirmAction<(typeof members)[number]>({
          key: 'remove',
          allowed: (member) => canRemove && member.abilities['member.remove'],
          label: t('members.remove'),
          title: t('members.removeTitle'),
          ariaLabel: (member) => t('members.removeLabel', { name: labelOf(member) }),
          message: (member) => t('members.removeConfirm', { name: labelOf(member), tenant: tenant.name }),
          testId: (member) => `member-remove-${member.userId}`,
          onConfirm: (member) => remove.mutate(member.userId),
        }),
      ]}
    />
  );
}

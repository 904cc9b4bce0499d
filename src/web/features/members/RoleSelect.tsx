import { NativeSelect, type NativeSelectProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TRole } from '../../../shared/contracts/roles';

interface RoleSelectProps extends Omit<NativeSelectProps, 'data' | 'value' | 'onChange'> {
  /** The roles offered: the tenant's `grantableRoles`, so nobody is offered a role the server refuses them. */
  roles: readonly TRole[];
  /** Optional so that a form's `getInputProps('role')` can be spread in. A current value outside `roles` stays shown. */
  value?: TRole;
  onChange?: (role: TRole) => void;
  'data-testid'?: string;
}

export function RoleSelect({ roles, value, onChange, ...props }: RoleSelectProps) {
  const { t } = useTranslation();
  const listed = value && !roles.includes(value) ? [value, ...roles] : roles;
  return (
    <NativeSelect
      {...props}
      value={value}
      onChange={(event) => {
        const role = listed.find((r) => r === event.currentTarget.value);
        if (role) onChange?.(role);
      }}
      data={listed.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
    />
  );
}

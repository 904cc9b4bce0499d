import { NativeSelect, type NativeSelectProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { rolesForKind, type TRole, type TTenantKind } from '../../../shared/contracts/roles';

interface RoleSelectProps extends Omit<NativeSelectProps, 'data' | 'value' | 'onChange'> {
  kind: TTenantKind;
  /** The roles offered; the tenant kind's roles when absent. The current value is always listed. */
  roles?: readonly TRole[];
  /** Optional so that a form's `getInputProps('role')` can be spread in. */
  value?: TRole;
  onChange?: (role: TRole) => void;
  'data-testid'?: string;
}

export function RoleSelect({ kind, roles, value, onChange, ...props }: RoleSelectProps) {
  const { t } = useTranslation();
  const offered = roles ?? rolesForKind(kind);
  const listed = value && !offered.includes(value) ? [value, ...offered] : offered;
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

import { NativeSelect, type NativeSelectProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { rolesForKind, type TRole, type TTenantKind } from '../../../shared/contracts/roles';

interface RoleSelectProps extends Omit<NativeSelectProps, 'data' | 'value' | 'onChange'> {
  kind: TTenantKind;
  value: TRole;
  onChange: (role: TRole) => void;
  'data-testid'?: string;
}

export function RoleSelect({ kind, value, onChange, ...props }: RoleSelectProps) {
  const { t } = useTranslation();
  const roles = rolesForKind(kind);
  return (
    <NativeSelect
      {...props}
      value={value}
      onChange={(event) => {
        const role = roles.find((r) => r === event.currentTarget.value);
        if (role) onChange(role);
      }}
      data={roles.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
    />
  );
}

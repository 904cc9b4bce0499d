import { PasswordInput, type PasswordInputProps } from '@mantine/core';
import type { GetInputPropsReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import i18n from '../i18n';
import { PASSWORD_MIN_LENGTH, ZNewPassword } from '../../shared/contracts/accounts';

/**
 * A form schema with a new password and its confirmation: the password follows the shared
 * contract (`ZNewPassword`), the confirmation must repeat it. First-run set-up, invitation
 * acceptance, the account's password change and password reset all use it.
 */
type TNewPassword = { password: string; confirm: string };
// The object's output type is still generic in S here, so the check reads the two fields it adds.
const samePassword = (v: TNewPassword) => v.password === v.confirm;

export function withNewPassword<S extends z.ZodRawShape>(shape: S) {
  return z
    .object({ ...shape, password: ZNewPassword, confirm: z.string() })
    .refine((v) => samePassword(v as TNewPassword), { path: ['confirm'], error: () => i18n.t('auth.password.mismatch') });
}

type TPasswordForm = { getInputProps(path: 'password' | 'confirm'): GetInputPropsReturnType };

/** The new-password block of a form built with `withNewPassword`: the rule, the field, its confirmation. */
export function NewPasswordFields({
  form,
  label,
  testIds,
}: {
  form: TPasswordForm;
  label?: string;
  testIds: { password: string; confirm: string };
}) {
  const { t } = useTranslation();
  return (
    <>
      <SecretInput
        label={label ?? t('fields.password')}
        description={t('auth.password.rules', { min: PASSWORD_MIN_LENGTH })}
        autoComplete="new-password"
        {...form.getInputProps('password')}
        data-testid={testIds.password}
      />
      <SecretInput label={t('fields.confirmPassword')} autoComplete="new-password" required {...form.getInputProps('confirm')} data-testid={testIds.confirm} />
    </>
  );
}

type TSecretInputProps = PasswordInputProps & { 'data-testid'?: string };

/** A password input whose show/hide button is named in the reader's language. */
function SecretInput(props: TSecretInputProps) {
  const { t } = useTranslation();
  return <PasswordInput visibilityToggleButtonProps={{ 'aria-label': t('fields.togglePassword') }} {...props} />;
}

/** The password a person already has (sign-in, confirming a sensitive change): labelled "Password" unless told otherwise. */
export function CurrentPasswordInput({ label, ...props }: TSecretInputProps) {
  const { t } = useTranslation();
  return <SecretInput label={label ?? t('fields.password')} autoComplete="current-password" {...props} />;
}

import { Button, Group, Image, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CopyField } from '../../components/CopyField';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useContractForm, useServerErrors } from '../../lib/forms';
import { ZMfaConfirmBody } from '../../../shared/contracts/accounts';
import { useMfaConfirm, useMfaEnrol } from './api';

export function MfaEnrol({ onConfirmed }: { onConfirmed: (codes: string[]) => void }) {
  const { t } = useTranslation();
  const enrol = useMfaEnrol();
  const confirm = useMfaConfirm();
  const form = useContractForm(ZMfaConfirmBody, { code: '' });
  const unplaced = useServerErrors(form, confirm.error);

  if (!enrol.data) {
    return (
      <Stack gap="sm" align="flex-start">
        <ErrorAlert error={enrol.error} />
        <Text size="sm">{t('account.mfa.intro')}</Text>
        <Button onClick={() => enrol.mutate()} loading={enrol.isPending} data-testid="mfa-enrol">
          {t('account.mfa.start')}
        </Button>
      </Stack>
    );
  }

  const submit = form.onSubmit(({ code }) => confirm.mutate(code, { onSuccess: ({ recoveryCodes }) => onConfirmed(recoveryCodes) }));

  return (
    <form onSubmit={submit} aria-label={t('account.mfa.title')}>
      <Stack gap="md" maw={520}>
        <Text size="sm">{t('account.mfa.scan')}</Text>
        <Image
          src={enrol.data.qrDataUrl}
          alt={t('account.mfa.qrAlt')}
          w={200}
          h={200}
          fit="contain"
          data-testid="mfa-qr"
        />
        <Stack gap={4}>
          <Text size="sm">{t('account.mfa.manual')}</Text>
          <CopyField value={enrol.data.secret} testId="mfa-secret" />
        </Stack>
        <ErrorAlert error={unplaced} />
        <TextInput
          label={t('account.mfa.code')}
          description={t('account.mfa.codeHelp')}
          autoComplete="one-time-code"
          inputMode="numeric"
          {...form.getInputProps('code')}
          data-testid="mfa-code"
          w={220}
        />
        <Group>
          <Button type="submit" loading={confirm.isPending} data-testid="mfa-confirm">
            {t('account.mfa.confirm')}
          </Button>
          <Button variant="subtle" color="gray" onClick={() => enrol.reset()}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

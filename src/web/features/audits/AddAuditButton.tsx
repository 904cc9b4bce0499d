import { Button, Group, Modal, NativeSelect, NumberInput, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useAddAudit } from './api';

const TYPES = ['pre_audit', 'special', 'follow_up'] as const;

/**
 * For one client's programme (the calendar filtered on a client): the scheme manager adds a
 * pre-audit, a special audit or a follow-up verification; the server says when it does not fit the
 * programme yet (a pre-audit after stage 1 started, a special audit before certification).
 */
export function AddAuditButton({ tenantId, engagementId, clientName }: { tenantId: string; engagementId: string; clientName: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const add = useAddAudit(tenantId);
  const [opened, setOpened] = useState(false);
  const [type, setType] = useState<(typeof TYPES)[number]>('pre_audit');
  const [reason, setReason] = useState('');
  const [dueBy, setDueBy] = useState('');
  const [days, setDays] = useState<number | string>(1);
  const close = () => {
    setOpened(false);
    add.reset();
  };
  return (
    <>
      <Button variant="light" onClick={() => setOpened(true)} data-testid="audit-add">
        {t('audits.add.button')}
      </Button>
      <Modal opened={opened} onClose={close} title={t('audits.add.title', { name: clientName })} closeButtonProps={{ 'aria-label': t('common.close') }}>
        <Stack>
          <Text size="sm" c="dimmed">
            {t(`audits.add.help.${type}`)}
          </Text>
          <ErrorAlert error={add.error} />
          <NativeSelect label={t('audits.fields.type')} value={type} onChange={(e) => setType(e.currentTarget.value as (typeof TYPES)[number])} data={TYPES.map((v) => ({ value: v, label: t(`audits.type.${v}`) }))} data-testid="audit-add-type" />
          <Textarea label={t('audits.add.reason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} maxLength={1000} autosize minRows={2} required data-testid="audit-add-reason" />
          <Group grow>
            <TextInput type="date" label={t('audits.fields.dueBy')} value={dueBy} onChange={(e) => setDueBy(e.currentTarget.value)} data-testid="audit-add-due" />
            <NumberInput label={t('audits.fields.plannedDays')} value={days} onChange={setDays} min={0} max={999} step={0.5} decimalScale={1} data-testid="audit-add-days" />
          </Group>
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button
              loading={add.isPending}
              disabled={reason.trim().length < 3}
              onClick={() =>
                add.mutate(
                  { engagementId, type, reason: reason.trim(), dueBy: dueBy || null, plannedDays: Number(days) || 0 },
                  { onSuccess: (audit) => void navigate(`/t/${tenantId}/audits/${audit.id}`) },
                )
              }
              data-testid="audit-add-confirm"
            >
              {t('audits.add.confirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

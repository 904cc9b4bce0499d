import { Button, Group, Modal, MultiSelect, SegmentedControl, Select, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { notifySuccess } from '../../lib/errors';
import { SOA_IMPLEMENTATION_STATUSES, SOA_JUSTIFICATION_MAX, type TSoaEntry, type TSoaImplementationStatus } from '../../../shared/contracts/soa';
import { useControlOptions, useUpdateEntry } from './api';

/** One Annex A control's decision, edited in a dialog while the version is a draft. */
export function EntryEditor({ tenantId, entry, onClose }: { tenantId: string; entry: TSoaEntry; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage === 'fr' ? 'fr' : 'en';
  const update = useUpdateEntry(tenantId);
  const controls = useControlOptions(tenantId, true);
  const [applicable, setApplicable] = useState<'yes' | 'no' | ''>(entry.applicable === null ? '' : entry.applicable ? 'yes' : 'no');
  const [justification, setJustification] = useState(entry.justification);
  const [status, setStatus] = useState<TSoaImplementationStatus | null>(entry.implementationStatus);
  const [controlIds, setControlIds] = useState<string[]>(entry.controls.map((c) => c.id));
  const options = [
    ...(controls.data?.items ?? []).map((c) => ({ value: c.id, label: `${c.reference} — ${c.title}` })),
    // A linked control outside the first page stays shown.
    ...entry.controls.filter((c) => !controls.data?.items.some((o) => o.id === c.id)).map((c) => ({ value: c.id, label: `${c.reference} — ${c.title}` })),
  ];

  const save = () =>
    update.mutate(
      {
        frameworkId: entry.frameworkId,
        ref: entry.ref,
        body: {
          applicable: applicable === '' ? null : applicable === 'yes',
          justification,
          implementationStatus: applicable === 'no' ? null : status,
          controlIds,
        },
      },
      {
        onSuccess: () => {
          notifySuccess(t('soa.saved'));
          onClose();
        },
      },
    );

  return (
    <Modal opened onClose={onClose} size="lg" title={t('soa.edit.title', { ref: entry.ref, control: entry.title[lang] })} closeButtonProps={{ 'aria-label': t('common.close') }}>
      <Stack gap="md">
        <ErrorAlert error={update.error} />
        <div>
          <Text size="sm" fw={500} mb={4}>
            {t('soa.edit.applicable')}
          </Text>
          <SegmentedControl
            value={applicable}
            onChange={(v) => setApplicable(v as 'yes' | 'no')}
            data={[
              { value: 'yes', label: t('soa.applicable.yes') },
              { value: 'no', label: t('soa.applicable.no') },
            ]}
            data-testid="soa-edit-applicable"
          />
        </div>
        <Textarea
          label={t('soa.edit.justification')}
          description={t('soa.edit.justificationHint')}
          value={justification}
          onChange={(e) => setJustification(e.currentTarget.value)}
          autosize
          minRows={3}
          maxLength={SOA_JUSTIFICATION_MAX}
          data-testid="soa-edit-justification"
        />
        {applicable !== 'no' && (
          <Select
            label={t('soa.edit.implementation')}
            value={status}
            onChange={(v) => setStatus(v as TSoaImplementationStatus | null)}
            data={SOA_IMPLEMENTATION_STATUSES.map((s) => ({ value: s, label: t(`soa.implementation.${s}`) }))}
            clearable
            data-testid="soa-edit-status"
          />
        )}
        <MultiSelect
          label={t('soa.edit.controls')}
          placeholder={options.length ? t('soa.edit.controlsPlaceholder') : t('soa.edit.noControls')}
          data={options}
          value={controlIds}
          onChange={setControlIds}
          searchable
          data-testid="soa-edit-controls"
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('soa.actions.cancel')}
          </Button>
          <Button onClick={save} loading={update.isPending} data-testid="soa-edit-save">
            {t('soa.actions.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

import { Button, Checkbox, Group, Modal, NativeSelect, Stack, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { useFormat } from '../../lib/format';
import { ZClassificationAnswers, type TClassificationAnswers } from '../../../shared/contracts/ai-systems';
import { useClassify, useQuestionnaire } from './api';

const FLAGS = ['prohibitedPractice', 'annexISafetyComponent'] as const;
const LATER = ['interactsWithPeople', 'generatesSyntheticContent', 'emotionOrBiometricCategorisation', 'deepFakeOrPublicText', 'gpaiModel', 'gpaiSystemicRisk'] as const;

/** The Art. 5 / 6 / 50 / GPAI questions; Annex III areas and points come from the catalog. */
export function ClassificationWizard({ tenantId, systemId, previous, onClose }: { tenantId: string; systemId: string; previous: TClassificationAnswers | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { locale } = useFormat();
  const lang = locale === 'fr' ? 'fr' : 'en';
  const q = useQuestionnaire(tenantId, true);
  const classify = useClassify(tenantId, systemId);
  const [a, setA] = useState<TClassificationAnswers>(previous ?? ZClassificationAnswers.parse({}));
  const flag = (k: keyof TClassificationAnswers) => (
    <Checkbox key={k} label={t(`aiSystems.wizard.${k}`)} checked={Boolean(a[k])} onChange={(e) => setA({ ...a, [k]: e.currentTarget.checked, ...(k === 'gpaiModel' && !e.currentTarget.checked ? { gpaiSystemicRisk: false } : {}) })} data-testid={`ai-wizard-${k}`} />
  );
  return (
    <Modal opened onClose={onClose} title={t('aiSystems.wizard.title')} size="xl">
      {q.isPending ? (
        <Loading />
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            classify.mutate(a, { onSuccess: onClose });
          }}
        >
          <Stack gap="md">
            <ErrorAlert error={q.error ?? classify.error} />
            {FLAGS.map(flag)}
            <NativeSelect
              label={t('aiSystems.wizard.annexIIIRef')}
              value={a.annexIIIRef ?? ''}
              onChange={(e) => setA({ ...a, annexIIIRef: e.currentTarget.value || null, ...(e.currentTarget.value ? {} : { art63Exception: false, profiling: false }) })}
              data={[
                { value: '', label: t('aiSystems.wizard.annexIIINone') },
                ...(q.data?.annexIII ?? []).map((o) => ({ value: o.ref, label: `${o.isArea ? '' : '— '}${o.label[lang]} · ${o.title[lang]}` })),
              ]}
              data-testid="ai-wizard-annexIIIRef"
            />
            {a.annexIIIRef && (
              <>
                {flag('profiling')}
                {flag('art63Exception')}
                {a.art63Exception && (
                  <Textarea label={t('aiSystems.wizard.art63Reason')} value={a.art63Reason} maxLength={4000} autosize minRows={2} onChange={(e) => setA({ ...a, art63Reason: e.currentTarget.value })} data-testid="ai-wizard-art63Reason" />
                )}
              </>
            )}
            {LATER.filter((k) => k !== 'gpaiSystemicRisk' || a.gpaiModel).map(flag)}
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                {t('aiSystems.cancel')}
              </Button>
              <Button type="submit" loading={classify.isPending} data-testid="ai-wizard-submit">
                {t('aiSystems.wizard.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}

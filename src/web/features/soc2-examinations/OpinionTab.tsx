import { Alert, Button, Card, Checkbox, Group, List, NativeSelect, Radio, Stack, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmButton } from '../../components/ConfirmButton';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { useFormat } from '../../lib/format';
import { SOC2_OPINIONS, type TSoc2Opinion } from '../../../shared/contracts/soc2';
import type { TSoc2Examination } from '../../../shared/contracts/soc2-examinations';
import type { TSoc2OpinionView, TSoc2OpinionWarnings } from '../../../shared/contracts/soc2-exceptions';
import { useMembers } from '../members/api';
import { useTenantContext } from '../tenants/TenantRoute';
import { useNamePartner, useRecordOpinion, useSoc2Opinion, useSoc2OpinionWarnings } from './api';
import { Fact } from './ExaminationBits';

/**
 * The opinion, chosen by the engagement partner during reporting with its basis; the warnings that
 * make an unmodified opinion doubtful (systematic exceptions or criteria not met, criteria with no
 * tested control, tests with exceptions still unconcluded) are shown before the choice.
 */
export function OpinionTab({ examination: x }: { examination: TSoc2Examination }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { tenant } = useTenantContext();
  const opinion = useSoc2Opinion(tenant.id, x.id);
  const warnings = useSoc2OpinionWarnings(tenant.id, x.id);
  if (opinion.isPending || warnings.isPending) return <Loading />;
  if (opinion.error || warnings.error) return <ErrorAlert error={opinion.error ?? warnings.error} />;
  const o = opinion.data;
  return (
    <Stack gap="lg">
      <Card withBorder padding="lg">
        <Group gap="xl" align="flex-start">
          <Fact label={t('soc2Testing.opinionTab.partner')} value={o.partner?.name ?? t('soc2Testing.opinionTab.noPartner')} testId="soc2-opinion-partner" />
          <Fact label={t('soc2Testing.opinionTab.opinion')} value={o.opinion ? t(`soc2Testing.opinion.kind.${o.opinion}`) : t('soc2Testing.opinionTab.notRecorded')} testId="soc2-opinion-value" />
          {o.recordedAt && <Fact label={t('soc2Testing.opinionTab.recorded')} value={t('soc2Testing.opinionTab.recordedBy', { name: o.recordedBy?.name ?? t('common.none'), at: format.dateTime(o.recordedAt) })} />}
        </Group>
        {o.basis && <Fact label={t('soc2Testing.opinionTab.basis')} value={o.basis} testId="soc2-opinion-basis" />}
        {o.abilities['soc2Examination.partner'] && <PartnerPicker examinationId={x.id} current={o.partner?.id ?? null} />}
      </Card>
      <Warnings warnings={warnings.data} />
      {o.abilities['soc2Opinion.record'] ? (
        <OpinionForm key={o.recordedAt ?? 'none'} examinationId={x.id} view={o} warnings={warnings.data} />
      ) : (
        x.state !== 'reporting' && (
          <Text size="sm" c="dimmed">
            {t('soc2Testing.opinionTab.onlyInReporting')}
          </Text>
        )
      )}
    </Stack>
  );
}

function Warnings({ warnings: w }: { warnings: TSoc2OpinionWarnings }) {
  const { t } = useTranslation();
  if (w.count === 0)
    return (
      <Alert color="teal" variant="light" data-testid="soc2-opinion-warnings-none">
        {t('soc2Testing.opinionTab.noWarnings')}
      </Alert>
    );
  return (
    <Alert color="orange" variant="light" title={t('soc2Testing.opinionTab.warningsTitle', { count: w.count })} data-testid="soc2-opinion-warnings">
      <Stack gap="xs">
        {w.doubtfulExceptions.length > 0 && (
          <List size="sm">
            {w.doubtfulExceptions.map((e) => (
              <List.Item key={e.id}>
                {t('soc2Testing.opinionTab.doubtful', {
                  reference: e.reference,
                  test: e.testReference,
                  control: e.controlRef,
                  criteria: e.criteria.join(', '),
                  conclusion: t(`soc2Testing.exception.conclusion.${e.conclusion}`),
                  impact: t(`soc2Testing.exception.impact.${e.criterionImpact}`),
                })}
              </List.Item>
            ))}
          </List>
        )}
        {w.untestedCriteria.length > 0 && <Text size="sm">{t('soc2Testing.opinionTab.untestedCriteria', { refs: w.untestedCriteria.join(', ') })}</Text>}
        {w.unconcludedTests.length > 0 && (
          <Text size="sm">{t('soc2Testing.opinionTab.unconcludedTests', { refs: w.unconcludedTests.map((u) => `${u.reference} (${u.controlRef})`).join(', ') })}</Text>
        )}
      </Stack>
    </Alert>
  );
}

function PartnerPicker({ examinationId, current }: { examinationId: string; current: string | null }) {
  const { t } = useTranslation();
  const { tenant } = useTenantContext();
  const members = useMembers(tenant.id);
  const name = useNamePartner(tenant.id, examinationId);
  const [userId, setUserId] = useState(current ?? '');
  return (
    <Group align="flex-end" mt="md">
      <NativeSelect
        label={t('soc2Testing.opinionTab.namePartner')}
        value={userId}
        onChange={(e) => setUserId(e.currentTarget.value)}
        data={[{ value: '', label: t('soc2Engagements.firm.scope.noPartner') }, ...(members.data?.items ?? []).map((m) => ({ value: m.userId, label: m.name }))]}
        data-testid="soc2-opinion-partner-pick"
      />
      <Button variant="default" disabled={!userId || userId === current} loading={name.isPending} onClick={() => name.mutate(userId)} data-testid="soc2-opinion-partner-save">
        {t('soc2Testing.opinionTab.savePartner')}
      </Button>
      <ErrorAlert error={name.error} />
    </Group>
  );
}

function OpinionForm({ examinationId, view, warnings }: { examinationId: string; view: TSoc2OpinionView; warnings: TSoc2OpinionWarnings }) {
  const { t } = useTranslation();
  const { tenant } = useTenantContext();
  const record = useRecordOpinion(tenant.id, examinationId);
  const [opinion, setOpinion] = useState<TSoc2Opinion>(view.opinion ?? (warnings.count ? 'qualified' : 'unmodified'));
  const [basis, setBasis] = useState(view.basis);
  const [acknowledge, setAcknowledge] = useState(false);
  const needsBasis = opinion !== 'unmodified';
  const needsAck = opinion === 'unmodified' && warnings.count > 0;
  return (
    <Card withBorder padding="lg" data-testid="soc2-opinion-form">
      <Title order={3} size="h4" mb="sm">
        {t('soc2Testing.opinionTab.formTitle')}
      </Title>
      <Stack gap="sm">
        <ErrorAlert error={record.error} />
        <Radio.Group value={opinion} onChange={(v) => setOpinion(v as TSoc2Opinion)} label={t('soc2Testing.opinionTab.opinion')}>
          <Group mt={4}>
            {SOC2_OPINIONS.map((k) => (
              <Radio key={k} value={k} label={t(`soc2Testing.opinion.kind.${k}`)} data-testid={`soc2-opinion-kind-${k}`} />
            ))}
          </Group>
        </Radio.Group>
        <Textarea
          label={t('soc2Testing.opinionTab.basis')}
          description={needsBasis ? t('soc2Testing.opinionTab.basisRequired') : t('soc2Testing.opinionTab.basisOptional')}
          autosize
          minRows={3}
          maxLength={4000}
          value={basis}
          onChange={(e) => setBasis(e.currentTarget.value)}
          data-testid="soc2-opinion-basis-input"
        />
        {needsAck && (
          <Checkbox
            color="orange"
            label={t('soc2Testing.opinionTab.acknowledge', { count: warnings.count })}
            checked={acknowledge}
            onChange={(e) => setAcknowledge(e.currentTarget.checked)}
            data-testid="soc2-opinion-acknowledge"
          />
        )}
        <Group justify="flex-end">
          <ConfirmButton
            color="violet"
            disabled={(needsBasis && !basis.trim()) || (needsAck && !acknowledge)}
            loading={record.isPending}
            title={t('soc2Testing.opinionTab.formTitle')}
            message={t('soc2Testing.opinionTab.confirm', { opinion: t(`soc2Testing.opinion.phrase.${opinion}`) })}
            confirmLabel={t('soc2Testing.opinionTab.record')}
            onConfirm={() =>
              record.mutate({ opinion, basis, acknowledgeWarnings: needsAck && acknowledge }, { onSuccess: () => notifications.show({ color: 'teal', message: t('soc2Testing.opinionTab.recordedToast') }) })
            }
            data-testid="soc2-opinion-record"
          >
            {t('soc2Testing.opinionTab.record')}
          </ConfirmButton>
        </Group>
      </Stack>
    </Card>
  );
}

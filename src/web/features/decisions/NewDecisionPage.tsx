import { Alert, Button, Card, Group, NativeSelect, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { NoAccess } from '../../components/NoAccess';
import { PageHeader } from '../../components/PageHeader';
import { isApiError } from '../../lib/api';
import { useFormat } from '../../lib/format';
import { DECISION_KINDS, ZDecisionKind, type TDecisionKind } from '../../../shared/contracts/certification-decisions';
import type { TCreateDecisionBody, TTeamSeat } from '../../../shared/contracts/cert-decisions';
import { useTenantContext } from '../tenants/TenantRoute';
import { noon } from '../audits/StateBadge';
import { useDecisionPreview, useTakeDecision } from './api';
import { BlockersList, FileSummary, IndependenceAlert } from './file-parts';

const ON_CERTIFICATE: readonly TDecisionKind[] = ['maintain', 'suspend', 'reinstate', 'withdraw', 'reduce_scope', 'extend_scope', 'renew'];
const PUBLIC_REASON: readonly TDecisionKind[] = ['maintain', 'suspend', 'reinstate', 'withdraw', 'reduce_scope'];

/** The decision form: the file, what blocks it, the review, the caller's independence — then the decision and its reasoning. */
export function NewDecisionPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  const { tenant, can } = useTenantContext();
  const [params] = useSearchParams();
  const programmeId = params.get('programmeId') ?? undefined;
  const certificateId = params.get('certificateId') ?? undefined;
  const askedKind = ZDecisionKind.safeParse(params.get('kind')).data;
  const initialKind = askedKind ?? (certificateId ? 'maintain' : 'grant');
  const preview = useDecisionPreview(tenant.id, { programmeId, certificateId }, Boolean(programmeId || certificateId) && can('certDecision.read'));
  const take = useTakeDecision(tenant.id);
  const [kind, setKind] = useState<TDecisionKind>(initialKind);
  const [reasoning, setReasoning] = useState('');
  const [suspendedUntil, setSuspendedUntil] = useState('');
  const [scope, setScope] = useState({ en: '', fr: '' });
  const [reason, setReason] = useState({ en: '', fr: '' });
  // Unless the link asked for a kind, the form proposes the decision the audit team (else the reviewer) recommended, once.
  const proposed = useRef(false);
  const recommended = preview.data?.auditRecommendation?.decisionKind ?? preview.data?.review?.recommendation ?? null;
  useEffect(() => {
    if (proposed.current || !preview.data) return;
    proposed.current = true;
    if (!askedKind && recommended) setKind(recommended);
  }, [preview.data, askedKind, recommended]);

  if (!can('certDecision.read')) return <NoAccess />;
  if (!programmeId && !certificateId)
    return (
      <Stack>
        <PageHeader title={t('decisions.form.title')} />
        <Text>{t('decisions.form.pickProgramme')}</Text>
      </Stack>
    );
  if (preview.isPending) return <Loading />;
  if (preview.error) return <ErrorAlert error={preview.error} />;
  const p = preview.data;
  const refusedSeats: TTeamSeat[] | null =
    isApiError(take.error) && take.error.code === 'cert_decision_not_independent' ? ((take.error.details as { audits?: TTeamSeat[] })?.audits ?? []) : null;
  const seats = refusedSeats ?? (p.teamSeats.length ? p.teamSeats : null);

  const submit = () => {
    const body: TCreateDecisionBody = {
      programmeId: p.programmeId,
      kind,
      reasoning,
      ...(ON_CERTIFICATE.includes(kind) && p.certificate ? { certificateId: p.certificate.id } : {}),
      ...(kind === 'suspend' && suspendedUntil ? { suspendedUntil } : {}),
      ...((kind === 'reduce_scope' || kind === 'extend_scope') && scope.en && scope.fr ? { scope } : {}),
      ...(PUBLIC_REASON.includes(kind) && reason.en && reason.fr ? { publicReason: reason } : {}),
    };
    take.mutate(body, { onSuccess: (d) => navigate(`/t/${tenant.id}/decisions/${d.id}`) });
  };

  return (
    <Stack gap="lg">
      <PageHeader title={t('decisions.form.title')} description={`${p.clientName} (${p.clientReference}) · ${t('decisions.fields.cycle')} ${p.cycle}`} />
      {seats && <IndependenceAlert seats={seats} />}
      <Card withBorder padding="lg">
        <Stack gap="sm">
          <Text size="sm" data-testid="decision-certificate">
            {p.certificate
              ? t('decisions.form.certificate', { number: p.certificate.number, status: t(`decisions.certificateState.${p.certificate.status as 'valid'}`), expiry: format.date(noon(p.certificate.expiryDate)) })
              : t('decisions.form.noCertificate')}
          </Text>
          <BlockersList blockers={p.blockers} />
          {p.auditRecommendation && (
            <Alert color={p.auditRecommendation.decisionKind === kind ? 'green' : 'orange'} title={t('decisions.form.recommendation', { reference: p.auditRecommendation.auditReference, text: t(`auditWork.recommendation.${p.auditRecommendation.recommendation}`) })} data-testid="decision-recommendation">
              <Text size="sm">
                {p.auditRecommendation.decisionKind === kind
                  ? t('decisions.form.recommendationFollowed')
                  : t('decisions.form.recommendationDiffers', { kind: t(`decisions.kindTitle.${p.auditRecommendation.decisionKind}`) })}
              </Text>
            </Alert>
          )}
          {p.review?.recommendation && p.review.recommendation !== kind && (
            <Text size="sm" c="orange" data-testid="decision-review-differs">
              {t('decisions.form.reviewDiffers', { kind: t(`decisions.kindTitle.${p.review.recommendation}`) })}
            </Text>
          )}
          {p.review ? (
            <Alert color={p.review.stale ? 'orange' : p.review.state === 'completed' ? 'green' : 'gray'} title={t('decisions.review.title')} data-testid="decision-review">
              <Text size="sm">
                <Link to={`/t/${tenant.id}/technical-reviews/${p.review.id}`}>{p.review.auditReference}</Link> · {p.review.reviewer.name} · {t(`decisions.review.state.${p.review.state}`)}
                {p.review.recommendation ? ` · ${t('decisions.review.recommendationIs', { kind: t(`decisions.kind.${p.review.recommendation}`) })}` : ''}
              </Text>
              {p.review.state === 'completed' && <Text size="sm">{p.review.stale ? t('decisions.review.stale') : t('decisions.review.current')}</Text>}
            </Alert>
          ) : (
            <Text size="sm" c="dimmed">
              {t('decisions.review.none')}
            </Text>
          )}
        </Stack>
      </Card>
      <Card withBorder padding="lg">
        <Stack gap="sm">
          <NativeSelect
            label={t('decisions.fields.kind')}
            value={kind}
            onChange={(e) => setKind(e.currentTarget.value as TDecisionKind)}
            data={DECISION_KINDS.map((k) => ({ value: k, label: t(`decisions.kindTitle.${k}`) }))}
            data-testid="decision-kind"
          />
          {kind === 'suspend' && (
            <TextInput type="date" label={t('decisions.fields.suspendedUntil')} value={suspendedUntil} onChange={(e) => setSuspendedUntil(e.currentTarget.value)} data-testid="decision-suspended-until" />
          )}
          {(kind === 'reduce_scope' || kind === 'extend_scope') && (
            <>
              <Textarea label={t('decisions.fields.scopeEn')} value={scope.en} onChange={(e) => setScope({ ...scope, en: e.currentTarget.value })} autosize minRows={2} maxLength={4000} />
              <Textarea label={t('decisions.fields.scopeFr')} value={scope.fr} onChange={(e) => setScope({ ...scope, fr: e.currentTarget.value })} autosize minRows={2} maxLength={4000} />
            </>
          )}
          {PUBLIC_REASON.includes(kind) && (
            <>
              <TextInput label={t('decisions.fields.reasonEn')} description={t(kind === 'maintain' ? 'decisions.form.publicReasonMaintainHint' : 'decisions.form.publicReasonHint')} value={reason.en} onChange={(e) => setReason({ ...reason, en: e.currentTarget.value })} maxLength={1000} />
              <TextInput label={t('decisions.fields.reasonFr')} value={reason.fr} onChange={(e) => setReason({ ...reason, fr: e.currentTarget.value })} maxLength={1000} />
            </>
          )}
          <Textarea
            label={t('decisions.fields.reasoning')}
            description={t('decisions.form.reasoningHint')}
            value={reasoning}
            onChange={(e) => setReasoning(e.currentTarget.value)}
            autosize
            minRows={4}
            maxLength={8000}
            required
            data-testid="decision-reasoning"
          />
          {take.error && !refusedSeats && <ErrorAlert error={take.error} />}
          <Group justify="flex-end">
            <Button onClick={submit} loading={take.isPending} disabled={!can('certDecision.create') || reasoning.trim().length < 3} data-testid="decision-submit">
              {t('decisions.form.submit')}
            </Button>
          </Group>
        </Stack>
      </Card>
      <FileSummary file={p.file} sha256={p.fileSha256} />
    </Stack>
  );
}

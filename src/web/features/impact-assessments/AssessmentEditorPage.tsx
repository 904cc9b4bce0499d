import { Alert, Anchor, Badge, Button, Card, Group, NativeSelect, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ConfirmButton } from '../../components/ConfirmButton';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { NoAccess } from '../../components/NoAccess';
import { PageHeader } from '../../components/PageHeader';
import { isApiError } from '../../lib/api';
import { notifySuccess } from '../../lib/errors';
import { useFormat } from '../../lib/format';
import { EMPTY_FRIA, type TAssessment, type TAssessmentContentInput } from '../../../shared/contracts/impact-assessments';
import { useTenantContext } from '../tenants/TenantRoute';
import { exportUrl, useAssessment, useMoveAssessment, useUpdateAssessment } from './api';
import { AffectedEditor, FriaEditor, ImpactsEditor } from './ContentEditors';
import { STATUS_COLOR } from './ImpactAssessmentsPage';

const toInput = (a: TAssessment): TAssessmentContentInput => ({ ...a.current.content, fria: a.variant === 'fria' ? (a.current.content.fria ?? { ...EMPTY_FRIA }) : null });

export function AssessmentEditorPage() {
  const { tenant, can } = useTenantContext();
  const { assessmentId = '' } = useParams();
  const assessment = useAssessment(tenant.id, assessmentId);
  if (!can('impactAssessment.read')) return <NoAccess />;
  if (assessment.isPending) return <Loading />;
  if (assessment.error) return <ErrorAlert error={assessment.error} />;
  return <Editor key={`${assessment.data.version}-${assessment.data.status}`} tenantId={tenant.id} a={assessment.data} />;
}

function Editor({ tenantId, a }: { tenantId: string; a: TAssessment }) {
  const { t } = useTranslation();
  const format = useFormat();
  const update = useUpdateAssessment(tenantId, a.id);
  const move = useMoveAssessment(tenantId, a.id);
  const [title, setTitle] = useState(a.title);
  const [content, setContent] = useState<TAssessmentContentInput>(() => toInput(a));
  const [returnComment, setReturnComment] = useState('');
  const [approveComment, setApproveComment] = useState('');
  const [lang, setLang] = useState<'en' | 'fr'>('en');
  useEffect(() => setContent(toInput(a)), [a]);
  const editable = a.abilities['impactAssessment.update'];
  const v = a.current;
  const error = update.error ?? move.error;
  const missing = isApiError(error) && error.code === 'assessment_incomplete' ? ((error.details as { missing?: string[] })?.missing ?? []) : [];

  const save = (then?: () => void) =>
    update.mutate(
      { title, content },
      {
        onSuccess: () => {
          notifySuccess(t('impactAssessments.editor.saved'));
          then?.();
        },
      },
    );

  return (
    <Stack gap="lg">
      <Anchor component={Link} to={`/t/${tenantId}/impact-assessments`} size="sm">
        ← {t('impactAssessments.editor.back')}
      </Anchor>
      <PageHeader
        title={a.title}
        description={`${t(`impactAssessments.variant.${a.variant}`)} · ${a.aiSystemName}`}
        actions={
          <Group gap="xs">
            <Badge size="lg" variant="light" color="blue">
              {t('impactAssessments.editor.version', { version: a.version })}
            </Badge>
            <Badge size="lg" variant="light" color={STATUS_COLOR[a.status]} data-testid="ia-status">
              {t(`impactAssessments.status.${a.status}`)}
            </Badge>
          </Group>
        }
      />

      <Alert color={a.friaApplicability.applies ? 'orange' : 'gray'} title={t(a.friaApplicability.applies ? 'impactAssessments.applicability.yes' : 'impactAssessments.applicability.no')} data-testid="ia-applicability">
        {t(`impactAssessments.applicability.reason.${a.friaApplicability.reason}`)}
        {a.friaApplicability.applies && a.friaApplicability.appliesFrom ? ` ${t('impactAssessments.applicability.appliesFrom', { date: format.date(a.friaApplicability.appliesFrom) })}` : ''}
      </Alert>

      {a.status === 'approved' && <Alert color="teal">{t('impactAssessments.editor.frozen')}</Alert>}
      {a.status === 'in_review' && <Alert color="orange">{t('impactAssessments.editor.inReview')}</Alert>}
      {v.returnComment && a.status === 'draft' && <Alert color="yellow">{t('impactAssessments.editor.returnedWith', { comment: v.returnComment })}</Alert>}
      <Group gap="lg">
        {v.submittedBy && v.submittedAt && (
          <Text size="sm" c="dimmed">
            {t('impactAssessments.editor.submittedBy', { name: v.submittedBy.name, date: format.date(v.submittedAt) })}
          </Text>
        )}
        {v.approvedBy && v.approvedAt && (
          <Text size="sm" c="dimmed" data-testid="ia-approved-by">
            {t('impactAssessments.editor.approvedBy', { name: v.approvedBy.name, date: format.date(v.approvedAt) })}
          </Text>
        )}
      </Group>

      {missing.length === 0 && <ErrorAlert error={error} />}
      {missing.length > 0 && (
        <Alert color="red" data-testid="ia-missing">
          {t('impactAssessments.editor.missing', { fields: missing.map((m) => t(`impactAssessments.missing.${m.replace('.', '_')}` as 'impactAssessments.missing.affected')).join(', ') })}
        </Alert>
      )}

      <Card withBorder padding="lg">
        <Stack gap="md">
          <TextInput label={t('impactAssessments.editor.title')} value={title} onChange={(e) => setTitle(e.currentTarget.value)} readOnly={!editable} maxLength={200} data-testid="ia-title" />
          <Textarea
            label={t('impactAssessments.editor.summary')}
            description={t('impactAssessments.editor.summaryHint')}
            value={content.summary}
            onChange={(e) => setContent({ ...content, summary: e.currentTarget.value })}
            readOnly={!editable}
            autosize
            minRows={2}
            maxLength={4000}
            data-testid="ia-summary"
          />
        </Stack>
      </Card>

      <AffectedEditor value={content.affected} onChange={(affected) => setContent({ ...content, affected })} readOnly={!editable} />
      <ImpactsEditor tenantId={tenantId} value={content.impacts} onChange={(impacts) => setContent({ ...content, impacts })} readOnly={!editable} significantSeverity={a.significantSeverity} />
      {a.variant === 'fria' && content.fria && <FriaEditor value={content.fria} onChange={(fria) => setContent({ ...content, fria })} readOnly={!editable} />}

      <Card withBorder padding="lg">
        <Stack gap="md">
          <Textarea
            label={t('impactAssessments.editor.conclusion')}
            value={content.conclusion}
            onChange={(e) => setContent({ ...content, conclusion: e.currentTarget.value })}
            readOnly={!editable}
            autosize
            minRows={2}
            maxLength={4000}
            data-testid="ia-conclusion"
          />
          <TextInput
            type="date"
            label={t('impactAssessments.editor.nextReviewOn')}
            value={content.nextReviewOn ?? ''}
            onChange={(e) => setContent({ ...content, nextReviewOn: e.currentTarget.value || null })}
            readOnly={!editable}
            w={220}
            data-testid="ia-next-review"
          />
        </Stack>
      </Card>

      <Card withBorder padding="lg">
        <Stack gap="md">
          <Group gap="sm">
            {editable && (
              <Button onClick={() => save()} loading={update.isPending} data-testid="ia-save">
                {t('impactAssessments.editor.save')}
              </Button>
            )}
            {a.abilities['impactAssessment.submit'] && (
              <Button
                color="orange"
                loading={move.isPending}
                onClick={() => save(() => move.mutate({ kind: 'submit' }, { onSuccess: () => notifySuccess(t('impactAssessments.editor.submitted')) }))}
                data-testid="ia-submit"
              >
                {t('impactAssessments.editor.submit')}
              </Button>
            )}
            {a.abilities['impactAssessment.revise'] && (
              <Button variant="light" loading={move.isPending} onClick={() => move.mutate({ kind: 'versions' }, { onSuccess: (d) => notifySuccess(t('impactAssessments.editor.newVersionStarted', { version: d.version })) })} data-testid="ia-new-version">
                {t('impactAssessments.editor.newVersion')}
              </Button>
            )}
          </Group>
          {a.status === 'in_review' && !a.abilities['impactAssessment.approve'] && a.current.submittedBy && (
            <Text size="sm" c="dimmed">
              {t('impactAssessments.editor.ownApproval')}
            </Text>
          )}
          {a.abilities['impactAssessment.approve'] && (
            <Group align="flex-end">
              <TextInput label={t('impactAssessments.editor.approveComment')} value={approveComment} onChange={(e) => setApproveComment(e.currentTarget.value)} maxLength={2000} style={{ flex: 1 }} data-testid="ia-approve-comment" />
              <ConfirmButton
                color="teal"
                title={t('impactAssessments.editor.approve')}
                message={t('impactAssessments.editor.approveConfirm', { version: a.version })}
                confirmLabel={t('impactAssessments.editor.approve')}
                onConfirm={() => move.mutate({ kind: 'approve', ...(approveComment.trim() ? { comment: approveComment } : {}) }, { onSuccess: () => notifySuccess(t('impactAssessments.editor.approved')) })}
                data-testid="ia-approve"
              >
                {t('impactAssessments.editor.approve')}
              </ConfirmButton>
            </Group>
          )}
          {a.abilities['impactAssessment.return'] && (
            <Group align="flex-end">
              <TextInput label={t('impactAssessments.editor.returnComment')} value={returnComment} onChange={(e) => setReturnComment(e.currentTarget.value)} maxLength={2000} style={{ flex: 1 }} data-testid="ia-return-comment" />
              <Button variant="default" disabled={!returnComment.trim()} onClick={() => move.mutate({ kind: 'return', comment: returnComment }, { onSuccess: () => notifySuccess(t('impactAssessments.editor.returned')) })} data-testid="ia-return">
                {t('impactAssessments.editor.return')}
              </Button>
            </Group>
          )}
          <Group align="flex-end" gap="sm">
            <NativeSelect
              label={t('impactAssessments.editor.exportLanguage')}
              value={lang}
              onChange={(e) => setLang(e.currentTarget.value as 'en' | 'fr')}
              data={[
                { value: 'en', label: t('language.name.en') },
                { value: 'fr', label: t('language.name.fr') },
              ]}
              data-testid="ia-export-lang"
            />
            <Button component="a" variant="default" href={exportUrl(tenantId, a.id, a.version, 'pdf', lang)} download data-testid="ia-export-pdf">
              {t('impactAssessments.editor.exportPdf')}
            </Button>
            <Button component="a" variant="default" href={exportUrl(tenantId, a.id, a.version, 'json', lang)} download data-testid="ia-export-json">
              {t('impactAssessments.editor.exportJson')}
            </Button>
          </Group>
        </Stack>
      </Card>

      <Card withBorder padding="lg">
        <Title order={2} size="h4" mb="sm">
          {t('impactAssessments.editor.history')}
        </Title>
        <Stack gap={4}>
          {a.versions.map((h) => (
            <Group key={h.version} gap="sm">
              <Text size="sm">{t('impactAssessments.list.versionValue', { version: h.version })}</Text>
              <Badge variant="light" color={STATUS_COLOR[h.status]}>
                {t(`impactAssessments.status.${h.status}`)}
              </Badge>
              {h.approvedBy && h.approvedAt && (
                <Text size="sm" c="dimmed">
                  {t('impactAssessments.editor.approvedBy', { name: h.approvedBy.name, date: format.date(h.approvedAt) })}
                </Text>
              )}
              <Anchor size="sm" href={exportUrl(tenantId, a.id, h.version, 'pdf', lang)} download>
                {t('impactAssessments.editor.exportPdf')}
              </Anchor>
            </Group>
          ))}
        </Stack>
      </Card>
    </Stack>
  );
}

import { Alert, Anchor, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { useFormat } from '../../lib/format';
import { useTenantContext } from '../tenants/TenantRoute';
import { engagementFileUrl, useEngagementEvidence } from './api';
import { EvidenceFacts, EvidenceRevisions } from './EvidenceFacts';

/**
 * A client's evidence record as its auditors see it: read only, through the engagement, and each
 * opening (and each download of its file) is in the organization's "who read what".
 */
export function EngagementEvidencePage() {
  const { t } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  const { tenant } = useTenantContext();
  const { engagementId, evidenceId } = useParams() as { engagementId: string; evidenceId: string };
  const e = useEngagementEvidence(engagementId, evidenceId);
  if (e.isPending) return <Loading />;
  if (e.error) return <ErrorAlert error={e.error} />;
  const d = e.data;
  return (
    <Stack gap="xl">
      <Anchor component="button" type="button" size="sm" onClick={() => navigate(-1)} style={{ alignSelf: 'flex-start' }}>
        ← {t('evidence.throughEngagement.back')}
      </Anchor>
      <PageHeader title={d.title} description={`${t(`evidence.kind.${d.kind}`)} · ${t('evidence.fields.revision')} ${format.number(d.revision)}`} />
      <Alert variant="light" color="blue" data-testid="evidence-read-logged">
        {t('evidence.throughEngagement.logged')}
      </Alert>
      <EvidenceFacts d={d} downloadHref={engagementFileUrl(engagementId, d.id)} />
      <EvidenceRevisions d={d} hrefOf={(id) => `/t/${tenant.id}/engagements/${engagementId}/evidence/${id}`} />
    </Stack>
  );
}

import { Anchor, Card, Code, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { NoAccess } from '../../components/NoAccess';
import { PageHeader } from '../../components/PageHeader';
import { useFormat } from '../../lib/format';
import { useTenantContext } from '../tenants/TenantRoute';
import { noon } from '../audits/StateBadge';
import { useDecision } from './api';
import { FileSummary } from './file-parts';

/** One decision: what, by whom, why, and the file exactly as it was decided. */
export function DecisionPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { tenant, can } = useTenantContext();
  const { decisionId = '' } = useParams();
  const d = useDecision(tenant.id, decisionId);
  if (!can('certDecision.read')) return <NoAccess />;
  if (d.isPending) return <Loading />;
  if (d.error) return <ErrorAlert error={d.error} />;
  const x = d.data;
  const row = (label: string, value: React.ReactNode, testId?: string) => (
    <Table.Tr>
      <Table.Th w={220}>{label}</Table.Th>
      <Table.Td data-testid={testId}>{value}</Table.Td>
    </Table.Tr>
  );
  return (
    <Stack gap="lg">
      <PageHeader
        title={t('decisions.detail.title', { reference: x.reference })}
        description={`${x.clientName} (${x.clientReference})`}
        actions={
          <Anchor component={Link} to={`/t/${tenant.id}/decisions`}>
            {t('decisions.detail.back')}
          </Anchor>
        }
      />
      <Card withBorder padding="lg">
        <Table>
          <Table.Tbody>
            {row(t('decisions.fields.kind'), t(`decisions.kindTitle.${x.kind}`), 'decision-kind-value')}
            {row(t('decisions.fields.decidedOn'), format.date(noon(x.decidedOn)))}
            {row(t('decisions.fields.decidedBy'), x.decidedBy.name)}
            {row(t('decisions.fields.cycle'), x.cycle)}
            {row(t('decisions.fields.certificate'), x.certificateNumber ?? t('common.none'), 'decision-certificate-number')}
            {x.technicalReviewId && row(t('decisions.fields.review'), <Link to={`/t/${tenant.id}/technical-reviews/${x.technicalReviewId}`}>{t('decisions.review.title')}</Link>)}
            {row(t('decisions.fields.reasoning'), <Text style={{ whiteSpace: 'pre-wrap' }}>{x.reasoning}</Text>)}
            {row(t('decisions.fields.fileSha256'), <Code>{x.fileSha256}</Code>)}
          </Table.Tbody>
        </Table>
      </Card>
      <FileSummary file={x.file} sha256={x.fileSha256} />
    </Stack>
  );
}

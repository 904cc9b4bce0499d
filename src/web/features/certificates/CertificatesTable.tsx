import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DataTable } from '../../components/DataTable';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { useFormat } from '../../lib/format';
import type { TCertificateSummary } from '../../../shared/contracts/certificates';
import type { TCertificateState } from '../../../shared/contracts/certification-decisions';
import { noon } from '../audits/StateBadge';
import { useCertificates, type TCertificateSide } from './api';
import { CertificateStatusBadge } from './CertificateStatusBadge';

/** Certificates as a table, linking each to its page (the body's or the organization's). */
export function CertificatesTable({ tenantId, side, status, enabled }: { tenantId: string; side: TCertificateSide; status?: TCertificateState; enabled: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const list = useCertificates(tenantId, side, status ? { status } : {}, enabled);
  if (list.isPending) return <Loading />;
  if (list.error) return <ErrorAlert error={list.error} />;
  const rows = list.data.pages.flatMap((p) => p.items);
  const href = (c: TCertificateSummary) => (side === 'body' ? `/t/${tenantId}/certificates/${c.id}` : `/t/${tenantId}/certification/certificates/${c.id}`);
  return (
    <DataTable<TCertificateSummary>
      testId="certificates-table"
      label={t('certificates.web.title')}
      rows={rows}
      rowKey={(c) => c.id}
      rowTestId={(c) => `certificate-row-${c.number}`}
      empty={t('certificates.web.empty')}
      loadMore={{ hasMore: Boolean(list.hasNextPage), loading: list.isFetchingNextPage, onLoadMore: () => void list.fetchNextPage() }}
      columns={[
        { key: 'number', header: t('certificates.web.number'), cell: (c) => <Link to={href(c)} data-testid={`certificate-link-${c.number}`}>{c.number}</Link>, nowrap: true },
        { key: 'holder', header: t('certificates.web.holder'), cell: (c) => c.holderName, sortValue: (c) => c.holderName },
        { key: 'status', header: t('certificates.web.statusLabel'), cell: (c) => <CertificateStatusBadge status={c.status} /> },
        { key: 'effective', header: t('certificates.web.effective'), cell: (c) => format.date(noon(c.effectiveDate)), sortValue: (c) => c.effectiveDate, nowrap: true },
        { key: 'expiry', header: t('certificates.web.expiry'), cell: (c) => format.date(noon(c.expiryDate)), sortValue: (c) => c.expiryDate, nowrap: true },
      ]}
    />
  );
}

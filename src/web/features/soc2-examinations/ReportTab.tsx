import { Alert, Anchor, Badge, Card, Code, Group, List, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { ConfirmButton } from '../../components/ConfirmButton';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { useFormat } from '../../lib/format';
import { noon } from '../audits/StateBadge';
import type { TLocale } from '../../../shared/contracts/common';
import type { TSoc2Examination } from '../../../shared/contracts/soc2-examinations';
import { SOC2_BRIDGE_MAX_MONTHS, SOC2_DOCUMENT_FORMATS, type TSoc2DocumentFormat, type TSoc2IssuedDocument, type TSoc2ReportStatus } from '../../../shared/contracts/soc2-report';
import { useTenantContext } from '../tenants/TenantRoute';
import { soc2BridgeLetterFileUrl, soc2PreviewUrl, soc2ReportFileUrl, useIssueSoc2GeneralUse, useIssueSoc2Report, useSoc2Report } from './api';
import { Fact } from './ExaminationBits';
import { previewable } from './report-gate';

const LOCALES: readonly TLocale[] = ['en', 'fr'];

/**
 * The report, stage 5: what still stops it from being issued (in words), the draft preview in
 * either language, the issue by the engagement partner after a confirmation that says the report
 * becomes immutable, then the issued files with their SHA-256, the general-use summary and the
 * organization's bridge letters.
 */
export function ReportTab({ examination: x }: { examination: TSoc2Examination }) {
  const { t } = useTranslation();
  const { tenant } = useTenantContext();
  const status = useSoc2Report(tenant.id, x.id);
  if (status.isPending) return <Loading />;
  if (status.error) return <ErrorAlert error={status.error} />;
  const s = status.data;
  return (
    <Stack gap="lg" data-testid="soc2-report">
      <Text size="sm" c="dimmed">
        {t('soc2Report.report.intro')}
      </Text>
      {s.report ? <IssuedReport examinationId={x.id} status={s} report={s.report} /> : <NotIssued examination={x} status={s} />}
      <GeneralUse examinationId={x.id} status={s} />
      <BridgeLetters examinationId={x.id} letters={s.bridgeLetters} type1={s.reportType === 'type1'} />
    </Stack>
  );
}

function NotIssued({ examination: x, status: s }: { examination: TSoc2Examination; status: TSoc2ReportStatus }) {
  const { t } = useTranslation();
  const { tenant } = useTenantContext();
  const issue = useIssueSoc2Report(tenant.id, x.id);
  const canPreview = previewable(s);
  return (
    <>
      <Card withBorder padding="lg">
        <Group gap="xl" align="flex-start" mb="md">
          <Fact label={t('soc2Report.report.reference')} value={s.examinationReference} />
          <Fact label={t('soc2Report.report.type')} value={t(`soc2Engagements.reportType.${s.reportType}`)} />
          <Fact
            label={t('soc2Report.report.status')}
            value={
              <Badge color="gray" variant="light" data-testid="soc2-report-status" data-issued="false">
                {t('soc2Report.report.statusNotIssued')}
              </Badge>
            }
          />
          <Fact label={t('soc2Report.report.partner')} value={x.partner?.name ?? t('soc2Report.report.noPartner')} />
        </Group>
        {s.missing.length > 0 ? (
          <Alert color="orange" variant="light" title={t('soc2Report.report.gateTitle')} data-testid="soc2-report-gate">
            <List size="sm">
              {s.missing.map((m) => (
                <List.Item key={m} data-testid={`soc2-report-gap-${m}`}>
                  {t(`soc2Report.report.gap.${m}`, { state: t(`soc2Engagements.state.${s.state}`) })}
                </List.Item>
              ))}
            </List>
          </Alert>
        ) : (
          <Alert color="teal" variant="light" data-testid="soc2-report-ready">
            {t('soc2Report.report.gateReady')}
          </Alert>
        )}
      </Card>
      <Card withBorder padding="lg">
        <Title order={3} size="h5" mb={4}>
          {t('soc2Report.report.preview.title')}
        </Title>
        <Text size="sm" c="dimmed" mb="sm">
          {canPreview ? t('soc2Report.report.preview.help') : t('soc2Report.report.preview.unavailable')}
        </Text>
        {canPreview && (
          <Group>
            {LOCALES.map((l) => (
              <Anchor key={l} href={soc2PreviewUrl(tenant.id, x.id, l)} target="_blank" rel="noopener" data-testid={`soc2-report-preview-${l}`}>
                {t(`soc2Report.report.preview.${l}`)}
              </Anchor>
            ))}
          </Group>
        )}
      </Card>
      <Group justify="flex-end" align="center">
        <ErrorAlert error={issue.error} />
        {s.abilities['soc2Report.issue'] ? (
          <ConfirmButton
            color="teal"
            disabled={s.missing.length > 0}
            loading={issue.isPending}
            title={t('soc2Report.report.issue.title')}
            message={t('soc2Report.report.issue.message', { reference: s.examinationReference })}
            confirmLabel={t('soc2Report.report.issue.confirm')}
            onConfirm={() =>
              issue.mutate(undefined, { onSuccess: (r) => notifications.show({ color: 'teal', message: t('soc2Report.report.issue.done', { reference: r.report?.reference ?? s.examinationReference }) }) })
            }
            data-testid="soc2-report-issue"
          >
            {t('soc2Report.report.issue.button')}
          </ConfirmButton>
        ) : (
          <Text size="sm" c="dimmed" data-testid="soc2-report-only-partner">
            {x.partner ? t('soc2Report.report.issue.onlyPartner', { name: x.partner.name }) : t('soc2Report.report.issue.onlyPartnerNone')}
          </Text>
        )}
      </Group>
    </>
  );
}

function IssuedReport({ examinationId, status: s, report: r }: { examinationId: string; status: TSoc2ReportStatus; report: TSoc2IssuedDocument }) {
  const { t } = useTranslation();
  const { tenant } = useTenantContext();
  const format = useFormat();
  return (
    <Card withBorder padding="lg" data-testid="soc2-report-issued">
      <Group gap="xl" align="flex-start" mb="md">
        <Fact label={t('soc2Report.report.reference')} value={r.reference} testId="soc2-report-reference" />
        <Fact label={t('soc2Report.report.type')} value={t(`soc2Engagements.reportType.${s.reportType}`)} />
        <Fact
          label={t('soc2Report.report.status')}
          value={
            <Badge color="teal" variant="light" data-testid="soc2-report-status" data-issued="true">
              {t('soc2Report.report.statusIssued')}
            </Badge>
          }
        />
        <Fact label={t('soc2Report.report.issuedAt')} value={format.dateTime(r.issuedAt)} testId="soc2-report-issued-at" />
        <Fact label={t('soc2Report.report.issuedBy')} value={r.issuedBy?.name ?? t('common.none')} testId="soc2-report-issued-by" />
      </Group>
      <Fact label={t('soc2Report.report.modelSha')} value={<Code data-testid="soc2-report-model-sha">{r.modelSha256}</Code>} />
      <Title order={3} size="h5" mt="lg" mb="xs">
        {t('soc2Report.report.files.title')}
      </Title>
      <FilesTable files={r.files} href={(l, f) => soc2ReportFileUrl(tenant.id, examinationId, 'report', l, f)} testId="soc2-report-file" withSha />
    </Card>
  );
}

/** The four files of an issued document: a row per language, a download per format, the SHA-256 of each file. */
function FilesTable({ files, href, testId, withSha }: { files: TSoc2IssuedDocument['files']; href: (l: TLocale, f: TSoc2DocumentFormat) => string; testId: string; withSha?: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Table withRowBorders={false} verticalSpacing={4} fz="sm">
      <Table.Tbody>
        {LOCALES.map((l) => (
          <Table.Tr key={l}>
            <Table.Td>{t(`soc2Report.report.files.lang.${l}`)}</Table.Td>
            {SOC2_DOCUMENT_FORMATS.map((fmt) => {
              const f = files.find((x) => x.locale === l && x.format === fmt);
              return (
                <Table.Td key={fmt}>
                  {f && (
                    <Stack gap={0}>
                      <Anchor href={href(l, fmt)} download data-testid={`${testId}-${l}-${fmt}`} title={`SHA-256 ${f.sha256}`}>
                        {t('soc2Report.report.files.download', { format: fmt.toUpperCase(), size: format.number(Math.ceil(f.size / 1024)) })}
                      </Anchor>
                      {withSha && (
                        <Text size="xs" c="dimmed" ff="monospace" style={{ wordBreak: 'break-all' }} data-testid={`${testId}-${l}-${fmt}-sha`}>
                          {f.sha256}
                        </Text>
                      )}
                    </Stack>
                  )}
                </Table.Td>
              );
            })}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function GeneralUse({ examinationId, status: s }: { examinationId: string; status: TSoc2ReportStatus }) {
  const { t } = useTranslation();
  const { tenant } = useTenantContext();
  const format = useFormat();
  const issue = useIssueSoc2GeneralUse(tenant.id, examinationId);
  const g = s.generalUse;
  return (
    <Card withBorder padding="lg" data-testid="soc2-general-use">
      <Title order={3} size="h5" mb={4}>
        {t('soc2Report.report.generalUse.heading')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('soc2Report.report.generalUse.help')}
      </Text>
      {g ? (
        <>
          <Text size="sm" data-testid="soc2-general-use-issued">
            {t('soc2Report.report.generalUse.issued', { reference: g.reference, date: format.dateTime(g.issuedAt), name: g.issuedBy?.name ?? t('common.none') })}
          </Text>
          <FilesTable files={g.files} href={(l, f) => soc2ReportFileUrl(tenant.id, examinationId, 'general-use', l, f)} testId="soc2-general-use-file" />
        </>
      ) : !s.report ? (
        <Text size="sm">{t('soc2Report.report.generalUse.notYet')}</Text>
      ) : s.abilities['soc2Report.issueGeneralUse'] ? (
        <Group>
          <ConfirmButton
            variant="light"
            color="teal"
            loading={issue.isPending}
            title={t('soc2Report.report.generalUse.title')}
            message={t('soc2Report.report.generalUse.message', { reference: s.report.reference })}
            confirmLabel={t('soc2Report.report.generalUse.confirm')}
            onConfirm={() => issue.mutate(undefined, { onSuccess: () => notifications.show({ color: 'teal', message: t('soc2Report.report.generalUse.done') }) })}
            data-testid="soc2-general-use-issue"
          >
            {t('soc2Report.report.generalUse.button')}
          </ConfirmButton>
          <ErrorAlert error={issue.error} />
        </Group>
      ) : (
        <Text size="sm">
          {t('soc2Report.report.generalUse.notIssued')} {t('soc2Report.report.generalUse.onlyPartner')}
        </Text>
      )}
    </Card>
  );
}

function BridgeLetters({ examinationId, letters, type1 }: { examinationId: string; letters: TSoc2IssuedDocument[]; type1: boolean }) {
  const { t } = useTranslation();
  const { tenant } = useTenantContext();
  const format = useFormat();
  // Bridge letters follow a Type II report only: nothing to show for a Type I.
  if (type1) return null;
  return (
    <Card withBorder padding="lg" data-testid="soc2-bridge-letters">
      <Title order={3} size="h5" mb={4}>
        {t('soc2Report.report.bridge.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('soc2Report.report.bridge.help', { months: format.number(SOC2_BRIDGE_MAX_MONTHS) })}
      </Text>
      {letters.length === 0 ? (
        <Text size="sm" data-testid="soc2-bridge-letters-empty">
          {t('soc2Report.report.bridge.empty')}
        </Text>
      ) : (
        <Table fz="sm" verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('soc2Report.report.bridge.reference')}</Table.Th>
              <Table.Th>{t('soc2Report.report.bridge.coversUntil')}</Table.Th>
              <Table.Th>{t('soc2Report.report.bridge.issued')}</Table.Th>
              <Table.Th>{t('soc2Report.report.bridge.files')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {letters.map((b) => (
              <Table.Tr key={b.id} data-testid={`soc2-bridge-letter-${b.reference}`}>
                <Table.Td>{b.reference}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{b.coversUntil ? format.date(noon(b.coversUntil)) : t('common.none')}</Table.Td>
                <Table.Td>{t('soc2Report.report.bridge.issuedBy', { date: format.dateTime(b.issuedAt), name: b.issuedBy?.name ?? t('common.none') })}</Table.Td>
                <Table.Td>
                  <FilesTable files={b.files} href={(l, f) => soc2BridgeLetterFileUrl(tenant.id, examinationId, b.id, l, f)} testId={`soc2-bridge-letter-file-${b.reference}`} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Card>
  );
}

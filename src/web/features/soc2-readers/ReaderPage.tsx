import { Alert, Badge, Button, Divider, Group, ScrollArea, Stack, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ZAcceptSoc2NdaBody, type TPublicSoc2Reader } from '../../../shared/contracts/soc2-readers';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { PublicShell } from '../../layout/PublicShell';
import { isApiError } from '../../lib/api';
import { useContractForm, useServerErrors } from '../../lib/forms';
import { useFormat } from '../../lib/format';
import { useReportPeriod } from '../soc2-programme/Soc2Bits';
import { readerDownloadUrl, useAcceptNda, usePublicReader } from './api';

/**
 * The page a report reader opens from their mail (no account): who the report is for and what it
 * covers, the firm's restricted-use terms in the reader's language, acceptance by typing their
 * name, then the downloads of their own stamped copy. Shown in the invitation's language first.
 */
export function ReaderPage() {
  const { t, i18n } = useTranslation();
  const { token = '' } = useParams();
  const reader = usePublicReader(token);
  const languageSet = useRef(false);
  useEffect(() => {
    if (reader.data && !languageSet.current) {
      languageSet.current = true;
      if (i18n.resolvedLanguage !== reader.data.locale) void i18n.changeLanguage(reader.data.locale);
    }
  }, [reader.data, i18n]);

  let body;
  if (reader.isPending) body = <Loading />;
  else if (reader.error) {
    const code = isApiError(reader.error) ? (reader.error as { code?: string }).code : undefined;
    body =
      code === 'soc2_reader_expired' || code === 'soc2_reader_revoked' ? (
        <Alert color="orange" title={t(`soc2Readers.reader.${code === 'soc2_reader_expired' ? 'expiredTitle' : 'revokedTitle'}`)} data-testid="reader-refused">
          {t(`soc2Readers.reader.${code === 'soc2_reader_expired' ? 'expired' : 'revoked'}`)}
        </Alert>
      ) : isApiError(reader.error, 404) || isApiError(reader.error, 400) ? (
        <Alert color="red" title={t('soc2Readers.reader.invalidTitle')} data-testid="reader-invalid">
          {t('soc2Readers.reader.invalid')}
        </Alert>
      ) : (
        <ErrorAlert error={reader.error} />
      );
  } else body = <ReaderView token={token} r={reader.data} />;
  return <PublicShell width={760}>{body}</PublicShell>;
}

function ReaderView({ token, r }: { token: string; r: TPublicSoc2Reader }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const period = useReportPeriod();
  const lang = i18n.resolvedLanguage === 'fr' ? 'fr' : 'en';
  const ndaText = lang === 'fr' ? r.nda.textFr : r.nda.textEn;
  return (
    <Stack gap="md" data-testid="reader-page">
      <Title order={1} size="h3">
        {t('soc2Readers.reader.title')}
      </Title>
      <Text data-testid="reader-report">
        {t('soc2Readers.reader.intro', {
          organization: r.report.organizationName,
          type: t(`soc2Engagements.reportType.${r.report.reportType}`),
          firm: r.report.firmName,
          period: period({ reportType: r.report.reportType, asOfDate: r.report.asOfDate, periodStart: r.report.periodStart, periodEnd: r.report.periodEnd }),
        })}
      </Text>
      <Group gap="xs">
        <Badge variant="light">{r.report.reference}</Badge>
        <Text size="sm" c="dimmed" data-testid="reader-for">
          {t('soc2Readers.reader.for', { name: r.name, company: r.company, date: format.date(r.expiresAt) })}
        </Text>
      </Group>
      <Divider />
      <Title order={2} size="h4">
        {t('soc2Readers.reader.ndaTitle', { version: r.nda.version })}
      </Title>
      <ScrollArea.Autosize mah={360} type="auto" offsetScrollbars>
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid="reader-nda">
          {ndaText}
        </Text>
      </ScrollArea.Autosize>
      <Text size="xs" c="dimmed">
        {t('soc2Readers.reader.ndaSha', { sha: r.nda.sha256 })}
      </Text>
      <Divider />
      {r.accepted ? <Downloads token={token} r={r} /> : <AcceptForm token={token} r={r} />}
    </Stack>
  );
}

function AcceptForm({ token, r }: { token: string; r: TPublicSoc2Reader }) {
  const { t } = useTranslation();
  const accept = useAcceptNda(token);
  const form = useContractForm(ZAcceptSoc2NdaBody.pick({ name: true }), { name: '' });
  const unplaced = useServerErrors(form, accept.error);
  return (
    <form onSubmit={form.onSubmit(({ name }) => accept.mutate({ name: name.trim(), ndaVersion: r.nda.version, ndaSha256: r.nda.sha256 }))}>
      <Stack gap="sm">
        <ErrorAlert error={unplaced} />
        <TextInput
          label={t('soc2Readers.reader.nameLabel')}
          description={t('soc2Readers.reader.nameHelp', { name: r.name })}
          autoComplete="name"
          required
          data-testid="reader-accept-name"
          {...form.getInputProps('name')}
        />
        <Group>
          <Button type="submit" loading={accept.isPending} data-testid="reader-accept">
            {t('soc2Readers.reader.accept')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function Downloads({ token, r }: { token: string; r: TPublicSoc2Reader }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Stack gap="sm" data-testid="reader-downloads">
      <Alert color="green" data-testid="reader-accepted">
        {t('soc2Readers.reader.accepted', { name: r.accepted!.name, date: format.dateTime(r.accepted!.at) })}
      </Alert>
      <Text size="sm">{t('soc2Readers.reader.downloadHelp', { name: r.name, company: r.company })}</Text>
      <Group>
        {r.report.locales.map((l) => (
          <Button key={l} component="a" href={readerDownloadUrl(token, l)} download data-testid={`reader-download-${l}`}>
            {t(`soc2Readers.reader.download.${l}`)}
          </Button>
        ))}
      </Group>
    </Stack>
  );
}

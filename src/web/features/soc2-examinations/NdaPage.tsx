import { Accordion, Anchor, Card, Group, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ConfirmButton } from '../../components/ConfirmButton';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { NoAccess } from '../../components/NoAccess';
import { PageHeader } from '../../components/PageHeader';
import { useFormat } from '../../lib/format';
import { SOC2_NDA_TEXT_MAX, type TSoc2NdaText } from '../../../shared/contracts/soc2-readers';
import { useTenantContext } from '../tenants/TenantRoute';
import { usePublishSoc2Nda, useSoc2NdaTexts } from './api';

// The server's minimum for each text (ZPublishSoc2NdaBody): checked here so the button says why it waits.
const MIN = 50;

/**
 * The firm's restricted-use terms (NDA) its report readers accept: the version in force in both
 * languages with its SHA-256, the earlier versions, and, for the scheme manager, the next version.
 * Versions are never edited: publishing adds one, and readers keep the version they accepted.
 */
export function NdaPage() {
  const { t } = useTranslation();
  const { tenant, can } = useTenantContext();
  const texts = useSoc2NdaTexts(tenant.id);
  if (!can('soc2Reader.read')) return <NoAccess />;
  if (texts.isPending) return <Loading />;
  if (texts.error) return <ErrorAlert error={texts.error} />;
  const [current, ...history] = texts.data.versions;
  return (
    <Stack gap="lg" data-testid="soc2-nda-page">
      <Anchor component={Link} to={`/t/${tenant.id}/soc2-examinations`} size="sm">
        ← {t('soc2Engagements.firm.list.title')}
      </Anchor>
      <PageHeader title={t('soc2Report.nda.title')} description={t('soc2Report.nda.intro')} />
      {current && (
        <Card withBorder padding="lg" data-testid="soc2-nda-current">
          <Title order={2} size="h4" mb={4} data-testid="soc2-nda-current-version">
            {t('soc2Report.nda.current', { version: current.version })}
          </Title>
          <Version v={current} />
        </Card>
      )}
      {texts.data.abilities['soc2Nda.publish'] ? (
        current && <PublishForm key={current.version} current={current} />
      ) : (
        <Text size="sm" c="dimmed">
          {t('soc2Report.nda.onlyManager')}
        </Text>
      )}
      <Card withBorder padding="lg">
        <Title order={2} size="h5" mb="sm">
          {t('soc2Report.nda.history')}
        </Title>
        {history.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('soc2Report.nda.historyEmpty')}
          </Text>
        ) : (
          <Accordion variant="separated" data-testid="soc2-nda-history">
            {history.map((v) => (
              <Accordion.Item key={v.version} value={String(v.version)}>
                <Accordion.Control data-testid={`soc2-nda-version-${v.version}`}>{t('soc2Report.nda.version', { version: v.version })}</Accordion.Control>
                <Accordion.Panel>
                  <Version v={v} />
                </Accordion.Panel>
              </Accordion.Item>
            ))}
          </Accordion>
        )}
      </Card>
    </Stack>
  );
}

function Version({ v }: { v: TSoc2NdaText }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        {v.createdBy ? t('soc2Report.nda.since', { date: format.dateTime(v.createdAt), name: v.createdBy.name }) : t('soc2Report.nda.sinceAttest', { date: format.date(v.createdAt) })}
      </Text>
      <Text size="xs" c="dimmed" style={{ wordBreak: 'break-all' }} data-testid={`soc2-nda-sha-${v.version}`}>
        {t('soc2Report.nda.sha', { sha: v.sha256 })}
      </Text>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        {(['en', 'fr'] as const).map((l) => (
          <div key={l}>
            <Text size="sm" fw={600} mb={4}>
              {t(`soc2Report.nda.${l}`)}
            </Text>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} lang={l} data-testid={`soc2-nda-text-${v.version}-${l}`}>
              {l === 'en' ? v.textEn : v.textFr}
            </Text>
          </div>
        ))}
      </SimpleGrid>
    </Stack>
  );
}

function PublishForm({ current }: { current: TSoc2NdaText }) {
  const { t } = useTranslation();
  const { tenant } = useTenantContext();
  const publish = usePublishSoc2Nda(tenant.id);
  const [textEn, setEn] = useState(current.textEn);
  const [textFr, setFr] = useState(current.textFr);
  const next = current.version + 1;
  const unchanged = textEn === current.textEn && textFr === current.textFr;
  const short = textEn.trim().length < MIN || textFr.trim().length < MIN;
  return (
    <Card withBorder padding="lg" data-testid="soc2-nda-publish">
      <Title order={2} size="h5" mb={4}>
        {t('soc2Report.nda.publishTitle')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('soc2Report.nda.publishHelp')}
      </Text>
      <Stack gap="sm">
        <ErrorAlert error={publish.error} />
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
          <Textarea label={t('soc2Report.nda.textEn')} lang="en" autosize minRows={8} maxRows={24} maxLength={SOC2_NDA_TEXT_MAX} value={textEn} onChange={(e) => setEn(e.currentTarget.value)} data-testid="soc2-nda-text-en" />
          <Textarea label={t('soc2Report.nda.textFr')} lang="fr" autosize minRows={8} maxRows={24} maxLength={SOC2_NDA_TEXT_MAX} value={textFr} onChange={(e) => setFr(e.currentTarget.value)} data-testid="soc2-nda-text-fr" />
        </SimpleGrid>
        <Group justify="flex-end">
          {unchanged && (
            <Text size="sm" c="dimmed">
              {t('soc2Report.nda.unchanged')}
            </Text>
          )}
          <ConfirmButton
            color="blue"
            disabled={unchanged || short}
            loading={publish.isPending}
            title={t('soc2Report.nda.publishConfirmTitle')}
            message={t('soc2Report.nda.publishConfirm', { version: next })}
            confirmLabel={t('soc2Report.nda.publish', { version: next })}
            onConfirm={() => publish.mutate({ textEn, textFr }, { onSuccess: (v) => notifications.show({ color: 'teal', message: t('soc2Report.nda.published', { version: v.versions[0]?.version ?? next }) }) })}
            data-testid="soc2-nda-publish-submit"
          >
            {t('soc2Report.nda.publish', { version: next })}
          </ConfirmButton>
        </Group>
      </Stack>
    </Card>
  );
}

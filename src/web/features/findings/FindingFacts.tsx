import { Card, Divider, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFindingDetail, TOrgFindingDetail } from '../../../shared/contracts/findings';
import { useFormat } from '../../lib/format';
import { FindingDueDates, ResponseText, VerdictLine } from './FindingBits';
import { useRequirementLabel } from './FindingsTab';

export function Block({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" component="div" style={{ whiteSpace: 'pre-wrap' }} data-testid={testId}>
        {children}
      </Text>
    </div>
  );
}

/** What was found, where, against which requirement, by when — the same on both sides. */
export function FindingFacts({ finding: f, children }: { finding: TFindingDetail | TOrgFindingDetail; children?: ReactNode }) {
  const { t } = useTranslation();
  const format = useFormat();
  const requirement = useRequirementLabel();
  return (
    <Card withBorder padding="lg">
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <Block label={t('findings.fields.requirement')} testId="org-finding-requirement">
            {requirement(f)}
          </Block>
          <Block label={t('findings.fields.due')}>
            <FindingDueDates finding={f} />
          </Block>
        </SimpleGrid>
        <Block label={t('findings.fields.statement')} testId="org-finding-statement">
          {f.statement}
        </Block>
        <Block label={t('findings.fields.evidence')} testId="org-finding-evidence">
          {f.evidence || t('common.none')}
        </Block>
        {f.sites.length > 0 && <Block label={t('findings.org.sites')} testId="finding-sites">{f.sites.map((s) => s.name).join(', ')}</Block>}
        {f.aiSystems.length > 0 && <Block label={t('findings.org.aiSystems')}>{f.aiSystems.map((s) => s.name).join(', ')}</Block>}
        {f.verification && (
          <Block label={t('findings.verify.recorded')} testId="finding-verification">
            {t('findings.verify.line', {
              method: t(`findings.method.${f.verification.method}`),
              name: f.verification.verifiedBy?.name ?? t('findings.someone'),
              at: format.dateTime(f.verification.verifiedAt),
            })}
            {f.verification.auditReference ? ` · ${f.verification.auditReference}` : ''}
            {f.verification.notes ? `\n${f.verification.notes}` : ''}
          </Block>
        )}
        {f.closedAt && (
          <Block label={t('findings.close.recorded')} testId="finding-closed">
            {format.dateTime(f.closedAt)}
          </Block>
        )}
        {children}
      </Stack>
    </Card>
  );
}

/**
 * Every answer, newest first, with its verdict. `evidenceHref` links each evidence record where the
 * reader can open it (the organization's own evidence pages); elsewhere the titles are listed.
 */
export function AnswerHistory({ finding: f, evidenceHref }: { finding: TFindingDetail | TOrgFindingDetail; evidenceHref?: (id: string) => string }) {
  const { t } = useTranslation();
  const history = [...f.responses].sort((a, b) => b.version - a.version);
  return (
    <Card withBorder padding="lg" data-testid="org-finding-history">
      <Title order={3} size="h4" mb="sm">
        {t('findings.org.history')}
      </Title>
      {history.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('findings.org.noAnswer')}
        </Text>
      ) : (
        <Stack gap="md">
          {history.map((r, i) => (
            <Stack key={r.id} gap="sm" data-testid={`org-finding-response-${r.version}`}>
              {i > 0 && <Divider />}
              <VerdictLine response={r} />
              <ResponseText response={r} evidenceHref={evidenceHref} />
            </Stack>
          ))}
        </Stack>
      )}
    </Card>
  );
}

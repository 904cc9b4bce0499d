import { Anchor, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TCertAudit } from '../../../shared/contracts/cert-audits';

export const assessmentResultsUrl = (tenantId: string, auditId: string, lang: 'en' | 'fr') => `/api/tenants/${tenantId}/audits/${auditId}/oscal/assessment-results?lang=${lang}`;
export const poamUrl = (tenantId: string, programmeId: string, lang: 'en' | 'fr') => `/api/tenants/${tenantId}/programmes/${programmeId}/oscal/poam?lang=${lang}`;

/**
 * The audit's OSCAL downloads: its findings as assessment results, and the programme's open
 * nonconformities with their corrective actions as a POA&M (the server answers 409 when none is
 * open). The labels inside the document follow the chosen language.
 */
export function OscalDownloads({ audit: a, tenantId }: { audit: TCertAudit; tenantId: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language.startsWith('fr') ? 'fr' : 'en';
  return (
    <Group gap="md" mt="sm" data-testid="audit-oscal">
      <Text size="sm" c="dimmed">
        {t('cycle.oscal.label')}
      </Text>
      <Anchor href={assessmentResultsUrl(tenantId, a.id, lang)} download size="sm" data-testid="audit-oscal-assessment-results">
        {t('cycle.oscal.assessmentResults')}
      </Anchor>
      <Anchor href={poamUrl(tenantId, a.programmeId, lang)} download size="sm" data-testid="audit-oscal-poam" title={t('cycle.oscal.poamHint')}>
        {t('cycle.oscal.poam')}
      </Anchor>
    </Group>
  );
}

import { MultiSelect, SimpleGrid } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { MAX_FINDING_AI_SYSTEMS, MAX_FINDING_SITES } from '../../../shared/contracts/findings';
import { useClient } from '../intake/api';

type TScopeForm = {
  getInputProps(path: 'siteIds' | 'aiSystemIds'): { value?: unknown; onChange?: unknown; error?: unknown };
};

/** The client's sites and AI systems a finding concerns (the server checks each belongs to the client). */
export function FindingScopeFields({ tenantId, clientId, form, testIdPrefix }: { tenantId: string; clientId: string; form: TScopeForm; testIdPrefix: string }) {
  const { t } = useTranslation();
  const client = useClient(tenantId, clientId);
  const sites = (client.data?.sites ?? []).map((s) => ({ value: s.id, label: s.name }));
  const systems = (client.data?.aiSystems ?? []).map((s) => ({ value: s.id, label: s.name }));
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }}>
      <MultiSelect
        label={t('findings.org.sites')}
        description={t('findings.scope.sitesHint')}
        data={sites}
        maxValues={MAX_FINDING_SITES}
        searchable
        clearable
        {...(form.getInputProps('siteIds') as object)}
        data-testid={`${testIdPrefix}-sites`}
      />
      <MultiSelect
        label={t('findings.org.aiSystems')}
        description={t('findings.scope.aiSystemsHint')}
        data={systems}
        maxValues={MAX_FINDING_AI_SYSTEMS}
        searchable
        clearable
        nothingFoundMessage={t('findings.scope.noAiSystem')}
        {...(form.getInputProps('aiSystemIds') as object)}
        data-testid={`${testIdPrefix}-ai-systems`}
      />
    </SimpleGrid>
  );
}

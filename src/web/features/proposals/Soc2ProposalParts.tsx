import { ActionIcon, Button, Checkbox, Group, List, NativeSelect, SimpleGrid, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../lib/format';
import { formatMoney } from '../../../shared/proposal-pricing';
import type { TSoc2ProposalScopeInput, TSoc2ProposalTerms } from '../../../shared/contracts/proposals';
import { SOC2_DOCUMENTATION_MATURITIES, SOC2_SYSTEM_COMPLEXITIES, type TSoc2FeeEstimate } from '../../../shared/contracts/soc2-fees';
import { SOC2_CATEGORIES, type TSoc2Category } from '../../../shared/contracts/soc2';

/*
 * The SOC 2 side of a proposal: the scope editor (the first examination's scope and the seed's cost
 * factors), and the terms as the firm and the organization read them — scope, estimated fee and
 * every factor's contribution in words (the same sentences as the PDF, soc2Documents.feeTrace.*).
 * SOC 2 ends in an attestation report: nothing here says certificate.
 */

export type TSoc2ScopeForm = Required<Omit<TSoc2ProposalScopeInput, 'subserviceOrganizations'>> & {
  subserviceOrganizations: { name: string; service: string; treatment: 'carve_out' | 'inclusive' }[];
};

export const emptySoc2Scope = (reportType: 'type1' | 'type2'): TSoc2ScopeForm => ({
  reportType,
  asOfDate: null,
  periodStart: null,
  periodEnd: null,
  categories: ['security'],
  services: '',
  systems: '',
  locations: '',
  people: '',
  complexity: 'moderate',
  documentationMaturity: 'established',
  priorType1: false,
  subserviceOrganizations: [],
});

/** The scope as the API takes it: dates only for the report type they belong to. */
export const toScopeInput = (s: TSoc2ScopeForm): TSoc2ProposalScopeInput => ({
  ...s,
  asOfDate: s.reportType === 'type1' ? s.asOfDate || null : null,
  periodStart: s.reportType === 'type2' ? s.periodStart || null : null,
  periodEnd: s.reportType === 'type2' ? s.periodEnd || null : null,
  priorType1: s.reportType === 'type2' && s.priorType1,
});

/** The trace in the reader's language, as the PDF prints it (amounts as money, numbers as « 1,5 »). */
export function useFeeTraceLines(e: TSoc2FeeEstimate) {
  const { t } = useTranslation();
  const { locale } = useFormat();
  const num = (n: number) => new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(n).replace(/^-/, '−');
  return e.trace.map((s) => {
    const vars = Object.fromEntries(Object.entries(s.params).map(([k, v]) => [k, typeof v === 'number' ? (k.endsWith('Cents') ? formatMoney(locale, v, e.currency) : num(v)) : v]));
    const signed = `${s.days < 0 ? '−' : '+'}${num(Math.abs(s.days))}`;
    return t(`soc2Documents.${s.labelKey}` as never, { ...vars, added: num(Math.abs(s.days)), signed, total: num(s.totalDays) } as never) as unknown as string;
  });
}

export function FeeEstimate({ estimate }: { estimate: TSoc2FeeEstimate }) {
  const { t } = useTranslation();
  const { locale, number } = useFormat();
  const lines = useFeeTraceLines(estimate);
  return (
    <Stack gap="xs" data-testid="soc2-fee-estimate">
      <Text fw={600} data-testid="soc2-fee-total">
        {t('proposals.soc2.feeTotal', { total: formatMoney(locale, estimate.totalCents, estimate.currency), days: number(estimate.days), rate: formatMoney(locale, estimate.dayRateCents, estimate.currency), version: estimate.parametersVersion })}
      </Text>
      <List size="sm" spacing={2} data-testid="soc2-fee-trace">
        {lines.map((l, i) => (
          <List.Item key={i}>{l}</List.Item>
        ))}
      </List>
    </Stack>
  );
}

/** The scope and the fee, read-only (the firm's issued proposal, the organization's accept page). */
export function Soc2Terms({ terms }: { terms: TSoc2ProposalTerms }) {
  const { t } = useTranslation();
  const format = useFormat();
  const s = terms.scope;
  const day = (d: string | null) => (d ? format.date(`${d}T12:00:00Z`) : '—');
  const rows: [string, string][] = [
    [t('proposals.soc2.reportType'), `SOC 2 ${t(`soc2Documents.common.reportType.${s.reportType}`)}`],
    s.reportType === 'type2'
      ? [t('proposals.soc2.period'), t('proposals.soc2.periodValue', { start: day(s.periodStart), end: day(s.periodEnd), months: terms.observationMonths ?? 0 })]
      : [t('proposals.soc2.asOfDate'), day(s.asOfDate)],
    [t('proposals.soc2.categories'), s.categories.map((c) => t(`soc2Documents.common.category.${c}`)).join(', ')],
    [t('proposals.soc2.services'), s.services || '—'],
    [t('proposals.soc2.systems'), s.systems || '—'],
    [t('proposals.soc2.locations'), s.locations || '—'],
    [t('proposals.soc2.people'), s.people || '—'],
    [t('proposals.soc2.complexity'), t(`proposals.soc2.complexities.${s.complexity}`)],
    [t('proposals.soc2.maturity'), t(`proposals.soc2.maturities.${s.documentationMaturity}`)],
    [
      t('proposals.soc2.subservice'),
      s.subserviceOrganizations.length ? s.subserviceOrganizations.map((o) => `${o.name}${o.service ? ` (${o.service})` : ''} — ${t(`soc2Documents.common.treatment.${o.treatment}`)}`).join('; ') : t('common.none'),
    ],
  ];
  return (
    <Stack gap="md" data-testid="soc2-terms">
      <Title order={2} size="h4">
        {t('proposals.soc2.scopeHeading')}
      </Title>
      <Table withTableBorder variant="vertical">
        <Table.Tbody>
          {rows.map(([k, v]) => (
            <Table.Tr key={k}>
              <Table.Th w="30%">{k}</Table.Th>
              <Table.Td style={{ whiteSpace: 'pre-line' }}>{v}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Title order={2} size="h4">
        {t('proposals.soc2.feeHeading')}
      </Title>
      <FeeEstimate estimate={terms.feeEstimate} />
    </Stack>
  );
}

/** The scope being drafted; the fee is estimated by the server when the draft is saved. */
export function Soc2ScopeEditor({ value, onChange }: { value: TSoc2ScopeForm; onChange: (v: TSoc2ScopeForm) => void }) {
  const { t } = useTranslation();
  const set = <K extends keyof TSoc2ScopeForm>(k: K, v: TSoc2ScopeForm[K]) => onChange({ ...value, [k]: v });
  const toggle = (c: TSoc2Category, on: boolean) => set('categories', on ? [...value.categories, c] : value.categories.filter((x) => x !== c));
  const subs = value.subserviceOrganizations;
  const setSub = (i: number, patch: Partial<(typeof subs)[number]>) => set('subserviceOrganizations', subs.map((s, j) => (j === i ? { ...s, ...patch } : s)));
  return (
    <Stack gap="md" data-testid="soc2-scope-editor">
      {value.reportType === 'type2' ? (
        <SimpleGrid cols={{ base: 1, sm: 2 }} maw={640}>
          <TextInput type="date" label={t('proposals.soc2.periodStart')} value={value.periodStart ?? ''} onChange={(e) => set('periodStart', e.currentTarget.value)} required data-testid="soc2-period-start" />
          <TextInput type="date" label={t('proposals.soc2.periodEnd')} description={t('proposals.soc2.periodHelp')} value={value.periodEnd ?? ''} onChange={(e) => set('periodEnd', e.currentTarget.value)} required data-testid="soc2-period-end" />
        </SimpleGrid>
      ) : (
        <TextInput type="date" maw={320} label={t('proposals.soc2.asOfDate')} value={value.asOfDate ?? ''} onChange={(e) => set('asOfDate', e.currentTarget.value)} required data-testid="soc2-as-of" />
      )}
      <Stack gap={4}>
        <Text size="sm" fw={500}>
          {t('proposals.soc2.categories')}
        </Text>
        <Group>
          {SOC2_CATEGORIES.map((c) => (
            <Checkbox
              key={c}
              label={t(`soc2Documents.common.category.${c}`)}
              checked={c === 'security' || value.categories.includes(c)}
              disabled={c === 'security'}
              onChange={(e) => toggle(c, e.currentTarget.checked)}
              data-testid={`soc2-category-${c}`}
            />
          ))}
        </Group>
        <Text size="xs" c="dimmed">
          {t('proposals.soc2.securityAlways')}
        </Text>
      </Stack>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        {(['services', 'systems', 'locations', 'people'] as const).map((k) => (
          <Textarea key={k} label={t(`proposals.soc2.${k}`)} autosize minRows={2} maxLength={2000} value={value[k]} onChange={(e) => set(k, e.currentTarget.value)} data-testid={`soc2-${k}`} />
        ))}
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <NativeSelect
          label={t('proposals.soc2.complexity')}
          value={value.complexity}
          onChange={(e) => set('complexity', e.currentTarget.value as TSoc2ScopeForm['complexity'])}
          data={SOC2_SYSTEM_COMPLEXITIES.map((c) => ({ value: c, label: t(`proposals.soc2.complexities.${c}`) }))}
          data-testid="soc2-complexity"
        />
        <NativeSelect
          label={t('proposals.soc2.maturity')}
          value={value.documentationMaturity}
          onChange={(e) => set('documentationMaturity', e.currentTarget.value as TSoc2ScopeForm['documentationMaturity'])}
          data={SOC2_DOCUMENTATION_MATURITIES.map((c) => ({ value: c, label: t(`proposals.soc2.maturities.${c}`) }))}
          data-testid="soc2-maturity"
        />
        {value.reportType === 'type2' && <Checkbox mt="xl" label={t('proposals.soc2.priorType1')} checked={value.priorType1} onChange={(e) => set('priorType1', e.currentTarget.checked)} data-testid="soc2-prior-type1" />}
      </SimpleGrid>
      <Stack gap="xs">
        <Text size="sm" fw={500}>
          {t('proposals.soc2.subservice')}
        </Text>
        {subs.map((s, i) => (
          <Group key={i} align="flex-end" wrap="nowrap">
            <TextInput label={t('proposals.soc2.subserviceName')} value={s.name} onChange={(e) => setSub(i, { name: e.currentTarget.value })} required data-testid={`soc2-sub-name-${i}`} />
            <TextInput label={t('proposals.soc2.subserviceService')} value={s.service} onChange={(e) => setSub(i, { service: e.currentTarget.value })} data-testid={`soc2-sub-service-${i}`} />
            <NativeSelect
              label={t('proposals.soc2.subserviceTreatment')}
              value={s.treatment}
              onChange={(e) => setSub(i, { treatment: e.currentTarget.value as 'carve_out' | 'inclusive' })}
              data={(['carve_out', 'inclusive'] as const).map((v) => ({ value: v, label: t(`soc2Documents.common.treatment.${v}`) }))}
              data-testid={`soc2-sub-treatment-${i}`}
            />
            <ActionIcon variant="subtle" color="red" aria-label={t('proposals.soc2.removeSubservice')} onClick={() => set('subserviceOrganizations', subs.filter((_, j) => j !== i))} mb={4}>
              ×
            </ActionIcon>
          </Group>
        ))}
        <Group>
          <Button variant="light" size="xs" onClick={() => set('subserviceOrganizations', [...subs, { name: '', service: '', treatment: 'carve_out' }])} data-testid="soc2-add-subservice">
            {t('proposals.soc2.addSubservice')}
          </Button>
        </Group>
      </Stack>
    </Stack>
  );
}

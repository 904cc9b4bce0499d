import { Checkbox, Group, NativeSelect, SimpleGrid, Text, Textarea, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../lib/format';
import { SOC2_CATEGORIES, SOC2_PERIOD_MAX_MONTHS, SOC2_PERIOD_MIN_MONTHS, type TSoc2Category, type TSoc2ReportType } from '../../../shared/contracts/soc2';
import { noon } from '../audits/StateBadge';
import { useMembers } from '../members/api';

export type TScopeValues = {
  asOfDate: string | null;
  periodStart: string | null;
  periodEnd: string | null;
  categories: TSoc2Category[];
  services: string;
  systems: string;
  locations: string;
  people: string;
  partnerUserId: string | null;
};

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The last day a Type II period starting on `start` may end on to last `months` months: the same
 * count as the server's `periodEndFor` (examination-rules.ts), shown as a hint only — the server
 * decides, and its refusal names the bound.
 */
export function periodBound(start: string, months: number): string {
  const d = new Date(`${start}T00:00:00Z`);
  const m = d.getUTCMonth() + months;
  const last = new Date(Date.UTC(d.getUTCFullYear(), m + 1, 0)).getUTCDate();
  const end = new Date(Date.UTC(d.getUTCFullYear(), m, Math.min(d.getUTCDate(), last)) - 86_400_000);
  return end.toISOString().slice(0, 10);
}

/** The scope an examination is opened with and edited with while scoping: dates, categories, what is in scope, the partner. */
export function ScopeFields<V extends TScopeValues>({ form, reportType, tenantId }: { form: UseFormReturnType<V>; reportType: TSoc2ReportType; tenantId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const members = useMembers(tenantId);
  const f = form as unknown as UseFormReturnType<TScopeValues>;
  const v = f.values;
  const day = (name: 'asOfDate' | 'periodStart' | 'periodEnd') => (
    <TextInput
      type="date"
      label={t(`soc2Engagements.firm.fields.${name}`)}
      value={v[name] ?? ''}
      onChange={(e) => f.setFieldValue(name, e.currentTarget.value || null)}
      error={f.errors[name]}
      data-testid={`soc2-scope-${name}`}
    />
  );
  const start = v.periodStart && ISO_DAY.test(v.periodStart) ? v.periodStart : null;
  const text = (name: 'services' | 'systems' | 'locations' | 'people') => (
    <Textarea label={t(`soc2Engagements.firm.fields.${name}`)} autosize minRows={2} maxLength={4000} {...f.getInputProps(name)} data-testid={`soc2-scope-${name}`} />
  );
  return (
    <>
      {reportType === 'type1' ? (
        <div>
          {day('asOfDate')}
          <Text size="xs" c="dimmed" mt={4}>
            {t('soc2Engagements.firm.scope.asOfHelp')}
          </Text>
        </div>
      ) : (
        <div>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {day('periodStart')}
            {day('periodEnd')}
          </SimpleGrid>
          <Text size="xs" c="dimmed" mt={4} data-testid="soc2-scope-period-rule">
            {t('soc2Engagements.firm.scope.periodRule', { min: SOC2_PERIOD_MIN_MONTHS, max: SOC2_PERIOD_MAX_MONTHS })}
            {start
              ? ` ${t('soc2Engagements.firm.scope.periodBounds', { earliest: format.date(noon(periodBound(start, SOC2_PERIOD_MIN_MONTHS))), latest: format.date(noon(periodBound(start, SOC2_PERIOD_MAX_MONTHS))) })}`
              : ''}
          </Text>
        </div>
      )}
      <Checkbox.Group
        label={t('soc2Engagements.firm.fields.categories')}
        description={t('soc2Engagements.firm.scope.securityAlways')}
        value={v.categories.includes('security') ? v.categories : ['security', ...v.categories]}
        onChange={(next) => f.setFieldValue('categories', SOC2_CATEGORIES.filter((c) => c === 'security' || next.includes(c)))}
        error={f.errors.categories}
        data-testid="soc2-scope-categories"
      >
        <Group mt={4}>
          {SOC2_CATEGORIES.map((c) => (
            <Checkbox key={c} value={c} label={t(`soc2Engagements.category.${c}`)} disabled={c === 'security'} data-testid={`soc2-scope-category-${c}`} />
          ))}
        </Group>
      </Checkbox.Group>
      {text('services')}
      {text('systems')}
      {text('locations')}
      {text('people')}
      <NativeSelect
        label={t('soc2Engagements.firm.fields.partner')}
        value={v.partnerUserId ?? ''}
        onChange={(e) => f.setFieldValue('partnerUserId', e.currentTarget.value || null)}
        error={f.errors.partnerUserId}
        data={[{ value: '', label: t('soc2Engagements.firm.scope.noPartner') }, ...(members.data?.items ?? []).map((m) => ({ value: m.userId, label: m.name }))]}
        data-testid="soc2-scope-partner"
      />
    </>
  );
}

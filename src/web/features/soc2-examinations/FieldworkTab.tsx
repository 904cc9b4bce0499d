import { Alert, Card, NativeSelect, Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import type { TSoc2Examination } from '../../../shared/contracts/soc2-examinations';
import { useTenantContext } from '../tenants/TenantRoute';
import { useSoc2Tests } from './api';
import { CoverageCard } from './CoverageCard';
import { PopulationPanel } from './PopulationPanel';
import { TestingPanel } from './TestingPanel';

/**
 * Fieldwork, one test at a time: its population (frozen file, completeness), its samples (seed,
 * algorithm, size, re-draw check, extensions, judgmental items), each item's result and the test's
 * conclusion; below, the period coverage of every test. Changes are allowed in `fieldwork` only and
 * to whoever the server says may write (`soc2Program.write`).
 */
export function FieldworkTab({ examination: x }: { examination: TSoc2Examination }) {
  const { t } = useTranslation();
  const { tenant } = useTenantContext();
  const tests = useSoc2Tests(tenant.id, x.id);
  const [picked, setPicked] = useState<string | null>(null);
  if (tests.isPending) return <Loading />;
  if (tests.error) return <ErrorAlert error={tests.error} />;
  const items = tests.data.items;
  const test = items.find((s) => s.id === picked) ?? items[0];
  const canWrite = tests.data.abilities['soc2Program.write'] && x.state === 'fieldwork';
  return (
    <Stack gap="lg">
      {x.state !== 'fieldwork' && (
        <Alert variant="light" color={x.state === 'scoping' || x.state === 'planning' ? 'blue' : 'gray'} data-testid="soc2-work-state-note">
          {t(x.state === 'scoping' || x.state === 'planning' ? 'soc2Testing.work.notYet' : 'soc2Testing.work.readOnly')}
        </Alert>
      )}
      {test ? (
        <>
          <Card withBorder padding="md">
            <NativeSelect
              label={t('soc2Testing.work.test')}
              value={test.id}
              onChange={(e) => setPicked(e.currentTarget.value)}
              data={items.map((s) => ({ value: s.id, label: `${s.reference} · ${s.controlRef} · ${s.controlTitle} — ${t(`soc2Testing.conclusion.${s.conclusion}`)}` }))}
              data-testid="soc2-work-test"
            />
          </Card>
          <PopulationPanel key={`p-${test.id}`} examination={x} test={test} canWrite={canWrite} />
          <TestingPanel key={`t-${test.id}`} examination={x} test={test} canWrite={canWrite} />
        </>
      ) : (
        <Alert variant="light" data-testid="soc2-work-no-test">
          {t('soc2Testing.work.noTest')}
        </Alert>
      )}
      {x.reportType === 'type2' && <CoverageCard examination={x} />}
    </Stack>
  );
}

import { Button, Card, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMemo, useState } from 'react';
import { AUDIT_ACTIONS, ZAuditAction, type TAuditAction } from '../../../shared/contracts/audit-actions.ts';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { NoAccess } from '../../components/NoAccess';
import { PageHeader } from '../../components/PageHeader';
import { useTenantContext } from '../tenants/TenantRoute';
import { useAuditEvents } from './api';
import { AuditTable } from './AuditTable';
import { ChainStatus } from './ChainStatus';
import { actionLabel } from './sentence';

export function AuditPage() {
  const { t } = useTranslation();
  const { tenant, can } = useTenantContext();
  const allowed = can('audit.read');
  const [action, setAction] = useState<TAuditAction | null>(null);
  const [subjectType, setSubjectType] = useState('');
  const [debouncedSubjectType] = useDebouncedValue(subjectType.trim(), 300);
  const events = useAuditEvents(
    tenant.id,
    { action: action ?? undefined, subjectType: debouncedSubjectType || undefined },
    allowed,
  );

  const actionOptions = useMemo(
    () => AUDIT_ACTIONS.map((a) => ({ value: a, label: actionLabel(t, a) })).sort((x, y) => x.label.localeCompare(y.label)),
    [t],
  );

  if (!allowed) return <NoAccess />;

  const items = events.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <Stack gap="lg">
      <PageHeader
        title={t('audit.title')}
        description={t('audit.description')}
        actions={<ChainStatus tenantId={tenant.id} />}
      />
      <Card withBorder padding="lg">
        <Stack gap="md">
          <Group align="flex-end" gap="md">
            <Select
              label={t('audit.filters.action')}
              placeholder={t('audit.filters.actionPlaceholder')}
              data={actionOptions}
              value={action}
              onChange={(value) => setAction(ZAuditAction.safeParse(value).data ?? null)}
              clearable
              searchable
              data-testid="audit-filter-action"
              w={320}
            />
            <TextInput
              label={t('audit.filters.subjectType')}
              placeholder={t('audit.filters.subjectTypePlaceholder')}
              value={subjectType}
              onChange={(e) => setSubjectType(e.currentTarget.value)}
              data-testid="audit-filter-subject-type"
              w={220}
            />
          </Group>
          {events.isPending ? (
            <Loading />
          ) : events.error ? (
            <ErrorAlert error={events.error} />
          ) : (
            <>
              <AuditTable events={items} />
              <Group justify="space-between">
                <Text size="sm" c="dimmed">
                  {t('audit.shown', { shown: items.length })}
                </Text>
                {events.hasNextPage && (
                  <Button
                    variant="default"
                    onClick={() => void events.fetchNextPage()}
                    loading={events.isFetchingNextPage}
                    data-testid="audit-load-more"
                  >
                    {t('audit.loadMore')}
                  </Button>
                )}
              </Group>
            </>
          )}
        </Stack>
      </Card>
    </Stack>
  );
}

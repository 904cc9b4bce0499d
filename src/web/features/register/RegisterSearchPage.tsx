import { Alert, Anchor, Button, Group, NativeSelect, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PublicShell } from '../../layout/PublicShell';
import { ISO42001_STANDARD } from '../../../shared/contracts/certification-decisions';
import { REGISTER_QUERY_MAX, REGISTER_QUERY_MIN, REGISTER_STATUSES, type TRegisterStatus } from '../../../shared/contracts/register';
import { useRegisterSearch } from './api';
import { formatDay } from './day';
import { RegisterStatusBadge } from './StatusBadge';

const STANDARDS = [ISO42001_STANDARD] as const;

/**
 * The public register's search (`/register`): no account, outside the app's shell, in the
 * visitor's language. The search lives in the address (`?q=…&status=…`), so a result list can be
 * linked to; the server answers 20 at a time and "more" follows its cursor.
 */
export function RegisterSearchPage() {
  const { t, i18n } = useTranslation();
  const locale = i18n.resolvedLanguage ?? 'en';
  const [params, setParams] = useSearchParams();
  const applied = {
    q: params.get('q') ?? '',
    status: (REGISTER_STATUSES as readonly string[]).includes(params.get('status') ?? '') ? (params.get('status') as TRegisterStatus) : undefined,
    standard: params.get('standard') || undefined,
  };
  const [q, setQ] = useState(applied.q);
  const [tooShort, setTooShort] = useState(false);
  const search = useRegisterSearch(applied);
  const items = search.data?.pages.flatMap((p) => p.items) ?? [];

  const set = (next: Partial<typeof applied>) => {
    const merged = { ...applied, ...next };
    const out = new URLSearchParams();
    if (merged.q) out.set('q', merged.q);
    if (merged.status) out.set('status', merged.status);
    if (merged.standard) out.set('standard', merged.standard);
    setParams(out, { replace: true });
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const text = q.trim();
    setTooShort(text.length < REGISTER_QUERY_MIN);
    if (text.length >= REGISTER_QUERY_MIN) set({ q: text });
  };

  return (
    <PublicShell width={960}>
      <Stack gap="md">
        <Stack gap={4}>
          <Title order={1} size="h3">
            {t('register.search.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('register.search.intro')}
          </Text>
        </Stack>
        <form onSubmit={submit} role="search">
          <Stack gap="sm">
            <SimpleGrid cols={{ base: 1, sm: 4 }}>
              <TextInput
                style={{ gridColumn: 'span 2' }}
                label={t('register.search.q')}
                placeholder={t('register.search.qPlaceholder')}
                value={q}
                onChange={(e) => setQ(e.currentTarget.value)}
                maxLength={REGISTER_QUERY_MAX}
                error={tooShort ? t('register.search.tooShort', { count: REGISTER_QUERY_MIN }) : undefined}
                data-testid="register-q"
              />
              <NativeSelect
                label={t('register.search.status')}
                value={applied.status ?? ''}
                onChange={(e) => set({ status: (e.currentTarget.value || undefined) as TRegisterStatus | undefined })}
                data={[{ value: '', label: t('register.search.anyStatus') }, ...REGISTER_STATUSES.map((s) => ({ value: s, label: t(`register.status.${s}`) }))]}
                data-testid="register-status-filter"
              />
              <NativeSelect
                label={t('register.search.standard')}
                value={applied.standard ?? ''}
                onChange={(e) => set({ standard: e.currentTarget.value || undefined })}
                data={[{ value: '', label: t('register.search.anyStandard') }, ...STANDARDS.map((s) => ({ value: s, label: s }))]}
              />
            </SimpleGrid>
            <Group>
              <Button type="submit" data-testid="register-search">
                {t('register.search.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
        <ErrorAlert error={search.error} />
        {applied.q.length >= REGISTER_QUERY_MIN && search.isSuccess && items.length === 0 ? (
          <Alert color="gray" variant="light" data-testid="register-none">
            {t('register.search.none', { q: applied.q })}
          </Alert>
        ) : null}
        {items.length > 0 ? (
          <Table.ScrollContainer minWidth={640}>
            <Table striped verticalSpacing="xs" data-testid="register-results">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('register.fields.number')}</Table.Th>
                  <Table.Th>{t('register.fields.holder')}</Table.Th>
                  <Table.Th>{t('register.fields.status')}</Table.Th>
                  <Table.Th>{t('register.fields.standard')}</Table.Th>
                  <Table.Th>{t('register.fields.expiryDate')}</Table.Th>
                  <Table.Th>{t('register.fields.body')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((c) => (
                  <Table.Tr key={c.number} data-testid="register-row">
                    <Table.Td>
                      <Anchor component={Link} to={`/register/${encodeURIComponent(c.number)}`} ff="monospace" size="sm">
                        {c.number}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{c.holderName}</Table.Td>
                    <Table.Td>
                      <RegisterStatusBadge status={c.status} size="sm" />
                    </Table.Td>
                    <Table.Td>{c.standard}</Table.Td>
                    <Table.Td>{formatDay(locale, c.expiryDate)}</Table.Td>
                    <Table.Td>{c.bodyName}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        ) : null}
        {search.hasNextPage ? (
          <Group>
            <Button variant="default" onClick={() => search.fetchNextPage()} loading={search.isFetchingNextPage}>
              {t('register.search.more')}
            </Button>
          </Group>
        ) : null}
      </Stack>
    </PublicShell>
  );
}

import { Alert, Badge, Button, Card, Group, NativeSelect, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmButton } from '../../components/ConfirmButton';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { SOC2_CATEGORIES } from '../../../shared/contracts/soc2';
import type { TSoc2Examination } from '../../../shared/contracts/soc2-examinations';
import type { TSoc2Matrix } from '../../../shared/contracts/soc2-program';
import { useTenantContext } from '../tenants/TenantRoute';
import { useLinkControl, useSoc2CandidateControls, useSoc2Matrix, useSuggestLinks, useUnlinkControl } from './api';

type TRow = TSoc2Matrix['rows'][number];

/** The matrix changes only before fieldwork (the server's MATRIX_STATES). */
const CHANGEABLE = ['scoping', 'planning'];

/**
 * The control matrix: the applicable criteria grouped by category, each with the organization's
 * controls linked to it. A criterion no accepted control addresses is flagged in red; suggestions
 * (from the organization's mappings and the crosswalks) cover nothing until accepted.
 */
export function MatrixTab({ examination: x }: { examination: TSoc2Examination }) {
  const { t, i18n } = useTranslation();
  const { tenant } = useTenantContext();
  const matrix = useSoc2Matrix(tenant.id, x.id);
  const suggest = useSuggestLinks(tenant.id, x.id);
  const link = useLinkControl(tenant.id, x.id);
  const unlink = useUnlinkControl(tenant.id, x.id);
  const [linking, setLinking] = useState<string | null>(null);
  if (matrix.isPending) return <Loading />;
  if (matrix.error) return <ErrorAlert error={matrix.error} />;
  const m = matrix.data;
  const canWrite = m.abilities['soc2Program.write'] && CHANGEABLE.includes(m.state);
  const lang = i18n.resolvedLanguage === 'fr' ? 'fr' : 'en';
  const groups = [...SOC2_CATEGORIES, null].map((c) => ({ category: c, rows: m.rows.filter((r) => (c === null ? !SOC2_CATEGORIES.includes(r.category as never) : r.category === c)) })).filter((g) => g.rows.length);
  const suggestions = m.rows.reduce((n, r) => n + r.controls.filter((c) => c.suggested).length, 0);
  return (
    <Stack gap="lg">
      <Card withBorder padding="lg">
        <Group justify="space-between" align="flex-start">
          <Stack gap={4}>
            <Text size="sm" data-testid="soc2-matrix-summary">
              {t('soc2Testing.matrix.summary', { total: m.rows.length, uncovered: m.uncoveredCriteria.length, suggestions })}
            </Text>
            {m.uncoveredCriteria.length > 0 && (
              <Text size="sm" c="red" data-testid="soc2-matrix-uncovered">
                {t('soc2Testing.matrix.uncoveredList', { refs: m.uncoveredCriteria.join(', ') })}
              </Text>
            )}
            {!CHANGEABLE.includes(m.state) && (
              <Text size="sm" c="dimmed">
                {t('soc2Testing.matrix.frozen')}
              </Text>
            )}
          </Stack>
          {canWrite && (
            <Button
              variant="light"
              loading={suggest.isPending}
              onClick={() => suggest.mutate(undefined, { onSuccess: (r) => notifications.show({ color: 'teal', message: t('soc2Testing.matrix.suggested', { count: r.added }) }) })}
              data-testid="soc2-matrix-suggest"
            >
              {t('soc2Testing.matrix.suggest')}
            </Button>
          )}
        </Group>
        <ErrorAlert error={suggest.error ?? link.error ?? unlink.error} />
      </Card>
      {m.rows.length === 0 && <Alert color="gray">{t('soc2Testing.matrix.noCatalog')}</Alert>}
      {groups.map((g) => (
        <Card withBorder padding="lg" key={g.category ?? 'other'} data-testid={`soc2-matrix-group-${g.category ?? 'other'}`}>
          <Title order={3} size="h4" mb="sm">
            {g.category ? t(`soc2Engagements.category.${g.category}`) : t('soc2Testing.matrix.otherCategory')}
          </Title>
          <Table.ScrollContainer minWidth={720}>
            <Table verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={110}>{t('soc2Testing.matrix.criterion')}</Table.Th>
                  <Table.Th>{t('soc2Testing.matrix.title')}</Table.Th>
                  <Table.Th>{t('soc2Testing.matrix.controls')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {g.rows.map((r) => (
                  <Table.Tr key={r.criterionRef} data-testid={`soc2-matrix-row-${r.criterionRef}`} data-uncovered={r.uncovered} bg={r.uncovered ? 'var(--mantine-color-red-light)' : undefined}>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      <Text size="sm" fw={600} c={r.uncovered ? 'red' : undefined}>
                        {r.criterionRef}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{r.title[lang]}</Text>
                      {r.uncovered && (
                        <Badge color="red" variant="light" mt={4} data-testid="soc2-matrix-flag-uncovered">
                          {t('soc2Testing.matrix.uncovered')}
                        </Badge>
                      )}
                      {r.untested && (
                        <Badge color="orange" variant="light" mt={4} ml={4} data-testid="soc2-matrix-flag-untested">
                          {t('soc2Testing.matrix.untested')}
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Controls
                        row={r}
                        canWrite={canWrite}
                        busy={link.isPending || unlink.isPending}
                        onAccept={(controlId) => link.mutate({ criterionRef: r.criterionRef, controlId })}
                        onRemove={(controlId) => unlink.mutate({ criterionRef: r.criterionRef, controlId })}
                      />
                      {canWrite &&
                        (linking === r.criterionRef ? (
                          <LinkPicker
                            examinationId={x.id}
                            exclude={r.controls.map((c) => c.controlId)}
                            busy={link.isPending}
                            onCancel={() => setLinking(null)}
                            onLink={(controlId) => link.mutate({ criterionRef: r.criterionRef, controlId }, { onSuccess: () => setLinking(null) })}
                          />
                        ) : (
                          <Button size="compact-xs" variant="subtle" mt={4} onClick={() => setLinking(r.criterionRef)} data-testid={`soc2-matrix-link-${r.criterionRef}`}>
                            {t('soc2Testing.matrix.link')}
                          </Button>
                        ))}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Card>
      ))}
    </Stack>
  );
}

function Controls({ row, canWrite, busy, onAccept, onRemove }: { row: TRow; canWrite: boolean; busy: boolean; onAccept: (id: string) => void; onRemove: (id: string) => void }) {
  const { t } = useTranslation();
  if (!row.controls.length)
    return (
      <Text size="sm" c="dimmed">
        {t('soc2Testing.matrix.noControl')}
      </Text>
    );
  return (
    <Stack gap={4}>
      {row.controls.map((c) => (
        <Group key={c.controlId} gap="xs" wrap="nowrap" data-testid={`soc2-matrix-control-${row.criterionRef}-${c.controlRef}`} data-suggested={c.suggested}>
          <Text size="sm" c={c.suggested ? 'dimmed' : undefined} fs={c.suggested ? 'italic' : undefined}>
            {c.controlRef} · {c.controlTitle}
          </Text>
          {c.suggested ? (
            <>
              <Badge color="grape" variant="light">
                {t('soc2Testing.matrix.suggestion')}
              </Badge>
              {canWrite && (
                <>
                  <Button size="compact-xs" color="teal" variant="light" disabled={busy} onClick={() => onAccept(c.controlId)} data-testid={`soc2-matrix-accept-${row.criterionRef}-${c.controlRef}`}>
                    {t('soc2Testing.matrix.accept')}
                  </Button>
                  <Button size="compact-xs" color="red" variant="subtle" disabled={busy} onClick={() => onRemove(c.controlId)} data-testid={`soc2-matrix-reject-${row.criterionRef}-${c.controlRef}`}>
                    {t('soc2Testing.matrix.reject')}
                  </Button>
                </>
              )}
            </>
          ) : (
            <>
              <Badge color={c.tests > 0 ? 'teal' : 'orange'} variant="light">
                {t('soc2Testing.matrix.tests', { count: c.tests })}
              </Badge>
              {canWrite && (
                <ConfirmButton
                  size="compact-xs"
                  variant="subtle"
                  color="red"
                  disabled={busy}
                  title={t('soc2Testing.matrix.unlinkTitle')}
                  message={t('soc2Testing.matrix.unlinkMessage', { control: c.controlRef, criterion: row.criterionRef })}
                  confirmLabel={t('soc2Testing.matrix.unlink')}
                  onConfirm={() => onRemove(c.controlId)}
                  data-testid={`soc2-matrix-unlink-${row.criterionRef}-${c.controlRef}`}
                >
                  {t('soc2Testing.matrix.unlink')}
                </ConfirmButton>
              )}
            </>
          )}
        </Group>
      ))}
    </Stack>
  );
}

function LinkPicker({ examinationId, exclude, busy, onLink, onCancel }: { examinationId: string; exclude: string[]; busy: boolean; onLink: (id: string) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const { tenant } = useTenantContext();
  const candidates = useSoc2CandidateControls(tenant.id, examinationId, true);
  const [controlId, setControlId] = useState('');
  if (candidates.isPending) return <Loading />;
  if (candidates.error) return <ErrorAlert error={candidates.error} />;
  const items = candidates.data.items.filter((c) => !exclude.includes(c.id));
  return (
    <Group gap="xs" mt={4} align="flex-end" wrap="nowrap">
      <NativeSelect
        size="xs"
        aria-label={t('soc2Testing.matrix.pickControl')}
        value={controlId}
        onChange={(e) => setControlId(e.currentTarget.value)}
        data={[{ value: '', label: items.length ? t('soc2Testing.matrix.pickControl') : t('soc2Testing.matrix.noCandidate') }, ...items.map((c) => ({ value: c.id, label: `${c.reference} · ${c.title}` }))]}
        data-testid="soc2-matrix-pick-control"
      />
      <Button size="xs" disabled={!controlId} loading={busy} onClick={() => onLink(controlId)} data-testid="soc2-matrix-link-submit">
        {t('soc2Testing.matrix.linkSubmit')}
      </Button>
      <Button size="xs" variant="default" onClick={onCancel}>
        {t('common.cancel')}
      </Button>
    </Group>
  );
}

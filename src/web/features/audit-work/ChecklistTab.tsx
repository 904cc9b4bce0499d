import { Alert, Badge, Button, Card, Grid, Group, MultiSelect, Progress, ScrollArea, SegmentedControl, Stack, Text, TextInput, Title, UnstyledButton } from '@mantine/core';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { useFormat } from '../../lib/format';
import { CHECKLIST_VERDICTS, DEFAULT_SURVEILLANCE_SAMPLE, MAX_SURVEILLANCE_SAMPLE, type TChecklist, type TChecklistItem } from '../../../shared/contracts/audit-work';
import { useFramework } from '../catalog/api';
import type { TAuditTabProps } from '../audits/workspace-tabs';
import { useChecklist, useGenerateChecklist, useRecordItem } from './api';
import { CHECKLIST_FILTERS as FILTERS, filterItems, groupsOf, itemChanges, type TChecklistFilter as TFilter, type TDraft, type TGroup } from './checklist-model';
import { ItemEditor, type TSaveState } from './ItemEditor';
import { VERDICT_COLOR, VerdictBadge } from './VerdictBadge';


const ISO42001 = 'iso-iec-42001-2023';

/**
 * The audit's checklist (17021-1 9.4): generated once from the catalog and the client's records,
 * then worked item by item. The list on the left is grouped by clause or Annex A theme; the open
 * item is edited on the right and saved on its own. The verdict filter, the search and the open
 * item live in the address, so a reload or a shared link lands on the same item.
 */
export function ChecklistTab({ audit, tenantId }: TAuditTabProps) {
  const { t } = useTranslation();
  const checklist = useChecklist(tenantId, audit.id);
  if (checklist.isPending) return <Loading />;
  if (checklist.error) return <ErrorAlert error={checklist.error} />;
  const c = checklist.data;
  if (!c.generated) return <GenerateCard checklist={c} tenantId={tenantId} auditId={audit.id} />;
  return (
    <Stack gap="md">
      <ChecklistHeader checklist={c} />
      {c.auditState !== 'in_progress' && (
        <Alert color="gray" data-testid="checklist-frozen">
          {t(c.auditState === 'confirmed' ? 'auditWork.checklist.recordWhenInProgress' : 'auditWork.checklist.frozen')}
        </Alert>
      )}
      {c.readiness && <ReadinessCard readiness={c.readiness} />}
      {c.items.length === 0 ? (
        <Alert color="gray" data-testid="checklist-empty">
          {t('auditWork.checklist.noItems')}
        </Alert>
      ) : (
        <Workspace checklist={c} tenantId={tenantId} engagementId={audit.engagementId} />
      )}
    </Stack>
  );
}

function GenerateCard({ checklist: c, tenantId, auditId }: { checklist: TChecklist; tenantId: string; auditId: string }) {
  const { t } = useTranslation();
  const generate = useGenerateChecklist(tenantId, auditId);
  const basis = c.auditType === 'stage1' || c.auditType === 'pre_audit' ? 'stage1' : c.auditType === 'stage2' || c.auditType === 'recertification' ? 'full' : 'surveillance';
  const [sample, setSample] = useState<string[]>([...DEFAULT_SURVEILLANCE_SAMPLE]);
  const isDefault = sample.length === DEFAULT_SURVEILLANCE_SAMPLE.length && DEFAULT_SURVEILLANCE_SAMPLE.every((r) => sample.includes(r));
  const run = () => generate.mutate(basis === 'surveillance' && !isDefault ? { sample: sample.map((ref) => ({ frameworkId: ISO42001, ref })) } : {});
  const canGenerate = c.abilities['auditChecklist.generate'] === true;
  return (
    <Card withBorder padding="lg" data-testid="checklist-generate-card">
      <Title order={3} size="h4" mb="xs">
        {t('auditWork.checklist.notGenerated')}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {t(`auditWork.checklist.basisExplained.${basis}`)}
      </Text>
      <ErrorAlert error={generate.error} />
      {basis === 'surveillance' && canGenerate && <SamplePicker value={sample} onChange={setSample} />}
      {canGenerate ? (
        <Group mt="sm">
          <Button onClick={run} loading={generate.isPending} disabled={basis === 'surveillance' && sample.length === 0} data-testid="checklist-generate">
            {t('auditWork.checklist.generate')}
          </Button>
        </Group>
      ) : (
        <Text size="sm" data-testid="checklist-generate-unavailable">
          {t(c.auditState === 'confirmed' || c.auditState === 'in_progress' ? 'auditWork.checklist.generateByTeam' : 'auditWork.checklist.generateWhen')}
        </Text>
      )}
    </Card>
  );
}

/** The requirements sampled for a surveillance visit: the clauses every surveillance covers first, any clause or Annex A control added. */
function SamplePicker({ value, onChange }: { value: string[]; onChange: (refs: string[]) => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage === 'fr' ? 'fr' : 'en';
  const framework = useFramework(ISO42001);
  const data = (framework.data?.requirements ?? []).filter((r) => r.kind === 'clause' || r.kind === 'control').map((r) => ({ value: r.ref, label: `${r.ref} ${r.title[lang]}` }));
  // Until the catalog answers, the chosen refs still show.
  for (const ref of value) if (!data.some((d) => d.value === ref)) data.push({ value: ref, label: ref });
  return (
    <Stack gap={4}>
      <MultiSelect
        label={t('auditWork.checklist.sample')}
        description={t('auditWork.checklist.sampleHelp')}
        data={data}
        value={value}
        onChange={onChange}
        searchable
        maxValues={MAX_SURVEILLANCE_SAMPLE}
        error={framework.error ? t('auditWork.checklist.sampleCatalogError') : undefined}
        data-testid="checklist-sample"
      />
      <Group>
        <Button variant="subtle" size="xs" onClick={() => onChange([...DEFAULT_SURVEILLANCE_SAMPLE])} data-testid="checklist-sample-default">
          {t('auditWork.checklist.sampleDefault')}
        </Button>
      </Group>
    </Stack>
  );
}

function ChecklistHeader({ checklist: c }: { checklist: TChecklist }) {
  const { t } = useTranslation();
  const format = useFormat();
  const done = c.totals.items - c.totals.open;
  return (
    <Card withBorder padding="md">
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
        <div>
          <Text size="sm" fw={600} data-testid="checklist-basis">
            {t(`auditWork.checklist.basis.${c.basis ?? 'full'}`)}
          </Text>
          <Text size="xs" c="dimmed" data-testid="checklist-source">
            {[
              c.framework ? t('auditWork.checklist.framework', { version: c.framework.version }) : null,
              c.soaVersion !== null ? t('auditWork.checklist.soaVersion', { n: c.soaVersion }) : null,
              c.generatedAt ? t('auditWork.checklist.generatedBy', { name: c.generatedBy?.name ?? t('common.none'), date: format.dateTime(c.generatedAt) }) : null,
            ]
              .filter(Boolean)
              .join(' · ')}
          </Text>
        </div>
        <Text size="sm" data-testid="checklist-progress-text">
          {t('auditWork.checklist.progress', { done: format.number(done), total: format.number(c.totals.items) })}
        </Text>
      </Group>
      <Progress.Root size="md" mt="sm" aria-label={t('auditWork.checklist.progress', { done: format.number(done), total: format.number(c.totals.items) })}>
        {CHECKLIST_VERDICTS.map((v) => (c.totals[v] ? <Progress.Section key={v} value={(100 * c.totals[v]) / Math.max(1, c.totals.items)} color={VERDICT_COLOR[v]} /> : null))}
      </Progress.Root>
    </Card>
  );
}

function ReadinessCard({ readiness }: { readiness: NonNullable<TChecklist['readiness']> }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const lang = i18n.resolvedLanguage === 'fr' ? 'fr' : 'en';
  return (
    <Card withBorder padding="md" data-testid="checklist-readiness">
      <Text size="sm" fw={600}>
        {t('auditWork.checklist.readinessTitle', { date: format.date(`${readiness.asOf}T12:00:00Z`), percent: format.number(readiness.coveredPercent) })}
      </Text>
      {readiness.blockers.length > 0 && (
        <Stack gap={2} mt="xs">
          <Text size="xs" c="dimmed">
            {t('auditWork.checklist.readinessBlockers')}
          </Text>
          {readiness.blockers.slice(0, 8).map((b, i) => (
            <Text key={i} size="xs">
              {[b.clause, b.label?.[lang]].filter(Boolean).join(' — ') || b.kind}
            </Text>
          ))}
        </Stack>
      )}
    </Card>
  );
}

function Workspace({ checklist: c, tenantId, engagementId }: { checklist: TChecklist; tenantId: string; engagementId: string }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const lang = i18n.resolvedLanguage === 'fr' ? 'fr' : 'en';
  const [params, setParams] = useSearchParams();
  const filter: TFilter = (FILTERS as readonly string[]).includes(params.get('verdict') ?? '') ? (params.get('verdict') as TFilter) : 'all';
  const search = params.get('q') ?? '';
  const setParam = (k: string, v: string | null) =>
    setParams(
      (cur) => {
        const next = new URLSearchParams(cur);
        if (v) next.set(k, v);
        else next.delete(k);
        return next;
      },
      { replace: true },
    );

  const [drafts, setDrafts] = useState<Record<string, TDraft>>({});
  const [saves, setSaves] = useState<Record<string, TSaveState>>({});
  const record = useRecordItem(tenantId, c.auditId);

  const visible = useMemo(() => filterItems(c.items, filter, search, lang), [c.items, filter, search, lang]);
  const groups = useMemo(() => groupsOf(visible, lang, (s) => t(`auditWork.checklist.section.${s}`)), [visible, lang, t]);
  const openId = params.get('item');
  const open = c.items.find((i) => i.id === openId) ?? null;
  const select = (id: string | null) => setParam('item', id);

  // Unsaved notes are not lost by accident: the browser asks before leaving the page.
  const unsaved = Object.keys(drafts).length > 0;
  useEffect(() => {
    if (!unsaved) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [unsaved]);

  const step = (delta: 1 | -1) => {
    if (!visible.length) return;
    const at = open ? visible.findIndex((i) => i.id === open.id) : -1;
    const next = visible[Math.min(visible.length - 1, Math.max(0, at === -1 ? 0 : at + delta))];
    if (next) select(next.id);
  };

  async function save(item: TChecklistItem): Promise<boolean> {
    const d = drafts[item.id];
    if (!d) return true;
    const body = itemChanges(item, d);
    if (!body) {
      setDrafts(({ [item.id]: _, ...rest }) => rest);
      return true;
    }
    setSaves((s) => ({ ...s, [item.id]: { state: 'saving' } }));
    try {
      await record.mutateAsync({ itemId: item.id, body });
      setDrafts(({ [item.id]: _, ...rest }) => rest);
      setSaves((s) => ({ ...s, [item.id]: { state: 'saved', at: new Date().toISOString() } }));
      return true;
    } catch (error) {
      setSaves((s) => ({ ...s, [item.id]: { state: 'failed', error } }));
      return false;
    }
  }

  const counts: Record<TFilter, number> = { all: c.totals.items, open: c.totals.open, conforming: c.totals.conforming, nonconforming: c.totals.nonconforming, observation: c.totals.observation, not_audited: c.totals.not_audited };

  return (
    <Stack gap="md">
      <Group gap="sm" wrap="wrap" align="flex-end">
        <SegmentedControl
          value={filter}
          onChange={(v) => setParam('verdict', v === 'all' ? null : v)}
          data={FILTERS.map((f) => ({ value: f, label: `${t(f === 'all' ? 'auditWork.checklist.all' : `auditWork.verdict.${f}`)} · ${format.number(counts[f])}` }))}
          aria-label={t('auditWork.checklist.filterByVerdict')}
          data-testid="checklist-filter"
        />
        <TextInput
          placeholder={t('auditWork.checklist.searchPlaceholder')}
          aria-label={t('auditWork.checklist.searchPlaceholder')}
          value={search}
          onChange={(e) => setParam('q', e.currentTarget.value || null)}
          maxLength={100}
          w={260}
          data-testid="checklist-search"
        />
      </Group>
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 5 }}>
        <Card withBorder padding={0}>
          <ScrollArea.Autosize mah="70vh" type="auto">
            <ItemList groups={groups} openId={open?.id ?? null} drafts={drafts} saves={saves} onSelect={select} lang={lang} />
            {visible.length === 0 && (
              <Text size="sm" c="dimmed" p="md" data-testid="checklist-no-match">
                {t('auditWork.checklist.noMatch')}
              </Text>
            )}
          </ScrollArea.Autosize>
        </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 7 }}>
          {open ? (
            <ItemEditor
              key={open.id}
              item={open}
              engagementId={engagementId}
              draft={drafts[open.id] ?? null}
              saveState={saves[open.id] ?? null}
              onChange={(d) => {
                setDrafts((all) => ({ ...all, [open.id]: d }));
                setSaves(({ [open.id]: _, ...rest }) => rest);
              }}
              onDiscard={() => setDrafts(({ [open.id]: _, ...rest }) => rest)}
              onSave={() => save(open)}
              onSaveAndNext={async () => (await save(open)) && step(1)}
              onStep={step}
            />
          ) : (
            <Card withBorder padding="lg">
              <Text size="sm" c="dimmed" data-testid="checklist-pick-item">
                {t('auditWork.checklist.pickItem')}
              </Text>
            </Card>
          )}
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

function ItemList({
  groups,
  openId,
  drafts,
  saves,
  onSelect,
  lang,
}: {
  groups: TGroup[];
  openId: string | null;
  drafts: Record<string, TDraft>;
  saves: Record<string, TSaveState>;
  onSelect: (id: string) => void;
  lang: 'en' | 'fr';
}) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  // Arrow keys move between rows; Enter or Space opens the focused one (a native button).
  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    const rows = [...(ref.current?.querySelectorAll<HTMLButtonElement>('[data-row]') ?? [])];
    const at = rows.indexOf(document.activeElement as HTMLButtonElement);
    const next = rows[Math.min(rows.length - 1, Math.max(0, at + (e.key === 'ArrowDown' ? 1 : -1)))];
    if (next) {
      e.preventDefault();
      next.focus();
    }
  };
  useEffect(() => {
    ref.current?.querySelector<HTMLElement>('[data-open="true"]')?.scrollIntoView({ block: 'nearest' });
  }, [openId]);
  return (
    <nav ref={ref} onKeyDown={onKeyDown} aria-label={t('auditWork.checklist.items')}>
      {groups.map((g) => {
        const done = g.items.filter((i) => i.verdict !== null).length;
        return (
          <div key={g.key} role="group" aria-label={g.label}>
            <Group justify="space-between" px="md" py={6} bg="var(--mantine-color-gray-light)" wrap="nowrap">
              <Text size="xs" fw={700} tt="uppercase" lineClamp={1}>
                {g.label}
              </Text>
              <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                {done}/{g.items.length}
              </Text>
            </Group>
            {g.items.map((i) => {
              const state = saves[i.id]?.state;
              const isOpen = i.id === openId;
              return (
                <UnstyledButton
                  key={i.id}
                  data-row
                  data-open={isOpen}
                  aria-current={isOpen ? 'true' : undefined}
                  onClick={() => onSelect(i.id)}
                  w="100%"
                  px="md"
                  py={8}
                  style={{ display: 'block', borderLeft: `3px solid ${isOpen ? 'var(--mantine-primary-color-filled)' : 'transparent'}`, background: isOpen ? 'var(--mantine-primary-color-light)' : undefined }}
                  data-testid={`checklist-row-${i.ref}`}
                >
                  <Group justify="space-between" wrap="nowrap" gap="xs">
                    <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
                      <Text size="sm" fw={600} style={{ whiteSpace: 'nowrap' }}>
                        {i.ref}
                      </Text>
                      <Text size="sm" lineClamp={1}>
                        {i.title[lang]}
                      </Text>
                    </Group>
                    <Group gap={4} wrap="nowrap">
                      {drafts[i.id] && (
                        <Badge size="xs" color={state === 'failed' ? 'red' : 'orange'} variant="light" data-testid={`checklist-row-unsaved-${i.ref}`}>
                          {t(state === 'failed' ? 'auditWork.checklist.save.failedShort' : 'auditWork.checklist.save.unsavedShort')}
                        </Badge>
                      )}
                      {i.evidence.length > 0 && (
                        <Badge size="xs" variant="outline" color="gray" title={t('auditWork.checklist.evidenceCount', { count: i.evidence.length })}>
                          {t('auditWork.checklist.evidenceShort', { count: i.evidence.length })}
                        </Badge>
                      )}
                      <VerdictBadge verdict={i.verdict} size="xs" />
                    </Group>
                  </Group>
                </UnstyledButton>
              );
            })}
          </div>
        );
      })}
    </nav>
  );
}

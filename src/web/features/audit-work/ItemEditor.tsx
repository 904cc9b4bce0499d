import { Badge, Button, Card, Group, Kbd, MultiSelect, SegmentedControl, Stack, Text, Textarea, Title } from '@mantine/core';
import { getHotkeyHandler, useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useFormat } from '../../lib/format';
import { CHECKLIST_VERDICTS, MAX_CHECKLIST_NOTES, MAX_EVIDENCE_REFS, type TChecklistItem, type TChecklistVerdict } from '../../../shared/contracts/audit-work';
import { useClientEvidence } from './api';
import type { TDraft } from './checklist-model';
import { VerdictBadge } from './VerdictBadge';

export type TSaveState = { state: 'saving' } | { state: 'saved'; at: string } | { state: 'failed'; error: unknown };

const OPEN = 'open';

/**
 * One checklist item: verdict, notes and the client's evidence it rests on. Saved on its own
 * (Ctrl+Enter, or "Save and next"); what is not saved stays as a draft when the auditor moves to
 * another item, marked in the list.
 */
export function ItemEditor({
  item,
  engagementId,
  draft,
  saveState,
  onChange,
  onDiscard,
  onSave,
  onSaveAndNext,
  onStep,
}: {
  item: TChecklistItem;
  engagementId: string;
  draft: TDraft | null;
  saveState: TSaveState | null;
  onChange: (d: TDraft) => void;
  onDiscard: () => void;
  onSave: () => void;
  onSaveAndNext: () => void;
  onStep: (delta: 1 | -1) => void;
}) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const lang = i18n.resolvedLanguage === 'fr' ? 'fr' : 'en';
  const value: TDraft = draft ?? { verdict: item.verdict, notes: item.notes, evidence: item.evidence };
  const canRecord = item.abilities['auditChecklist.record'] === true;
  const set = (patch: Partial<TDraft>) => onChange({ ...value, ...patch });
  const needsNotes = (value.verdict === 'nonconforming' || value.verdict === 'observation') && !value.notes.trim();
  const saving = saveState?.state === 'saving';

  const keys = getHotkeyHandler([
    ['mod+Enter', () => draft && !saving && onSave()],
    ['mod+shift+Enter', () => !saving && onSaveAndNext()],
    ['alt+ArrowDown', () => onStep(1)],
    ['alt+ArrowUp', () => onStep(-1)],
  ]);

  return (
    <Card withBorder padding="lg" onKeyDown={keys} data-testid="checklist-item" data-ref={item.ref}>
      <Stack gap="md">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <div>
            <Text size="xs" c="dimmed">
              {t(`auditWork.checklist.section.${item.section}`)}
              {item.group ? ` · ${item.group.ref} ${item.group.title[lang]}` : ''}
            </Text>
            <Title order={3} size="h4" data-testid="checklist-item-title">
              {item.ref} {item.title[lang]}
            </Title>
          </div>
          <VerdictBadge verdict={item.verdict} />
        </Group>
        <Group gap="xs">
          {item.readinessStatus && (
            <Badge variant="light" color="gray" data-testid="checklist-item-readiness">
              {t('auditWork.checklist.readinessSaid', { status: t(`readiness.status.${item.readinessStatus}`) })}
            </Badge>
          )}
          {item.soaImplementationStatus && (
            <Badge variant="light" color="gray" data-testid="checklist-item-soa">
              {t('auditWork.checklist.soaSaid', { status: t(`soa.implementation.${item.soaImplementationStatus as 'implemented'}`) })}
            </Badge>
          )}
          {item.priorAuditReference && (
            <Badge variant="light" color="red">
              {t('auditWork.checklist.priorNc', { reference: item.priorAuditReference })}
            </Badge>
          )}
        </Group>

        {canRecord ? (
          <>
            <div>
              <Text size="sm" fw={500} mb={4} id={`verdict-label-${item.id}`}>
                {t('auditWork.checklist.verdictLabel')}
              </Text>
              <SegmentedControl
                fullWidth
                value={value.verdict ?? OPEN}
                onChange={(v) => set({ verdict: v === OPEN ? null : (v as TChecklistVerdict) })}
                data={[OPEN, ...CHECKLIST_VERDICTS].map((v) => ({ value: v, label: t(`auditWork.verdict.${v as TChecklistVerdict}`) }))}
                aria-labelledby={`verdict-label-${item.id}`}
                data-testid="checklist-verdict"
              />
            </div>
            <Textarea
              label={t('auditWork.checklist.notes')}
              description={t('auditWork.checklist.notesHelp')}
              value={value.notes}
              onChange={(e) => set({ notes: e.currentTarget.value })}
              maxLength={MAX_CHECKLIST_NOTES}
              autosize
              minRows={4}
              maxRows={14}
              error={needsNotes ? t('auditWork.checklist.notesRequired') : undefined}
              data-testid="checklist-notes"
            />
            <EvidencePicker engagementId={engagementId} value={value.evidence} onChange={(evidence) => set({ evidence })} />
            <SaveLine saveState={saveState} dirty={draft !== null} />
            <Group justify="space-between">
              <Group gap="xs">
                <Button onClick={onSave} disabled={!draft || needsNotes} loading={saving} data-testid="checklist-save">
                  {t('auditWork.checklist.save.save')}
                </Button>
                <Button variant="light" onClick={onSaveAndNext} disabled={needsNotes || saving} data-testid="checklist-save-next">
                  {t('auditWork.checklist.save.saveNext')}
                </Button>
                {draft && (
                  <Button variant="subtle" color="gray" onClick={onDiscard} disabled={saving} data-testid="checklist-discard">
                    {t('auditWork.checklist.save.discard')}
                  </Button>
                )}
              </Group>
              <Group gap="xs">
                <Button variant="default" size="xs" onClick={() => onStep(-1)} aria-label={t('auditWork.checklist.previous')}>
                  ↑
                </Button>
                <Button variant="default" size="xs" onClick={() => onStep(1)} aria-label={t('auditWork.checklist.next')}>
                  ↓
                </Button>
              </Group>
            </Group>
            <Text size="xs" c="dimmed">
              <Kbd size="xs">Ctrl</Kbd> + <Kbd size="xs">Enter</Kbd> {t('auditWork.checklist.keys.save')} · <Kbd size="xs">Ctrl</Kbd> + <Kbd size="xs">Shift</Kbd> + <Kbd size="xs">Enter</Kbd>{' '}
              {t('auditWork.checklist.keys.saveNext')} · <Kbd size="xs">Alt</Kbd> + <Kbd size="xs">↑</Kbd>/<Kbd size="xs">↓</Kbd> {t('auditWork.checklist.keys.move')}
            </Text>
          </>
        ) : (
          <Stack gap="xs" data-testid="checklist-item-readonly">
            <Text size="sm" fw={500}>
              {t('auditWork.checklist.notes')}
            </Text>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {item.notes || t('common.none')}
            </Text>
            <Text size="sm" fw={500}>
              {t('auditWork.checklist.evidence')}
            </Text>
            {item.evidence.length ? item.evidence.map((e) => <Text key={e.id} size="sm">{e.title}</Text>) : <Text size="sm">{t('common.none')}</Text>}
          </Stack>
        )}
        {item.updatedAt && (
          <Text size="xs" c="dimmed" data-testid="checklist-item-updated">
            {t('auditWork.checklist.updatedBy', { name: item.updatedBy?.name ?? t('common.none'), date: format.dateTime(item.updatedAt) })}
          </Text>
        )}
      </Stack>
    </Card>
  );
}

function SaveLine({ saveState, dirty }: { saveState: TSaveState | null; dirty: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (saveState?.state === 'failed') {
    return (
      <div data-testid="checklist-save-state" data-state="failed">
        <ErrorAlert error={saveState.error} />
        <Text size="xs" c="red" mt={4}>
          {t('auditWork.checklist.save.failed')}
        </Text>
      </div>
    );
  }
  const [state, text, color] =
    saveState?.state === 'saving'
      ? ['saving', t('auditWork.checklist.save.saving'), 'dimmed']
      : dirty
        ? ['unsaved', t('auditWork.checklist.save.unsaved'), 'orange']
        : saveState?.state === 'saved'
          ? ['saved', t('auditWork.checklist.save.saved', { time: format.dateTime(saveState.at) }), 'teal']
          : [null, null, null];
  if (!state) return null;
  return (
    <Text size="sm" c={color!} role="status" data-testid="checklist-save-state" data-state={state}>
      {text}
    </Text>
  );
}

/**
 * The client's evidence, searched through the engagement (drafts are left out: they are not
 * evidence yet). The chosen references keep the title the auditor saw.
 */
function EvidencePicker({ engagementId, value, onChange }: { engagementId: string; value: { id: string; title: string }[]; onChange: (v: { id: string; title: string }[]) => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [search, setSearch] = useState('');
  const [opened, setOpened] = useState(false);
  const [q] = useDebouncedValue(search, 300);
  const found = useClientEvidence(engagementId, q, opened);
  const results = (found.data?.items ?? []).filter((e) => e.status !== 'draft');
  const byId = new Map<string, { id: string; title: string; detail?: string }>(value.map((e) => [e.id, e]));
  for (const e of results) if (!byId.has(e.id)) byId.set(e.id, { id: e.id, title: e.title, detail: `${format.date(`${e.effectiveDate}T12:00:00Z`)} · ${t(`evidence.status.${e.status}`)}` });
  const data = [...byId.values()].map((e) => ({ value: e.id, label: e.title, detail: e.detail }));
  return (
    <div>
      <MultiSelect
        label={t('auditWork.checklist.evidence')}
        description={t('auditWork.checklist.evidenceHelp')}
        placeholder={t('auditWork.checklist.evidenceSearch')}
        searchable
        searchValue={search}
        onSearchChange={setSearch}
        onDropdownOpen={() => setOpened(true)}
        filter={({ options }) => options}
        data={data}
        value={value.map((e) => e.id)}
        onChange={(ids) => onChange(ids.map((id) => byId.get(id)!).map((e) => ({ id: e.id, title: e.title })))}
        maxValues={MAX_EVIDENCE_REFS}
        nothingFoundMessage={found.isFetching ? t('auditWork.checklist.evidenceLoading') : t('auditWork.checklist.evidenceNone')}
        renderOption={({ option }) => {
          const o = option as { label: string; detail?: string };
          return (
            <div>
              <Text size="sm">{o.label}</Text>
              {o.detail && (
                <Text size="xs" c="dimmed">
                  {o.detail}
                </Text>
              )}
            </div>
          );
        }}
        clearable
        data-testid="checklist-evidence"
      />
      {found.error ? <ErrorAlert error={found.error} /> : null}
    </div>
  );
}

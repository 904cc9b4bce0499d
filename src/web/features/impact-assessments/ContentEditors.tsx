import { Anchor, Badge, Button, Card, Group, NativeSelect, SimpleGrid, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  AFFECTED_SCOPES,
  IMPACT_CATEGORIES,
  LEVELS,
  MAX_AFFECTED,
  MAX_IMPACTS,
  REVERSIBILITY,
  type TAffectedParty,
  type TAssessmentContentInput,
  type TFria,
} from '../../../shared/contracts/impact-assessments';

type TImpactInput = TAssessmentContentInput['impacts'][number];
const replaceAt = <T,>(list: readonly T[], i: number, item: T) => list.map((x, n) => (n === i ? item : x));

export function AffectedEditor({ value, onChange, readOnly }: { value: TAffectedParty[]; onChange: (v: TAffectedParty[]) => void; readOnly: boolean }) {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="lg">
      <Title order={2} size="h4" mb="md">
        {t('impactAssessments.editor.affected')}
      </Title>
      <Stack gap="md">
        {value.map((a, i) => (
          <Group key={i} align="flex-start" wrap="nowrap" data-testid={`ia-affected-${i}`}>
            <NativeSelect
              label={t('impactAssessments.editor.affectedScope')}
              value={a.scope}
              disabled={readOnly}
              onChange={(e) => onChange(replaceAt(value, i, { ...a, scope: e.currentTarget.value as TAffectedParty['scope'] }))}
              data={AFFECTED_SCOPES.map((s) => ({ value: s, label: t(`impactAssessments.scope.${s}`) }))}
              w={160}
            />
            <TextInput label={t('impactAssessments.editor.affectedName')} value={a.name} readOnly={readOnly} maxLength={300} onChange={(e) => onChange(replaceAt(value, i, { ...a, name: e.currentTarget.value }))} w={240} data-testid={`ia-affected-${i}-name`} />
            <Textarea
              label={t('impactAssessments.editor.affectedDescription')}
              value={a.description}
              readOnly={readOnly}
              maxLength={4000}
              autosize
              onChange={(e) => onChange(replaceAt(value, i, { ...a, description: e.currentTarget.value }))}
              style={{ flex: 1 }}
              data-testid={`ia-affected-${i}-description`}
            />
            {!readOnly && (
              <Button variant="subtle" color="red" mt={24} onClick={() => onChange(value.filter((_, n) => n !== i))}>
                {t('impactAssessments.editor.remove')}
              </Button>
            )}
          </Group>
        ))}
        {!readOnly && value.length < MAX_AFFECTED && (
          <Group>
            <Button variant="light" onClick={() => onChange([...value, { scope: 'individuals', name: '', description: '' }])} data-testid="ia-add-affected">
              {t('impactAssessments.editor.addAffected')}
            </Button>
          </Group>
        )}
      </Stack>
    </Card>
  );
}

export function ImpactsEditor(props: { tenantId: string; value: TImpactInput[]; onChange: (v: TImpactInput[]) => void; readOnly: boolean; significantSeverity: number }) {
  const { value, onChange, readOnly, significantSeverity } = props;
  const { t } = useTranslation();
  const levels = LEVELS.map((l) => ({ value: String(l), label: t(`impactAssessments.level.${l}`) }));
  const blank: TImpactInput = { category: 'fundamental_rights', description: '', affected: '', severity: 3, likelihood: 3, reversibility: 'reversible', mitigations: '' };
  return (
    <Card withBorder padding="lg">
      <Title order={2} size="h4" mb="md">
        {t('impactAssessments.editor.impacts')}
      </Title>
      <Stack gap="md">
        {value.map((imp, i) => {
          const set = (patch: Partial<TImpactInput>) => onChange(replaceAt(value, i, { ...imp, ...patch }));
          return (
            <Card key={imp.key ?? `new-${i}`} withBorder padding="md" bg="var(--mantine-color-gray-0)" data-testid={`ia-impact-${i}`}>
              <Stack gap="sm">
                {imp.severity >= significantSeverity && (
                  <Group gap="xs">
                    <Badge color="red" variant="light">
                      {t('impactAssessments.editor.significant')}
                    </Badge>
                    {imp.riskId && (
                      <Anchor component={Link} to={`/t/${props.tenantId}/risks/${imp.riskId}`} size="xs" data-testid={`ia-impact-${i}-risk`}>
                        {t('impactAssessments.editor.linkedRisk')}
                      </Anchor>
                    )}
                  </Group>
                )}
                <SimpleGrid cols={{ base: 1, md: 4 }}>
                  <NativeSelect
                    label={t('impactAssessments.editor.impactCategory')}
                    value={imp.category}
                    disabled={readOnly}
                    onChange={(e) => set({ category: e.currentTarget.value as TImpactInput['category'] })}
                    data={IMPACT_CATEGORIES.map((c) => ({ value: c, label: t(`impactAssessments.category.${c}`) }))}
                    data-testid={`ia-impact-${i}-category`}
                  />
                  <NativeSelect label={t('impactAssessments.editor.severity')} value={String(imp.severity)} disabled={readOnly} onChange={(e) => set({ severity: Number(e.currentTarget.value) })} data={levels} data-testid={`ia-impact-${i}-severity`} />
                  <NativeSelect label={t('impactAssessments.editor.likelihood')} value={String(imp.likelihood)} disabled={readOnly} onChange={(e) => set({ likelihood: Number(e.currentTarget.value) })} data={levels} data-testid={`ia-impact-${i}-likelihood`} />
                  <NativeSelect
                    label={t('impactAssessments.editor.reversibility')}
                    value={imp.reversibility}
                    disabled={readOnly}
                    onChange={(e) => set({ reversibility: e.currentTarget.value as TImpactInput['reversibility'] })}
                    data={REVERSIBILITY.map((r) => ({ value: r, label: t(`impactAssessments.reversibility.${r}`) }))}
                    data-testid={`ia-impact-${i}-reversibility`}
                  />
                </SimpleGrid>
                <Textarea label={t('impactAssessments.editor.impactDescription')} value={imp.description} readOnly={readOnly} maxLength={4000} autosize onChange={(e) => set({ description: e.currentTarget.value })} data-testid={`ia-impact-${i}-description`} />
                <TextInput label={t('impactAssessments.editor.impactAffected')} value={imp.affected} readOnly={readOnly} maxLength={300} onChange={(e) => set({ affected: e.currentTarget.value })} data-testid={`ia-impact-${i}-affected`} />
                <Textarea label={t('impactAssessments.editor.mitigations')} value={imp.mitigations} readOnly={readOnly} maxLength={4000} autosize onChange={(e) => set({ mitigations: e.currentTarget.value })} data-testid={`ia-impact-${i}-mitigations`} />
                {!readOnly && (
                  <Group justify="flex-end">
                    <Button variant="subtle" color="red" size="xs" onClick={() => onChange(value.filter((_, n) => n !== i))}>
                      {t('impactAssessments.editor.remove')}
                    </Button>
                  </Group>
                )}
              </Stack>
            </Card>
          );
        })}
        {!readOnly && value.length < MAX_IMPACTS && (
          <Group>
            <Button variant="light" onClick={() => onChange([...value, blank])} data-testid="ia-add-impact">
              {t('impactAssessments.editor.addImpact')}
            </Button>
          </Group>
        )}
      </Stack>
    </Card>
  );
}

/** The six contents of art. 27(1), each with the hint of what the regulation asks for. */
export function FriaEditor({ value, onChange, readOnly }: { value: TFria; onChange: (v: TFria) => void; readOnly: boolean }) {
  const { t } = useTranslation();
  const text = (k: Exclude<keyof TFria, 'useFrom' | 'useUntil'>, hint?: string) => (
    <Textarea
      label={t(`impactAssessments.fria.${k}`)}
      description={hint}
      value={value[k]}
      readOnly={readOnly}
      maxLength={k === 'useFrequency' ? 300 : 4000}
      autosize
      minRows={2}
      onChange={(e) => onChange({ ...value, [k]: e.currentTarget.value })}
      data-testid={`ia-fria-${k}`}
    />
  );
  const date = (k: 'useFrom' | 'useUntil') => (
    <TextInput type="date" label={t(`impactAssessments.fria.${k}`)} value={value[k] ?? ''} readOnly={readOnly} onChange={(e) => onChange({ ...value, [k]: e.currentTarget.value || null })} data-testid={`ia-fria-${k}`} />
  );
  return (
    <Card withBorder padding="lg" data-testid="ia-fria">
      <Title order={2} size="h4" mb="md">
        {t('impactAssessments.editor.fria')}
      </Title>
      <Stack gap="md">
        {text('processes', t('impactAssessments.fria.processesHint'))}
        <Text size="sm" c="dimmed">
          {t('impactAssessments.fria.useHint')}
        </Text>
        <SimpleGrid cols={{ base: 1, md: 3 }}>
          {date('useFrom')}
          {date('useUntil')}
          {text('useFrequency')}
        </SimpleGrid>
        {text('affectedCategories', t('impactAssessments.fria.affectedCategoriesHint'))}
        {text('risksOfHarm', t('impactAssessments.fria.risksOfHarmHint'))}
        {text('humanOversight', t('impactAssessments.fria.humanOversightHint'))}
        {text('mitigationMeasures', t('impactAssessments.fria.mitigationHint'))}
        {text('governanceArrangements')}
        {text('complaintMechanism')}
      </Stack>
    </Card>
  );
}

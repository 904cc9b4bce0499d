import { Code, Stack, Text } from '@mantine/core';
import type { AuditSummary } from '../../lib/types';

const show = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));

/**
 * The event's before/after summary as one line per field: `field: before → after`. Field names
 * and values are the stored record (the log is evidence), so they are shown as they were written.
 */
export function SummaryCell({ summary }: { summary: AuditSummary | null }) {
  const before = summary?.before ?? {};
  const after = summary?.after ?? {};
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  if (keys.length === 0) return null;
  return (
    <Stack gap={2}>
      {keys.map((k) => (
        <Text key={k} size="xs">
          <Code>{k}</Code>{' '}
          {k in before && k in after ? `${show(before[k])} → ${show(after[k])}` : k in after ? show(after[k]) : `${show(before[k])} → ∅`}
        </Text>
      ))}
    </Stack>
  );
}

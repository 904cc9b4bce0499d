import { ActionIcon, Badge, Group, Loader, Tooltip, type BadgeProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { IconRefresh, IconShield } from '../../components/icons';
import { errorMessage } from '../../lib/errors';
import { useFormat } from '../../lib/format';
import { useAuditVerification } from './api';

type ChainState = 'pending' | 'error' | 'intact' | 'broken';

const BADGE_PROPS: Record<ChainState, BadgeProps> = {
  pending: { color: 'gray', variant: 'light' },
  error: { color: 'orange', variant: 'light' },
  intact: { color: 'teal', variant: 'light' },
  broken: { color: 'red', variant: 'filled' },
};

export function ChainStatus({ tenantId }: { tenantId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const verify = useAuditVerification(tenantId);

  let state: ChainState;
  let label: string;
  if (verify.isPending) {
    state = 'pending';
    label = t('audit.chain.verifying');
  } else if (verify.error) {
    state = 'error';
    label = t('audit.chain.unavailable', { reason: errorMessage(verify.error) });
  } else if (verify.data.ok) {
    state = 'intact';
    const cp = verify.data.checkpoint;
    label = cp
      ? t('audit.chain.intactAnchored', { checked: format.number(verify.data.checked), seq: cp.seq, time: format.dateTime(cp.time) })
      : t('audit.chain.intact', { checked: format.number(verify.data.checked) });
  } else if (verify.data.truncated && verify.data.checkpoint) {
    state = 'broken';
    label = t('audit.chain.truncated', { checked: format.number(verify.data.checked), seq: verify.data.checkpoint.seq, time: format.dateTime(verify.data.checkpoint.time) });
  } else if (verify.data.forgedCheckpoints.length && verify.data.firstBrokenSeq === null) {
    state = 'broken';
    label = t('audit.chain.forgedCheckpoint', { seqs: verify.data.forgedCheckpoints.join(', ') });
  } else {
    state = 'broken';
    label =
      verify.data.firstBrokenSeq === null
        ? t('audit.chain.brokenUnknown')
        : t('audit.chain.broken', { seq: verify.data.firstBrokenSeq });
  }

  return (
    <Group gap="xs" wrap="nowrap" role="status" aria-live="polite">
      <Badge
        {...BADGE_PROPS[state]}
        size="lg"
        tt="none"
        leftSection={state === 'pending' ? <Loader size={10} /> : <IconShield size={14} />}
        data-testid="audit-chain-status"
        data-status={state}
      >
        {label}
      </Badge>
      <Tooltip label={t('audit.chain.reverify')}>
        <ActionIcon
          variant="subtle"
          color="gray"
          onClick={() => void verify.refetch()}
          loading={verify.isFetching}
          aria-label={t('audit.chain.reverify')}
          data-testid="audit-chain-reverify"
        >
          <IconRefresh />
        </ActionIcon>
      </Tooltip>
    </Group>
  );
}

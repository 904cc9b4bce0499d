import { Badge, Code } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { confirmAction, DataTable } from '../../components/DataTable';
import { useFormat } from '../../lib/format';
import { useRevokeApiToken } from './api';
import type { TApiToken } from '../../../shared/contracts/api-tokens';

type Status = 'active' | 'revoked' | 'expired';

function tokenStatus(token: TApiToken): Status {
  if (token.revokedAt) return 'revoked';
  if (token.expiresAt && Date.parse(token.expiresAt) <= Date.now()) return 'expired';
  return 'active';
}

const STATUS_COLOR: Record<Status, string> = { active: 'teal', revoked: 'red', expired: 'gray' };

interface Props {
  tenantId: string;
  tokens: TApiToken[];
  canRevoke: boolean;
}

export function TokensTable({ tenantId, tokens, canRevoke }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const revoke = useRevokeApiToken(tenantId);

  return (
    <DataTable
      testId="api-tokens-table"
      label={t('apiTokens.tableLabel')}
      minWidth={900}
      rows={tokens}
      rowKey={(token) => token.id}
      rowTestId={(token) => `api-token-row-${token.id}`}
      empty={t('apiTokens.empty')}
      columns={[
        { key: 'name', header: t('apiTokens.fields.name'), cell: (token) => token.name, truncate: (token) => token.name, sortValue: (token) => token.name },
        { key: 'prefix', header: t('apiTokens.fields.prefix'), cell: (token) => <Code>{token.prefix}</Code> },
        { key: 'role', header: t('fields.role'), cell: (token) => t(`roles.${token.role}`) },
        {
          key: 'status',
          header: t('apiTokens.fields.status'),
          cell: (token) => {
            const status = tokenStatus(token);
            return (
              <Badge color={STATUS_COLOR[status]} variant="light">
                {t(`apiTokens.status.${status}`)}
              </Badge>
            );
          },
          sortValue: (token) => tokenStatus(token),
        },
        { key: 'createdAt', header: t('apiTokens.fields.createdAt'), cell: (token) => format.date(token.createdAt), sortValue: (token) => token.createdAt, nowrap: true },
        {
          key: 'lastUsedAt',
          header: t('apiTokens.fields.lastUsedAt'),
          cell: (token) => (token.lastUsedAt ? format.dateTime(token.lastUsedAt) : t('apiTokens.neverUsed')),
          sortValue: (token) => token.lastUsedAt ?? null,
          nowrap: true,
        },
        {
          key: 'expiresAt',
          header: t('apiTokens.fields.expiresAt'),
          cell: (token) => (token.expiresAt ? format.date(token.expiresAt) : t('apiTokens.expiry.never')),
          sortValue: (token) => token.expiresAt ?? null,
          nowrap: true,
        },
      ]}
      actions={[
        confirmAction<(typeof tokens)[number]>({
          key: 'revoke',
          allowed: (token) => canRevoke && token.abilities['apiToken.revoke'],
          label: t('apiTokens.revoke'),
          title: t('apiTokens.revokeTitle'),
          ariaLabel: (token) => t('apiTokens.revokeLabel', { name: token.name }),
          message: (token) => t('apiTokens.revokeConfirm', { name: token.name }),
          testId: (token) => `api-token-revoke-${token.id}`,
          onConfirm: (token) => revoke.mutate(token.id),
        }),
      ]}
    />
  );
}

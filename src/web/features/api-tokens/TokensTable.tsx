import { Badge, Code, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ConfirmButton } from '../../components/ConfirmButton';
import { useFormat } from '../../lib/format';
import type { ApiToken } from '../../lib/types';
import { useRevokeApiToken } from './api';

type Status = 'active' | 'revoked' | 'expired';

function tokenStatus(token: ApiToken): Status {
  if (token.revokedAt) return 'revoked';
  if (token.expiresAt && Date.parse(token.expiresAt) <= Date.now()) return 'expired';
  return 'active';
}

const STATUS_COLOR: Record<Status, string> = { active: 'teal', revoked: 'red', expired: 'gray' };

interface Props {
  tenantId: string;
  tokens: ApiToken[];
  canRevoke: boolean;
}

export function TokensTable({ tenantId, tokens, canRevoke }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const revoke = useRevokeApiToken(tenantId);
  const columns = canRevoke ? 8 : 7;

  return (
    <Table.ScrollContainer minWidth={900}>
      <Table striped data-testid="api-tokens-table" aria-label={t('apiTokens.tableLabel')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('apiTokens.fields.name')}</Table.Th>
            <Table.Th>{t('apiTokens.fields.prefix')}</Table.Th>
            <Table.Th>{t('fields.role')}</Table.Th>
            <Table.Th>{t('apiTokens.fields.status')}</Table.Th>
            <Table.Th>{t('apiTokens.fields.createdAt')}</Table.Th>
            <Table.Th>{t('apiTokens.fields.lastUsedAt')}</Table.Th>
            <Table.Th>{t('apiTokens.fields.expiresAt')}</Table.Th>
            {canRevoke && <Table.Th>{t('common.actions')}</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {tokens.length === 0 && (
            <Table.Tr>
              <Table.Td colSpan={columns}>
                <Text size="sm" c="dimmed">
                  {t('apiTokens.empty')}
                </Text>
              </Table.Td>
            </Table.Tr>
          )}
          {tokens.map((token) => {
            const status = tokenStatus(token);
            return (
              <Table.Tr key={token.id} data-testid={`api-token-row-${token.id}`}>
                <Table.Td>{token.name}</Table.Td>
                <Table.Td>
                  <Code>{token.prefix}</Code>
                </Table.Td>
                <Table.Td>{t(`roles.${token.role}`)}</Table.Td>
                <Table.Td>
                  <Badge color={STATUS_COLOR[status]} variant="light">
                    {t(`apiTokens.status.${status}`)}
                  </Badge>
                </Table.Td>
                <Table.Td>{format.date(token.createdAt)}</Table.Td>
                <Table.Td>{token.lastUsedAt ? format.dateTime(token.lastUsedAt) : t('apiTokens.neverUsed')}</Table.Td>
                <Table.Td>{token.expiresAt ? format.date(token.expiresAt) : t('apiTokens.expiry.never')}</Table.Td>
                {canRevoke && (
                  <Table.Td>
                    {status === 'active' && (
                      <ConfirmButton
                        size="xs"
                        variant="subtle"
                        color="red"
                        aria-label={t('apiTokens.revokeLabel', { name: token.name })}
                        data-testid={`api-token-revoke-${token.id}`}
                        title={t('apiTokens.revokeTitle')}
                        message={t('apiTokens.revokeConfirm', { name: token.name })}
                        confirmLabel={t('apiTokens.revoke')}
                        onConfirm={() => revoke.mutate(token.id)}
                      >
                        {t('apiTokens.revoke')}
                      </ConfirmButton>
                    )}
                  </Table.Td>
                )}
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

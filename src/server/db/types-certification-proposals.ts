import type { ColumnType, Generated } from 'kysely';
import type { TProposalSlot, TProposalStatus } from '../../shared/contracts/proposals.ts';
import type { TAuditTimeSnapshot } from '../../shared/contracts/proposals.ts';

type TProposalScheme = 'iso42001' | 'soc2-type1' | 'soc2-type2';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** A `date` column: select it `::text` to read 'YYYY-MM-DD' on both drivers. */
type DateOnly = ColumnType<string, string, string>;
/** bigint and numeric come back as strings from both drivers; write numbers. */
type BigMoney = ColumnType<string, number | string | undefined, number | string>;

/* Proposals (migration 0021), merged into the DB interface beside the core certification tables. */
export type TProposalTables = {
  proposals: {
    tenant_id: string;
    id: Generated<string>;
    reference: string;
    client_id: string;
    scheme: ColumnType<TProposalScheme, TProposalScheme | undefined, TProposalScheme>;
    status: ColumnType<TProposalStatus, TProposalStatus | undefined, TProposalStatus>;
    locale: 'en' | 'fr';
    currency: string;
    valid_until: DateOnly;
    recipient_name: Generated<string>;
    recipient_email: string | null;
    notes: Generated<string>;
    audit_time: ColumnType<TAuditTimeSnapshot | null, string | null | undefined, string | null>;
    /** Migration 0032: a SOC 2 proposal's scope and its fee estimate with the trace (null for ISO/IEC 42001). */
    soc2_scope: ColumnType<unknown, string | null | undefined, string | null>;
    fee_estimate: ColumnType<unknown, string | null | undefined, string | null>;
    sent_at: Date | null;
    sent_by: string | null;
    document_sha256: string | null;
    document_size: number | null;
    accepted_at: Date | null;
    accepted_by: string | null;
    accepted_ip: string | null;
    accepted_user_agent: string | null;
    organization_tenant_id: string | null;
    engagement_id: string | null;
    declined_at: Date | null;
    declined_by: string | null;
    declined_ip: string | null;
    decline_reason: string | null;
    withdrawn_at: Date | null;
    withdrawn_by: string | null;
    withdraw_reason: string | null;
    created_by: string | null;
    created_at: Timestamp;
    updated_at: Timestamp;
  };
  proposal_lines: {
    tenant_id: string;
    proposal_id: string;
    slot: TProposalSlot;
    cycle_year: number;
    days: ColumnType<string, number | string, number | string>;
    day_rate_cents: BigMoney;
    travel_cents: BigMoney;
    expenses_cents: BigMoney;
    fee_fixed: boolean;
    amount_cents: BigMoney;
  };
};

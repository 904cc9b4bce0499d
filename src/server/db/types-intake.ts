import type { ColumnType, Generated } from 'kysely';
import type { TClientAiRole, TExistingCertification } from '../../shared/contracts/certification.ts';
import type { TEnquiryStatus, TQuoteStandard } from '../../shared/contracts/intake.ts';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type TQuoteSite = { name: string; address: string; personnel: number };

/* The certification body's intake tables (migration 0019). */
export type TIntakeTables = {
  quote_requests: {
    tenant_id: string;
    id: Generated<string>;
    status: ColumnType<TEnquiryStatus, TEnquiryStatus | undefined, TEnquiryStatus>;
    organization_name: string;
    registered_address: string;
    sector: Generated<string>;
    contact_name: string;
    contact_email: string;
    contact_phone: Generated<string>;
    sites: ColumnType<TQuoteSite[], string, string>;
    employees_full_time: number;
    employees_part_time: Generated<number>;
    ai_systems_count: number;
    high_risk_ai_systems: Generated<number>;
    ai_systems_description: Generated<string>;
    ai_roles: ColumnType<TClientAiRole[], TClientAiRole[] | undefined, TClientAiRole[]>;
    existing_certifications: ColumnType<TExistingCertification[], TExistingCertification[] | undefined, TExistingCertification[]>;
    standards: ColumnType<TQuoteStandard[], TQuoteStandard[], TQuoteStandard[]>;
    preferred_locale: 'en' | 'fr';
    pre_audit: Generated<boolean>;
    message: Generated<string>;
    received_at: Timestamp;
    decided_by: string | null;
    decided_at: Timestamp | null;
    decline_reason: string | null;
    client_id: string | null;
  };
  public_request_hits: {
    id: Generated<string>;
    key: string;
    occurred_at: Timestamp;
  };
};

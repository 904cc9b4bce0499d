import type { ColumnType, Generated } from 'kysely';
import type { TLocale } from '../../shared/contracts/common.ts';
import type { TScheme } from '../../shared/contracts/certification.ts';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** A `date` column: select it `::text` to read 'YYYY-MM-DD' on both drivers. */
type DateOnly = ColumnType<string, string, string>;

/* Auditor competence, declared conflicts and impartiality declarations (migration 0022). */
export type TCertAuditsTables = {
  auditor_competences: {
    tenant_id: string;
    id: Generated<string>;
    user_id: string;
    scheme: TScheme;
    qualification: string;
    iso42001_trained_on: DateOnly | null;
    ai_domain_areas: ColumnType<string[], string[] | undefined, string[]>;
    audits_done: Generated<number>;
    lead_qualified: Generated<boolean>;
    valid_from: DateOnly;
    valid_until: DateOnly;
    notes: Generated<string>;
    created_by: string | null;
    created_at: Timestamp;
    updated_at: Timestamp;
  };
  auditor_conflicts: {
    tenant_id: string;
    id: Generated<string>;
    client_id: string;
    user_id: string | null;
    kind: 'consultancy' | 'employment' | 'other';
    description: Generated<string>;
    started_on: DateOnly | null;
    ended_on: DateOnly | null;
    declared_by: string | null;
    declared_at: Timestamp;
  };
  audit_impartiality_declarations: {
    tenant_id: string;
    audit_id: string;
    user_id: string;
    statement_version: string;
    locale: TLocale;
    statement: string;
    signed_at: Timestamp;
    ip: string | null;
  };
};

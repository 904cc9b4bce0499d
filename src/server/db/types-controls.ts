import type { ColumnType, Generated } from 'kysely';
import type { TControlAutomation, TControlFrequency, TControlLinkOrigin, TControlStatus } from '../../shared/contracts/controls.ts';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

/* The controls' tables (migration 0011), kept beside the DB interface that merges them. */
export type TControlsTables = {
  tenant_frameworks: {
    tenant_id: string;
    framework_id: string;
    framework_version: string;
    adopted_by: string | null;
    adopted_at: Timestamp;
  };
  controls: {
    tenant_id: string;
    id: Generated<string>;
    reference: string;
    title: string;
    description: Generated<string>;
    owner_id: string | null;
    frequency: TControlFrequency;
    automation: TControlAutomation;
    status: TControlStatus;
    library_ref: string | null;
    created_by: string | null;
    created_at: Timestamp;
    updated_at: Timestamp;
  };
  control_requirements: {
    tenant_id: string;
    control_id: string;
    framework_id: string;
    framework_version: string;
    ref: string;
    origin: TControlLinkOrigin;
    linked_by: string | null;
    linked_at: Timestamp;
  };
  control_link_dismissals: {
    tenant_id: string;
    control_id: string;
    framework_id: string;
    ref: string;
    dismissed_by: string | null;
    dismissed_at: Timestamp;
  };
};

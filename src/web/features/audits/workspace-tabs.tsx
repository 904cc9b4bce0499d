import type { ComponentType } from 'react';
import type { TCertAudit } from '../../../shared/contracts/cert-audits';
import { AuditPlanTab } from '../audit-plan/AuditPlanTab';
import { ChecklistTab } from '../audit-work/ChecklistTab';
import { ReportTab } from '../audit-work/ReportTab';
import { FindingsTab } from '../findings/FindingsTab';

/** What every tab of the audit page receives. */
export type TAuditTabProps = { audit: TCertAudit; tenantId: string };

export const WORKSPACE_TAB_KEYS = ['plan', 'checklist', 'findings', 'report'] as const;
export type TWorkspaceTab = (typeof WORKSPACE_TAB_KEYS)[number];

/*
 * The audit workspace's tabs (plan, checklist, findings, report) are built in features/audit-work/: plug
 * each one here by replacing its `null` with the component. Until then the tab shows that the
 * part is not available yet, never an empty form that pretends to work.
 */
export const WORKSPACE_TABS: Record<TWorkspaceTab, ComponentType<TAuditTabProps> | null> = {
  plan: AuditPlanTab,
  checklist: ChecklistTab,
  findings: FindingsTab,
  report: ReportTab,
};

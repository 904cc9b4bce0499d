import type { TSoc2ExaminationState, TSoc2ReportType } from '../../../../shared/contracts/soc2.ts';
import type { TRole } from '../../../../shared/contracts/roles.ts';
import { rulesFor } from '../../../platform/authz/policy.ts';
import { AppError, forbidden } from '../../../platform/errors/errors.ts';

/** The examination as the report's rules see it: its state and who its engagement partner is. */
export type TSoc2ReportSubject = { state: TSoc2ExaminationState; partnerUserId: string | null };
/** The organization's side: whether a report was issued and of which type. */
export type TOrgSoc2ReportSubject = { reportIssued: boolean; reportType: TSoc2ReportType };

const FIRM_MEMBERS: readonly TRole[] = ['scheme_manager', 'auditor', 'technical_reviewer', 'decision_maker'];

const report = rulesFor<TSoc2ReportSubject>()('soc2Report');
const orgReport = rulesFor<TOrgSoc2ReportSubject>()('orgSoc2Report');

export const SOC2_REPORT_POLICIES = [
  // Any member of the firm reads a draft; nothing is stored.
  report.allow(FIRM_MEMBERS, 'soc2Report.preview'),
  // The engagement partner signs the report (whatever their role at the firm), no one else.
  report.allow(FIRM_MEMBERS, 'soc2Report.issue', (actor, s) => actor.userId !== null && s.partnerUserId === actor.userId, () =>
    forbidden('Only the engagement partner of this examination issues its report.'),
  ),
  report.deny('soc2Report.issue', (_, s) => s.state === 'issued', () => new AppError(409, 'soc2_report_issued', 'The report is issued: an issued report never changes.', {})),
  // The general-use summary restates the issued report: the same partner, after the report.
  report.allow(FIRM_MEMBERS, 'soc2Report.issueGeneralUse', (actor, s) => actor.userId !== null && s.partnerUserId === actor.userId, () =>
    forbidden('Only the engagement partner of this examination issues its general-use summary.'),
  ),
  report.deny('soc2Report.issueGeneralUse', (_, s) => s.state !== 'issued', (_, s) =>
    new AppError(409, 'soc2_report_not_issued', 'A general-use summary follows the issued report.', { state: s.state }),
  ),
  // A bridge letter is management's: an owner or administrator of the organization issues it from an issued Type II report.
  orgReport.allow(['owner', 'admin'], 'soc2BridgeLetter.issue'),
  orgReport.deny('soc2BridgeLetter.issue', (_, s) => !s.reportIssued || s.reportType !== 'type2', (_, s) =>
    new AppError(409, 'soc2_report_not_issued', 'A bridge letter follows an issued Type II report.', { reportIssued: s.reportIssued, reportType: s.reportType }),
  ),
];

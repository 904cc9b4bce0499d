import { SOC2_EXAMINATIONS_AUDIT } from './examinations/examinations-audit.ts';
import { SOC2_EXAMINATION_POLICIES } from './examinations/examinations-policies.ts';
import { SOC2_DESCRIPTIONS_AUDIT } from './descriptions/descriptions-audit.ts';
import { SOC2_EXCEPTIONS_AUDIT } from './exceptions/exceptions-audit.ts';
import { SOC2_EXCEPTION_POLICIES } from './exceptions/exceptions-policies.ts';
import { SOC2_SCOPE_PARTS_AUDIT } from './scope/scope-parts-audit.ts';
import { SOC2_READERS_AUDIT } from './readers/readers-audit.ts';
import { SOC2_READER_POLICIES } from './readers/readers-policies.ts';
import { SOC2_FIELDWORK_AUDIT } from './fieldwork/fieldwork-audit.ts';
import { SOC2_REPORT_AUDIT } from './report/report-audit.ts';
import { SOC2_REPORT_POLICIES } from './report/report-policies.ts';

/* The SOC 2 policies and audit actions, apart from the routes so the platform's lists import no HTTP code. */
export const SOC2_POLICIES = [...SOC2_EXAMINATION_POLICIES, ...SOC2_EXCEPTION_POLICIES, ...SOC2_READER_POLICIES, ...SOC2_REPORT_POLICIES] as const;
export const SOC2_AUDIT = { ...SOC2_EXAMINATIONS_AUDIT, ...SOC2_DESCRIPTIONS_AUDIT, ...SOC2_EXCEPTIONS_AUDIT, ...SOC2_SCOPE_PARTS_AUDIT, ...SOC2_READERS_AUDIT, ...SOC2_FIELDWORK_AUDIT, ...SOC2_REPORT_AUDIT } as const;

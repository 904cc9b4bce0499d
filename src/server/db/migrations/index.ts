import type { Migration, MigrationProvider } from 'kysely/migration';
import * as m0001 from './0001-foundation.ts';
import * as m0002 from './0002-catalog.ts';
import * as m0003 from './0003-catalog-i18n-search.ts';
import * as m0005 from './0005-password-resets.ts';
import * as m0006 from './0006-invitation-replaced.ts';
import * as m0007 from './0007-ai-systems.ts';
import * as m0008 from './0008-risks.ts';
import * as m0009 from './0009-impact-assessments.ts';
import * as m0010 from './0010-risk-ai-systems.ts';
import * as m0011 from './0011-controls.ts';
import * as m0012 from './0012-soa.ts';
import * as m0013 from './0013-documents.ts';
import * as m0014 from './0014-evidence.ts';
import * as m0015 from './0015-aims-records-context.ts';
import * as m0016 from './0016-aims-improvement.ts';
import * as m0017 from './0017-classification-roles-ia-reviews.ts';
import * as m0018 from './0018-certification-core.ts';
import * as m0019 from './0019-certification-intake.ts';
import * as m0020 from './0020-audit-time.ts';
import * as m0023 from './0023-audit-work.ts';
import * as m0021 from './0021-certification-proposals.ts';
import * as m0024 from './0024-audit-plans.ts';
import * as m0022 from './0022-auditor-competence.ts';
import * as m0025 from './0025-certification-decisions.ts';
import * as m0029 from './0029-register-search.ts';
import * as m0030 from './0030-cycle-alerts.ts';
import * as m0032 from './0032-soc2-core.ts';
import * as m0033 from './0033-register-versions.ts';
import * as m0034 from './0034-soc2-next-examination.ts';
import * as m0026 from './0026-finding-reminders.ts';
import * as m0031 from './0031-certification-review-targets.ts';

const migrations: Record<string, Migration> = {
  '0001-foundation': m0001,
  '0002-catalog': m0002,
  '0003-catalog-i18n-search': m0003,
  '0005-password-resets': m0005,
  '0006-invitation-replaced': m0006,
  '0007-ai-systems': m0007,
  '0008-risks': m0008,
  '0009-impact-assessments': m0009,
  '0010-risk-ai-systems': m0010,
  '0011-controls': m0011,
  '0012-soa': m0012,
  '0013-documents': m0013,
  '0014-evidence': m0014,
  '0015-aims-records-context': m0015,
  '0016-aims-improvement': m0016,
  '0017-classification-roles-ia-reviews': m0017,
  '0018-certification-core': m0018,
  '0019-certification-intake': m0019,
  '0020-audit-time': m0020,
  '0023-audit-work': m0023,
  '0021-certification-proposals': m0021,
  '0024-audit-plans': m0024,
  '0022-auditor-competence': m0022,
  '0025-certification-decisions': m0025,
  '0029-register-search': m0029,
  '0030-cycle-alerts': m0030,
  '0026-finding-reminders': m0026,
  '0032-soc2-core': m0032,
  '0031-certification-review-targets': m0031,
  '0033-register-versions': m0033,
  '0034-soc2-next-examination': m0034,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};

export const migrationNames = Object.keys(migrations);

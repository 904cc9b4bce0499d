import type { TPlatform } from '../../../platform/platform.ts';
import type { TActor } from '../../../platform/authz/actor.ts';
import { notFound } from '../../../platform/errors/errors.ts';
import type { TSoc2DescriptionDiff } from '../../../../shared/contracts/soc2-scope.ts';
import * as exams from '../examinations/examinations-repo.ts';
import { diffDescriptions } from './description-diff.ts';
import * as repo from './descriptions-repo.ts';

/*
 * The firm and the organization compare two versions of the description, computed here so both
 * read the same diff. A version number that is not one of this examination's answers 404, like an
 * examination of another tenant.
 */
type TDeps = Pick<TPlatform, 'db' | 'authz'>;

export function createSoc2DescriptionDiffService(p: TDeps) {
  async function diffOf(x: exams.TExaminationRow | undefined, from: number, to: number): Promise<TSoc2DescriptionDiff> {
    if (!x) throw notFound('Examination');
    const all = await repo.versions(p.db, x.tenant_id, x.id);
    const a = all.find((v) => v.version === from);
    const b = all.find((v) => v.version === to);
    if (!a || !b) throw notFound('Description version');
    return { examinationId: x.id, from, to, sections: diffDescriptions(a, b) };
  }
  return {
    async forFirm(actor: TActor | null, tenantId: string, examinationId: string, from: number, to: number) {
      await p.authz.assert(actor, 'soc2Examination.read', { tenantId });
      return diffOf(await exams.firmExamination(p.db, tenantId, examinationId), from, to);
    },
    async forOrganization(actor: TActor | null, tenantId: string, examinationId: string, from: number, to: number) {
      await p.authz.assert(actor, 'orgSoc2Examination.read', { tenantId });
      return diffOf(await exams.orgExamination(p.db, tenantId, examinationId), from, to);
    },
  };
}

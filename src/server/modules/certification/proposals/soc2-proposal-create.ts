import type { Transaction } from 'kysely';
import type { DB } from '../../../db/types.ts';
import type { TCreateSoc2ProposalBody, TSoc2ProposalScope } from '../../../../shared/contracts/proposals.ts';
import { SOC2_SCHEME_BY_TYPE } from '../../../../shared/contracts/soc2.ts';
import type { TUserActor } from '../../../platform/authz/actor.ts';
import { recordAudit, type TRequestContext } from '../../../platform/audit-log/audit-log.ts';
import { AppError } from '../../../platform/errors/errors.ts';
import { getSoc2FirmSettings } from '../../soc2/firm-settings.ts';
import { nextReference } from '../common/next-reference.ts';
import { addDays } from '../engagements/programme-rules.ts';
import * as repo from './proposals-repo.ts';
import { soc2ProposalTerms } from './soc2-proposal.ts';

/*
 * Drafting a SOC 2 proposal. Only a licensed CPA firm issues an attestation report, so only one
 * drafts the proposal (409 `soc2_firm_not_licensed`, the code an examination's opening uses). The
 * fee is estimated here from the firm's parameters in force and stored with its trace and the
 * parameters' version; the caller never sends a fee.
 */

export async function soc2DraftTerms(tx: Transaction<DB>, tenantId: string, scope: TSoc2ProposalScope) {
  const firm = await getSoc2FirmSettings(tx, tenantId);
  if (!firm.licensed) {
    throw new AppError(409, 'soc2_firm_not_licensed', 'Only a licensed CPA firm drafts a SOC 2 proposal: record the firm’s licence (authority, number and jurisdiction) in its settings first.', {});
  }
  const terms = soc2ProposalTerms(scope, firm.feeParameters);
  return { ...terms, scheme: SOC2_SCHEME_BY_TYPE[terms.scope.reportType] };
}

export async function createSoc2ProposalDraft(tx: Transaction<DB>, actor: TUserActor, ctx: TRequestContext, o: { tenantId: string; input: TCreateSoc2ProposalBody; today: string }) {
  const { tenantId, input } = o;
  const terms = await soc2DraftTerms(tx, tenantId, input.scope);
  const client = await repo.getClient(tx, tenantId, input.clientId);
  if (!client) throw new AppError(400, 'proposal_client_unknown', 'No such client in this certification body.', { field: 'clientId' });
  const defaults = await repo.getBodyDefaults(tx, tenantId);
  const validUntil = input.validUntil ?? addDays(o.today, defaults?.proposal_validity_days ?? 90);
  const reference = await nextReference(tx, tenantId, { table: 'proposals', prefix: 'PRO', year: Number(o.today.slice(0, 4)) });
  const row = await repo.insertProposal(tx, tenantId, {
    reference,
    client_id: client.id,
    scheme: terms.scheme,
    locale: input.locale ?? client.preferred_locale,
    currency: terms.feeEstimate.currency,
    valid_until: validUntil,
    recipient_name: input.recipientName ?? client.contact_name,
    recipient_email: input.recipientEmail ?? client.contact_email,
    notes: input.notes ?? '',
    soc2_scope: JSON.stringify(terms.scope),
    fee_estimate: JSON.stringify(terms.feeEstimate),
    created_by: actor.userId,
  });
  await recordAudit(tx, actor, ctx, {
    tenantId,
    action: 'proposal.created',
    subjectType: 'proposal',
    subjectId: row.id,
    after: {
      reference,
      client: client.legal_name,
      cycleCents: terms.feeEstimate.totalCents,
      currency: terms.feeEstimate.currency,
      validUntil,
      scheme: terms.scheme,
      feeParametersVersion: terms.feeEstimate.parametersVersion,
    },
  });
  return row.id;
}

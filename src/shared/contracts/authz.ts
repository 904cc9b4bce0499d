import { z } from 'zod';

/*
 * Every action a policy decides. The server evaluates them into `abilities` on each resource; the
 * web reads the same list, so a button exists only for an action the server knows.
 */
export const ACTIONS = [
  'tenant.read',
  'tenant.update',
  'member.read',
  'member.invite',
  'member.update',
  'member.remove',
  'apiToken.read',
  'apiToken.create',
  'apiToken.revoke',
  'audit.read',
  'audit.checkpoint',
  'invitation.revoke',
  'file.upload',
  'file.read',
  'catalog.read',
  'catalog.import',
  'impactAssessment.read',
  'impactAssessment.create',
  'impactAssessment.update',
  'impactAssessment.submit',
  'impactAssessment.return',
  'impactAssessment.approve',
  'impactAssessment.revise',
  'impactAssessment.configure',
  'aiSystem.read',
  'aiSystem.create',
  'aiSystem.update',
  'aiSystem.classify',
  'risk.read',
  'risk.create',
  'risk.update',
  'risk.accept',
  'risk.reopen',
  'risk.close',
  'riskMatrix.read',
  'riskMatrix.update',
  'control.read',
  'control.create',
  'control.update',
  'control.link',
  'control.applyLibrary',
  'adoptedFramework.read',
  'adoptedFramework.manage',
  'soa.read',
  'soa.create',
  'soa.update',
  'soa.submit',
  'soa.reject',
  'soa.approve',
  'document.read',
  'document.create',
  'document.update',
  'document.addVersion',
  'documentVersion.submit',
  'documentVersion.approve',
  'documentVersion.publish',
  'evidence.read',
  'evidence.create',
  'evidence.update',
  'evidence.submit',
  'evidence.review',
  'evidence.revise',
  'evidence.configure',
] as const;
export const ZAction = z.enum(ACTIONS);
export type TAction = z.infer<typeof ZAction>;

/** Tenant-wide abilities of a role (on /api/me and a tenant's detail), keyed by every action. */
export const ZAbilities = z.record(ZAction, z.boolean());
export type TAbilities = z.infer<typeof ZAbilities>;

/** A record's own abilities: the actions whose rules are written over that record type. */
export const zAbilitiesOf = <const A extends readonly TAction[]>(...actions: A) =>
  z.object(Object.fromEntries(actions.map((a) => [a, z.boolean()])) as { [K in A[number]]: z.ZodBoolean });

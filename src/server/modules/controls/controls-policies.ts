import type { TControlStatus } from '../../../shared/contracts/controls.ts';
import { rulesFor } from '../../platform/authz/policy.ts';
import { ORG_MEMBERS, ORG_WRITERS } from '../../platform/authz/role-sets.ts';
import { AppError } from '../../platform/errors/errors.ts';

/** A control as the rules see it. */
export type TControlSubject = { status: TControlStatus };

const control = rulesFor<TControlSubject>()('control');
const adopted = rulesFor<Record<string, never>>()('adoptedFramework');
const ORG_ADMINS = ['owner', 'admin'] as const;
const retired = () => new AppError(409, 'control_retired', 'This control is retired: re-plan it before changing it.');

/*
 * Controls are the organization's own records: every member reads them, a viewer changes nothing.
 * A retired control keeps its links as they were (its update is limited to re-planning, which the
 * lifecycle judges on the patch). Which frameworks the organization works towards, and the
 * starter library that creates 38 controls and adopts ISO/IEC 42001 at once, are decisions for
 * its owners and admins.
 */
export const CONTROL_POLICIES = [
  control.allow(ORG_MEMBERS, 'control.read'),
  control.allow(ORG_WRITERS, 'control.create'),
  control.allow(ORG_WRITERS, 'control.update'),
  control.allow(ORG_WRITERS, 'control.link'),
  control.deny('control.link', (_, c) => c.status === 'retired', retired),
  control.allow(ORG_ADMINS, 'control.applyLibrary'),
  adopted.allow(ORG_MEMBERS, 'adoptedFramework.read'),
  adopted.allow(ORG_ADMINS, 'adoptedFramework.manage'),
];

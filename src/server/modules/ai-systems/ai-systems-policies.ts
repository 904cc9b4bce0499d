import type { TAiLifecycleStage } from '../../../shared/contracts/ai-systems.ts';
import { rulesFor } from '../../platform/authz/policy.ts';
import { ORG_MEMBERS, ORG_WRITERS } from '../../platform/authz/role-sets.ts';
import { AppError } from '../../platform/errors/errors.ts';

/** An AI system as the rules see it. */
export type TAiSystemSubject = { lifecycleStage: TAiLifecycleStage };

const aiSystem = rulesFor<TAiSystemSubject>()('aiSystem');
const retired = () => new AppError(409, 'ai_system_retired', 'This AI system is retired: its record is kept as it was.');

/* The inventory belongs to the organization: every member reads it, a viewer changes nothing. */
export const AI_SYSTEM_POLICIES = [
  aiSystem.allow(ORG_MEMBERS, 'aiSystem.read'),
  aiSystem.allow(ORG_WRITERS, 'aiSystem.create'),
  aiSystem.allow(ORG_WRITERS, 'aiSystem.update'),
  aiSystem.deny('aiSystem.update', (_, s) => s.lifecycleStage === 'retired', retired),
  aiSystem.allow(ORG_WRITERS, 'aiSystem.classify'),
  aiSystem.deny('aiSystem.classify', (_, s) => s.lifecycleStage === 'retired', retired),
];

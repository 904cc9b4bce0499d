import { changes, type TSentenceBuilder } from './sentence-parts.ts';

/** Accounts, tenants, members, invitations, API tokens and files. */
export const platformSentence: TSentenceBuilder = (p) => {
  const { t, format, e, before, after, v, vars } = p;
  switch (e.action) {
    case 'user.admin_created':
    case 'user.created':
    case 'member.invited':
      Object.assign(vars, { email: v('email'), role: v('role') });
      return true;
    case 'user.updated':
    case 'tenant.updated':
      vars.changes = changes(t, before, after);
      return true;
    case 'session.revoked':
      vars.count = Number(after.count ?? 1);
      return true;
    case 'tenant.created':
      Object.assign(vars, { name: v('name'), kind: v('kind') });
      return true;
    case 'member.added':
    case 'invitation.accepted':
    case 'api_token.created':
      Object.assign(vars, { role: v('role'), name: v('name') });
      return true;
    case 'member.removed':
      vars.role = v('role', before);
      return true;
    case 'member.renamed':
      Object.assign(vars, { from: v('name', before), to: v('name') });
      return true;
    case 'member.role_changed':
    case 'api_token.role_lowered':
      Object.assign(vars, { from: v('role', before), to: v('role'), name: v('name', before) });
      return true;
    case 'invitation.revoked':
    case 'invitation.replaced':
      if (typeof before.email === 'string') vars.email = before.email;
      else p.key = 'invitation.revoked_unnamed';
      return true;
    case 'api_token.revoked':
      if (typeof before.name === 'string') vars.name = before.name;
      else p.key = 'api_token.revoked_unnamed';
      return true;
    case 'file.uploaded':
      Object.assign(vars, { filename: v('filename'), size: format.number(Number(after.size ?? 0)) });
      return true;
    default:
      return false;
  }
};

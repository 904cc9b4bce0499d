import type { TSentenceBuilder } from './sentence-parts.ts';

/** SOC 2 report readers: the firm's terms of use, invitations, revocations, acceptances and downloads. */
export const soc2ReadersSentence: TSentenceBuilder = (p) => {
  const { format, e, after, v, vars } = p;
  if (e.action === 'soc2_nda.published') {
    Object.assign(vars, { version: format.number(Number(after.version ?? 0)), sha: String(after.sha256 ?? '').slice(0, 12) });
    return true;
  }
  if (!e.action.startsWith('soc2_reader.')) return false;
  Object.assign(vars, {
    reference: v('reference'),
    name: v('name'),
    company: v('company'),
    email: v('email'),
    typedName: v('typedName'),
    version: format.number(Number(after.ndaVersion ?? 0)),
    language: v('locale'),
    expires: typeof after.expiresAt === 'string' && format.date ? format.date(after.expiresAt.slice(0, 10)) : v('expiresAt'),
  });
  return true;
};

/*
 * The router decodes a request path before matching it, so `/%61pi/…` reaches the `/api/…` routes.
 * Any check that reads the raw URL would then decide on a different path than the one served.
 * Rather than teach every check every spelling, a path that only *becomes* `/api/…` once decoded,
 * lower-cased or normalised is refused outright: no client of ours writes it that way.
 */

const API = /^\/api(\/|$)/;

function normalise(path: string): string {
  const out: string[] = [];
  for (const seg of path.toLowerCase().split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') out.pop();
    else out.push(seg);
  }
  return `/${out.join('/')}${path.endsWith('/') && out.length ? '/' : ''}`;
}

/** True when the raw path reads as `/api/…` only after decoding or normalising it. */
export function isDisguisedApiPath(rawUrl: string): boolean {
  const raw = rawUrl.split('?')[0]!;
  if (API.test(raw)) return false;
  let path = raw;
  // Three rounds of decoding catch double encoding (%2561) that a proxy in front might undo.
  for (let round = 0; round < 4; round++) {
    if (API.test(normalise(path))) return true;
    let decoded: string;
    try {
      decoded = decodeURIComponent(path);
    } catch {
      return false;
    }
    if (decoded === path) return false;
    path = decoded;
  }
  return false;
}

import { createHash } from 'node:crypto';
import type { TTreeRow } from './catalog-repo.ts';

/*
 * OSCAL 1.1 `catalog` export. Everything is derived from the stored content: ids from refs,
 * the document UUID from (framework, version), last-modified from when that version was loaded.
 * Two exports of the same version are therefore byte-identical.
 */

export const OSCAL_VERSION = '1.1.2';
/** Namespace of Attest's name-based (v5) UUIDs; never change it, or every exported UUID changes. */
const ATTEST_UUID_NAMESPACE = '5b0c7a8e-3f3d-4f7e-9c8a-2a6f1d0e4b21';

export function uuidV5(name: string, namespace = ATTEST_UUID_NAMESPACE): string {
  const hash = createHash('sha1').update(Buffer.from(namespace.replace(/-/g, ''), 'hex')).update(name, 'utf8').digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const h = hash.subarray(0, 16).toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/**
 * OSCAL ids are XML NCNames: a letter first, then letters, digits, ".", "-", "_". "A.6.2.4" gives
 * `a.6.2.4`, "GOVERN 1.1" `govern-1.1`, "Art. 6(1)" `art-6-1`; a ref starting with a digit takes
 * its kind as prefix (`clause-6.1.4`). The official ref stays in the `label` prop.
 */
export function oscalId(ref: string, kind: string, used: Set<string>): string {
  let id = ref
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}._-]+/gu, '-')
    .replace(/\.?-+\.?/g, '-')
    .replace(/^[-._]+|[-._]+$/g, '');
  if (!/^\p{L}/u.test(id)) id = `${kind}-${id}`.replace(/-$/, '');
  let unique = id;
  for (let n = 2; used.has(unique); n++) unique = `${id}-${n}`;
  used.add(unique);
  return unique;
}

type TLang = 'en' | 'fr';
type TNode = { row: TTreeRow; children: TNode[] };
type TOscalPart = { id: string; name: string; prose: string };
type TOscalControl = { id: string; class: string; title: string; props: { name: string; value: string }[]; parts?: TOscalPart[]; controls?: TOscalControl[] };
type TOscalGroup = Omit<TOscalControl, 'controls'> & { groups?: TOscalGroup[]; controls?: TOscalControl[] };

/** Kinds that organise rather than require: they become OSCAL groups while no control encloses them. */
const GROUP_KINDS = new Set(['group', 'objective', 'function', 'category']);

export function toOscalCatalog(rows: TTreeRow[], lang: TLang = 'en') {
  const f = rows[0]!;
  const nodes = new Map<string, TNode>(rows.map((row) => [row.ref, { row, children: [] }]));
  const roots: TNode[] = [];
  for (const n of nodes.values()) {
    const parent = n.row.parent_ref ? nodes.get(n.row.parent_ref) : undefined;
    (parent ? parent.children : roots).push(n);
  }
  const used = new Set<string>();
  const ids = new Map(rows.map((r) => [r.ref, oscalId(r.ref, r.kind, used)]));
  const width = String(rows.length).length;
  const sortIds = new Map(rows.map((r, i) => [r.ref, String(i + 1).padStart(width, '0')]));

  const common = (n: TNode, partName: 'statement' | 'overview') => {
    const id = ids.get(n.row.ref)!;
    const prose = n.row.r_description[lang];
    return {
      id,
      class: n.row.kind,
      title: n.row.r_title[lang],
      props: [
        { name: 'label', value: n.row.label?.[lang] ?? n.row.ref },
        { name: 'sort-id', value: sortIds.get(n.row.ref)! },
      ],
      ...(prose ? { parts: [{ id: `${id}_${partName === 'statement' ? 'smt' : 'ovw'}`, name: partName, prose }] } : {}),
    };
  };
  const toControl = (n: TNode): TOscalControl => ({
    ...common(n, 'statement'),
    ...(n.children.length ? { controls: n.children.map(toControl) } : {}),
  });
  const isGroup = (n: TNode, topLevel: boolean) => n.children.length > 0 && (topLevel || GROUP_KINDS.has(n.row.kind));
  const toGroup = (n: TNode): TOscalGroup => {
    const groups = n.children.filter((c) => isGroup(c, false)).map(toGroup);
    const controls = n.children.filter((c) => !isGroup(c, false)).map(toControl);
    return { ...common(n, 'overview'), ...(groups.length ? { groups } : {}), ...(controls.length ? { controls } : {}) };
  };

  const groups = roots.filter((n) => isGroup(n, true)).map(toGroup);
  const controls = roots.filter((n) => !isGroup(n, true)).map(toControl);
  return {
    catalog: {
      uuid: uuidV5(`catalog:${f.id}:${f.version}:${lang}`),
      metadata: {
        title: f.title[lang],
        'last-modified': new Date(f.loaded_at).toISOString(),
        version: f.version,
        'oscal-version': OSCAL_VERSION,
        remarks: f.description[lang],
      },
      ...(groups.length ? { groups } : {}),
      ...(controls.length ? { controls } : {}),
    },
  };
}

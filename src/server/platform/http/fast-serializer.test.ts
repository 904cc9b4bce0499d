import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fastSerializer, fastSerializerOf } from './fast-serializer.ts';

const ZRef = z.object({ id: z.uuid(), name: z.string() });
const ZItem = z.object({
  id: z.uuid(),
  label: z.string(),
  stage: z.enum(['a', 'b']),
  tags: z.array(z.string()),
  owner: ZRef.nullable(),
  note: z.string().nullable(),
  score: z.number().int().nullable(),
  links: z.array(ZRef),
  flags: z.object({ read: z.boolean(), write: z.boolean() }),
});
const ZPage = z.object({ items: z.array(ZItem), nextCursor: z.string().nullable() });

describe('fastSerializer', () => {
  const write = fastSerializer({ schema: ZPage });
  const id = '0b6f5a2e-3c1d-4e8f-9a7b-2c3d4e5f6a7b';

  it('writes what the Zod contract writes: nulls, nested objects, escapes, and only the contract’s keys', () => {
    const page = {
      items: [
        { id, label: 'Crédit « scoring » "quoted" \\ \n', stage: 'a', tags: ['x'], owner: { id, name: 'Zoé', secret: 1 }, note: null, score: 0, links: [{ id, name: 'L' }], flags: { read: true, write: false }, extra: 'dropped' },
        { id, label: '', stage: 'b', tags: [], owner: null, note: 'n', score: null, links: [], flags: { read: false, write: false } },
      ],
      nextCursor: null,
    };
    const out = write(page);
    expect(JSON.parse(out)).toEqual(ZPage.parse(page));
    expect(out).not.toContain('secret');
    expect(out).not.toContain('dropped');
  });

  it('refuses a body that lacks a required property instead of writing a partial one', () => {
    expect(() => write({ items: [{ id }], nextCursor: null })).toThrow();
  });

  it('writes a frozen (cached) page once and hands every later hit the same UTF-8 bytes', () => {
    const writeOf = fastSerializerOf(ZPage);
    const page = Object.freeze({ items: Object.freeze([Object.freeze({ id, label: 'Évaluation « FRIA »', stage: 'a', tags: Object.freeze([]), owner: null, note: null, score: 1, links: Object.freeze([]), flags: Object.freeze({ read: true, write: true }) })]), nextCursor: null });
    const first = writeOf(page);
    expect(Buffer.isBuffer(first)).toBe(true);
    expect(writeOf(page)).toBe(first);
    expect(JSON.parse((first as Buffer).toString('utf8')).items[0].label).toBe('Évaluation « FRIA »');
    expect(typeof writeOf({ ...page })).toBe('string');
  });
});

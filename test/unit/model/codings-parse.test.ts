import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { Coding, parseCodings } from '../../../shared/model';

const schema = z.object({ codings: z.array(Coding) });
const valid: Coding = {
  id: '0f0e0d0c-0b0a-4908-8706-050403020100',
  projectId: '1f0e0d0c-0b0a-4908-8706-050403020100',
  documentId: '2f0e0d0c-0b0a-4908-8706-050403020100',
  codeId: '3f0e0d0c-0b0a-4908-8706-050403020100',
  start: 3,
  end: 9,
  coderId: '4f0e0d0c-0b0a-4908-8706-050403020100',
  createdAt: '2026-12-04T23:10:14.000Z',
};

/** A field value that may or may not be what the schema wants. */
const anyValue = fc.oneof(
  fc.constantFrom(valid.id, valid.codeId.toUpperCase(), '2026-01-01', '2026-01-01 10:00+01:00', 'not-a-guid', '', 0, 1, 9, -1, 1.5, 2 ** 53, Number.NaN, null, undefined),
  fc.string({ maxLength: 40 }),
  fc.integer(),
);
const arbRow = fc
  .record({ key: fc.constantFrom(...(Object.keys(valid) as (keyof Coding)[]), 'extra'), value: anyValue, drop: fc.boolean() })
  .map(({ key, value, drop }) => {
    const row: Record<string, unknown> = { ...valid };
    if (drop && key !== 'extra') delete row[key];
    else row[key] = value;
    return row;
  });

describe('parseCodings (many codings checked at once)', () => {
  it('returns valid codings as they are', () => {
    const rows = [valid, { ...valid, id: '5f0e0d0c-0b0a-4908-8706-050403020100', start: 0, end: 1, createdAt: '2026-02-03' }];
    expect(parseCodings(rows)).toBe(rows);
  });

  it('property: accepts exactly what the schema accepts, gives what it gives, and fails with its message', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(arbRow, fc.constant(valid as Record<string, unknown>)), { maxLength: 6 }), (rows) => {
        const expected = schema.safeParse({ codings: rows });
        if (expected.success) expect(parseCodings(rows)).toEqual(expected.data.codings);
        else expect(() => parseCodings(rows)).toThrow(expected.error.message);
      }),
    );
  });

  it('names the coding and the field that is wrong', () => {
    const issues = (rows: unknown[]) => {
      try {
        parseCodings(rows);
      } catch (e) {
        return (e as z.ZodError).issues.map((i) => ({ path: i.path, message: i.message }));
      }
      return [];
    };
    expect(issues([valid, { ...valid, end: 2 }])).toEqual([{ path: ['codings', 1], message: 'a coding must cover at least one character' }]);
    expect(issues([{ ...valid, documentId: 'doc 7' }])).toEqual([{ path: ['codings', 0, 'documentId'], message: 'not a GUID' }]);
  });
});

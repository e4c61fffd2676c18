import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { PIECE_VALUES, PartsAssembler, partsToPieces, piecesToParts, stringList, type DatasetParts } from '../../../shared/import/dataset-pieces';

const value = fc.oneof(fc.string(), fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => (Object.is(n, -0) ? 0 : n)), fc.boolean(), fc.constant(null));
/** A column of any values, or of a few repeated ones (categories: written as distinct values and indexes). */
const column = (n: number) => fc.oneof(fc.array(value, { minLength: n, maxLength: n }), fc.array(fc.constantFrom('North', 'South', 3, null, true, ''), { minLength: n, maxLength: n }));
const variableId = fc.string({ minLength: 1, maxLength: 12 });

/** Dataset parts as an import makes them: per-row record ids (and response values), per-participant pseudonyms (and attribute values). */
const parts: fc.Arbitrary<DatasetParts> = fc.tuple(fc.nat(60), fc.nat(40), fc.boolean()).chain(([rows, people, ownRows]) =>
  fc
    .record(
      {
        recordIds: fc.array(fc.string(), { minLength: rows, maxLength: rows }),
        pseudonyms: fc.array(fc.string(), { minLength: people, maxLength: people }),
        attributes: fc.dictionary(variableId, column(ownRows ? rows : people), { maxKeys: 3 }),
        responseAttributes: fc.dictionary(variableId, column(rows), { minKeys: 1, maxKeys: 2 }),
      },
      { requiredKeys: ['recordIds', 'pseudonyms', 'attributes'] },
    )
    // every row its own participant, named by its record id (as a survey without a participant column is)
    .map((p) => (ownRows ? { ...p, pseudonyms: [...p.recordIds] } : p)),
);

/** How many values a piece's text holds (a list, or the shorter forms partsToPieces writes). */
function valuesIn(text: string, recordIds: number): number {
  const parsed = JSON.parse(text) as unknown[] | { sameAs?: string; at?: unknown[] };
  if (Array.isArray(parsed)) return parsed.length;
  return parsed.sameAs === 'recordIds' ? recordIds : parsed.at!.length;
}

describe('a dataset’s personal columns in JSON pieces', () => {
  it('round-trips exactly, whatever the piece size, and no piece holds more than its size', () => {
    fc.assert(
      fc.property(parts, fc.integer({ min: 1, max: 25 }), (p, size) => {
        const pieces = partsToPieces(p, size);
        for (const piece of pieces) if (!piece.text.startsWith('{"sameAs"')) expect(valuesIn(piece.text, p.recordIds.length)).toBeLessThanOrEqual(size);
        expect(piecesToParts(pieces)).toEqual(p);
      }),
      {
        numRuns: 300,
        // (found by this property: a variable id of "__proto__" was set as the prototype, and lost)
        examples: [
          [{ recordIds: ['', ''], pseudonyms: ['', ''], attributes: JSON.parse('{"__proto__":[0,false]}') }, 1],
          [{ recordIds: ['a'], pseudonyms: ['P1'], attributes: {}, responseAttributes: JSON.parse('{"__proto__":["x"],"constructor":[1]}') }, 2],
        ],
      },
    );
  });

  it('keeps an empty column (one piece of [] for it) and a variable id with a colon in it', () => {
    const p: DatasetParts = { recordIds: [], pseudonyms: [], attributes: { 'a:b': [] }, responseAttributes: { 'c:d:e': [] } };
    const pieces = partsToPieces(p);
    expect(pieces.map((x) => [x.column, x.from, x.text])).toEqual([
      ['recordIds', 0, '[]'],
      ['pseudonyms', 0, '[]'],
      ['attributes:a:b', 0, '[]'],
      ['responseAttributes:c:d:e', 0, '[]'],
    ]);
    expect(piecesToParts(pieces)).toEqual(p);
  });

  it('cuts a 50,000-value column into pieces of PIECE_VALUES, each starting where the last ended', () => {
    const ids = Array.from({ length: 50_000 }, (_, i) => `R${i}`);
    const pieces = partsToPieces({ recordIds: ids, pseudonyms: ['P'], attributes: {} }).filter((x) => x.column === 'recordIds');
    expect(pieces.map((x) => x.from)).toEqual([0, PIECE_VALUES, 2 * PIECE_VALUES]);
    expect(piecesToParts([...pieces, { column: 'pseudonyms', from: 0, text: '["P"]' }]).recordIds).toEqual(ids);
  });

  it('reports damage with the table and the column, and never guesses', () => {
    const pieces = partsToPieces({ recordIds: ['a', 'b', 'c'], pseudonyms: ['p'], attributes: { area: ['North'] } }, 2);
    const where = 'Survey table T1';
    // a piece lost from the middle of a column
    expect(() => piecesToParts(pieces.filter((x) => !(x.column === 'recordIds' && x.from === 0)), where)).toThrow('Survey table T1: the stored column "recordIds" is damaged (a piece starts at 2, expected 0)');
    // a piece that is not JSON, or not a list
    expect(() => piecesToParts(pieces.map((x) => (x.column === 'pseudonyms' ? { ...x, text: '["p"' } : x)), where)).toThrow('the stored column "pseudonyms" is damaged (the piece from 0 is not readable)');
    expect(() => piecesToParts(pieces.map((x) => (x.column === 'attributes:area' ? { ...x, text: '{"0":"North"}' } : x)), where)).toThrow('the stored column "attributes:area" is damaged (the piece from 0 is not a list)');
    // an unknown column, and a column missing altogether
    expect(() => new PartsAssembler(where).add({ column: 'names', from: 0, text: '[]' })).toThrow('Survey table T1: a stored piece names an unknown column "names"');
    expect(() => piecesToParts(pieces.filter((x) => x.column !== 'pseudonyms'), where)).toThrow('Survey table T1: the stored pseudonyms are missing');
    expect(() => partsToPieces({ recordIds: [], pseudonyms: [], attributes: {} }, 0)).toThrow(/positive whole number/);
  });

  it('reads a list of strings without JSON.parse exactly as JSON.parse would, or leaves it to JSON.parse', () => {
    // JSON.stringify's own lists: read the same, and read directly whenever nothing in them is escaped
    fc.assert(
      fc.property(fc.array(fc.string({ unit: fc.constantFrom('a', 'é', '😀', '"', '\\', '\n', ',', '[', ']', ' ', '\ud800') })), (list) => {
        const text = JSON.stringify(list);
        const read = stringList(text);
        if (read !== undefined) expect(read).toEqual(list);
        if (!/[\\"\n\ud800]/.test(list.join(''))) expect(read).toEqual(list);
      }),
      { numRuns: 400 },
    );
    // any text at all: what it reads is what JSON.parse reads (and it refuses what JSON.parse would)
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('[', ']', '"', ',', 'a', '1', '\\', '\u0001', ' ', 'n') }), (text) => {
        const read = stringList(text);
        if (read !== undefined) expect(read).toEqual(JSON.parse(text));
      }),
      { numRuns: 2000, examples: [['[]'], ['[""]'], ['["a","b"]'], ['["a",]'], ['["a""b"]'], ['["a",1]'], ['["\u0001"]'], ['[null]']] },
    );
    // record ids and pseudonyms are read this way, attributes by JSON.parse: both give the same parts
    const p: DatasetParts = { recordIds: ['S0000001', 'a "quoted" id', ''], pseudonyms: ['P1', 'P2'], attributes: { area: ['North', null] } };
    expect(piecesToParts(partsToPieces(p))).toEqual(p);
  });

  it('writes pseudonyms that are the record ids once, and repeated attribute values once each, and reads them back', () => {
    const n = 50_000;
    const recordIds = Array.from({ length: n }, (_, i) => `S${String(i + 1).padStart(7, '0')}`);
    const p: DatasetParts = { recordIds, pseudonyms: [...recordIds], attributes: { area: recordIds.map((_, i) => ['North', 'South', 'East', null][i % 4]!), age: recordIds.map((_, i) => i) } };
    const pieces = partsToPieces(p);
    const of = (column: string) => pieces.filter((x) => x.column === column);
    expect(of('pseudonyms')).toEqual([{ column: 'pseudonyms', from: 0, text: '{"sameAs":"recordIds"}' }]);
    // a category: its values once a piece, and an index each
    for (const piece of of('attributes:area')) expect(JSON.parse(piece.text).values).toEqual(['North', 'South', 'East', null]);
    // distinct values (ages here) stay a list
    for (const piece of of('attributes:age')) expect(Array.isArray(JSON.parse(piece.text))).toBe(true);
    const text = (list: typeof pieces) => list.reduce((n, x) => n + x.text.length, 0);
    expect(text(of('attributes:area'))).toBeLessThan(JSON.stringify(p.attributes.area).length / 3);
    expect(piecesToParts(pieces)).toEqual(p);
    // pieces written before (every column a list) read as they always did
    const asList = (text: string): unknown[] => {
      const parsed = JSON.parse(text) as unknown[] | { values: unknown[]; at: number[] };
      return Array.isArray(parsed) ? parsed : parsed.at.map((k) => parsed.values[k]);
    };
    const before = pieces.map((x) => ({ ...x, text: JSON.stringify(x.column === 'pseudonyms' ? recordIds : asList(x.text)) }));
    expect(piecesToParts(before)).toEqual(p);
  });

  it('reports a damaged short form as damage', () => {
    const where = 'Survey table T2';
    const a = () => new PartsAssembler(where);
    expect(() => a().add({ column: 'pseudonyms', from: 0, text: '{"sameAs":"recordIds"}' })).toThrow('Survey table T2: the stored column "pseudonyms" is damaged (the piece from 0 names the record ids, which are not there)');
    const withIds = a();
    withIds.add({ column: 'recordIds', from: 0, text: '["a"]' });
    expect(() => withIds.add({ column: 'attributes:area', from: 0, text: '{"values":["North"],"at":[0,1]}' })).toThrow('the stored column "attributes:area" is damaged (the piece from 0 points at value 1, which it does not have)');
    expect(() => withIds.add({ column: 'attributes:area', from: 0, text: '{"values":["North"],"at":[0.5]}' })).toThrow('points at value 0.5');
    expect(() => withIds.add({ column: 'recordIds', from: 1, text: '{"values":["a"],"at":[0]}' })).toThrow('the stored column "recordIds" is damaged (the piece from 1 is not a list)');
  });
});

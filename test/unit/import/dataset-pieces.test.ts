import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { PIECE_VALUES, PartsAssembler, partsToPieces, piecesToParts, stringList, type DatasetParts } from '../../../shared/import/dataset-pieces';

const value = fc.oneof(fc.string(), fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => (Object.is(n, -0) ? 0 : n)), fc.boolean(), fc.constant(null));
const column = (n: number) => fc.array(value, { minLength: n, maxLength: n });
const variableId = fc.string({ minLength: 1, maxLength: 12 });

/** Dataset parts as an import makes them: per-row record ids (and response values), per-participant pseudonyms (and attribute values). */
const parts: fc.Arbitrary<DatasetParts> = fc.tuple(fc.nat(60), fc.nat(40)).chain(([rows, people]) =>
  fc.record(
    {
      recordIds: fc.array(fc.string(), { minLength: rows, maxLength: rows }),
      pseudonyms: fc.array(fc.string(), { minLength: people, maxLength: people }),
      attributes: fc.dictionary(variableId, column(people), { maxKeys: 3 }),
      responseAttributes: fc.dictionary(variableId, column(rows), { minKeys: 1, maxKeys: 2 }),
    },
    { requiredKeys: ['recordIds', 'pseudonyms', 'attributes'] },
  ),
);

describe('a dataset’s personal columns in JSON pieces', () => {
  it('round-trips exactly, whatever the piece size, and no piece holds more than its size', () => {
    fc.assert(
      fc.property(parts, fc.integer({ min: 1, max: 25 }), (p, size) => {
        const pieces = partsToPieces(p, size);
        for (const piece of pieces) expect((JSON.parse(piece.text) as unknown[]).length).toBeLessThanOrEqual(size);
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
});

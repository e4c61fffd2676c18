import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateXML } from 'xmllint-wasm';
import { ExchangeError } from '../../../shared/exchange/errors';
import { readQdc, writeQdc } from '../../../shared/exchange/qdc';
import { realisticBundle } from './bundle-fixture';

const SHARED = path.resolve(__dirname, '../../../../shared');
const XSD = path.join(SHARED, 'refi-qda/Codebook.xsd');
const DATA = path.join(SHARED, 'data/refi-qda');

describe('qdc codebook', () => {
  it('writeQdc → readQdc keeps ids, names, definitions, colours and the tree', () => {
    const b = realisticBundle();
    const back = readQdc(writeQdc(b.codes), b.project.id, '2024-05-01T09:30:00Z');
    const key = (c: (typeof back)[number]) => [c.id, c.parentId, c.name, c.definition, c.colour].join('|');
    expect(back.map(key).sort()).toEqual(b.codes.map(key).sort());
  });

  it('refuses an empty codebook and a non-codebook root', () => {
    expect(() => writeQdc([])).toThrow(ExchangeError);
    expect(() => readQdc('<Project name="x"/>', realisticBundle().project.id)).toThrow(/root element Project/);
  });

  it.skipIf(!existsSync(XSD))('written codebooks validate against Codebook.xsd', async () => {
    const result = await validateXML({ xml: [{ fileName: 'c.qdc', contents: writeQdc(realisticBundle().codes) }], schema: [{ fileName: 'Codebook.xsd', contents: readFileSync(XSD, 'utf8') }] });
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it.skipIf(!existsSync(DATA))('reads the ATLAS.ti 23.4 variant', () => {
    const codes = readQdc(readFileSync(path.join(DATA, 'atlasti23.4win_requal_codebook_valid.qdc'), 'utf8'), realisticBundle().project.id);
    expect(codes).toEqual([expect.objectContaining({ id: '1FF58B12-6F6F-4B0C-8BE5-BBDC91F55294', name: 'code1', colour: '#46AA00', definition: 'description', parentId: null })]);
  });

  it.skipIf(!existsSync(DATA))('fails cleanly, in one line, on the truncated ATLAS.ti codebook', () => {
    const xml = readFileSync(path.join(DATA, 'atlasti23.4win_requal_codebook_TRUNCATED_invalid.qdc'), 'utf8');
    let err: unknown;
    try {
      readQdc(xml, realisticBundle().project.id);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ExchangeError);
    expect((err as Error).message).toMatch(/^codebook: XML malformed at line \d+/);
    expect((err as Error).message).not.toContain('\n');
  });
});

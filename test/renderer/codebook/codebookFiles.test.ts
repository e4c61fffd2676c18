import { describe, expect, it, vi } from 'vitest';
import { codebookFile, codesFromFile, type ParseWorkbook } from '../../../renderer/features/codebook/codebookFiles';
import { ImportError } from '../../../shared/import/types';

const PID = '00000000-0000-4000-8000-ffffffffffff';

describe('codebook files: spreadsheets are parsed in the disposable worker', () => {
  it('.xlsx, .xls and .ods go to the workbook parser (the worker) and come back as codes; CSV and .qdc never do', async () => {
    for (const name of ['Codes.xlsx', 'codes.XLS', 'codes.ods']) {
      const bytes = new Uint8Array([1, 2, 3]);
      const parse = vi.fn<ParseWorkbook>(async () => ({ columns: ['path', 'definition'], descriptions: ['', ''], rows: [['Trust', 'Confidence'], ['Trust > Gained', '']], warnings: [] }));
      const codes = await codesFromFile(name, bytes, PID, parse);
      expect(parse).toHaveBeenCalledWith(bytes, { fileName: name, headerRows: 1 });
      expect(codes.map((c) => c.name)).toEqual(['Trust', 'Gained']);
      expect(codes[1]!.parentId).toBe(codes[0]!.id);
    }
    const parse = vi.fn<ParseWorkbook>();
    const csv = codebookFile(await codesFromFile('a.xlsx', new Uint8Array(), PID, async () => ({ columns: ['name'], descriptions: [''], rows: [['A']], warnings: [] })), 'P', 'csv');
    expect((await codesFromFile(csv.name, csv.bytes, PID, parse)).map((c) => c.name)).toEqual(['A']);
    const qdc = codebookFile(await codesFromFile(csv.name, csv.bytes, PID, parse), 'P', 'qdc');
    expect((await codesFromFile(qdc.name, qdc.bytes, PID, parse)).map((c) => c.name)).toEqual(['A']);
    expect(parse).not.toHaveBeenCalled();
  });

  it("the worker's refusal is reported in one line naming the file; nothing is imported", async () => {
    const parse: ParseWorkbook = async () => {
      throw new ImportError('cannot be read as a spreadsheet (corrupt zip)');
    };
    await expect(codesFromFile('codes.xlsx', new Uint8Array([1]), PID, parse)).rejects.toThrow('“codes.xlsx” could not be read: cannot be read as a spreadsheet (corrupt zip). Nothing was imported.');
    await expect(codesFromFile('codes.pdf', new Uint8Array([1]), PID, parse)).rejects.toThrow(/not a codebook file: choose a \.qdc, \.csv, \.xlsx, \.xls or \.ods file/);
  });
});

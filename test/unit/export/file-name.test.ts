import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { safeFileName, tableFileName } from '../../../shared/export/file-name';

const ILLEGAL = /[<>:"/\\|?*\u0000-\u001f\u007f]/;

describe('export file names', () => {
  it('keep the title as written: en dashes, curly quotes, accents and case', () => {
    expect(tableFileName('Subcategory matrix – age band', false)).toBe('Subcategory matrix – age band');
    expect(tableFileName('Keyword in context: “officer”', true)).toBe('Keyword in context “officer” (for publication)');
    expect(safeFileName('Café 25–34 / 35–44')).toBe('Café 25–34 35–44');
  });

  it('take out only what a file name may not hold, and refuse reserved or empty names', () => {
    expect(safeFileName('a<b>c:d"e/f\\g|h?i*j\u0001k')).toBe('a b c d e f g h i j k');
    expect(safeFileName('...hidden')).toBe('hidden');
    expect(safeFileName('ends with dots...')).toBe('ends with dots');
    expect(safeFileName('CON')).toBe('export');
    expect(safeFileName('??', 'table')).toBe('table');
  });

  it('never hold an illegal character, never start or end with a dot or space, and never split a surrogate pair', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (title) => {
        const name = safeFileName(title);
        expect(name.length).toBeGreaterThan(0);
        expect(ILLEGAL.test(name)).toBe(false);
        expect(/^[. ]|[. ]$/.test(name)).toBe(false);
        expect([...name].length).toBeLessThanOrEqual(120);
        expect(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(name)).toBe(
          /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(title.normalize('NFC')),
        );
      }),
    );
  });
});

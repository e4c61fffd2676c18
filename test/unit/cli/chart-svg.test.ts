/** The CLI draws charts with the app's renderer on jsdom: the same bytes as the golden SVGs (and the app's Save as SVG). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chartSvg } from '../../../electron/cli/chart-svg';
import { GOLDEN_SPECS } from '../charts/specs';

describe('chartSvg (CLI)', () => {
  it.each(Object.keys(GOLDEN_SPECS))('%s equals its golden SVG', (name) => {
    expect(chartSvg(GOLDEN_SPECS[name]!())).toBe(readFileSync(join(__dirname, '../charts/golden', `${name}.svg`), 'utf8'));
  });
});

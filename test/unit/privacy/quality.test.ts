/**
 * Detector quality on the labelled corpora (test/fixtures/pii). Thresholds from the issue:
 * recall >= 0.95 on structured identifiers, >= 0.85 on names and addresses, precision >= 0.90.
 * The development corpus, the separately written holdout and both blind sets must meet them.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PII_TYPES } from '../../../shared/model';
import { blind2Json, blind3Json, blindJson, buildItems, corpusJson, holdoutJson, type LabelledItem } from '../../fixtures/pii/build-corpus';
import { REAL_FEEDBACK_DEV } from '../../fixtures/pii/real-feedback-dev';
import { REAL_FEEDBACK_HOLDOUT } from '../../fixtures/pii/real-feedback-holdout';
import { NAMES_ADDRESSES, STRUCTURED, precision, recall, scoreItems, sum, table } from './score';

const dir = path.resolve(import.meta.dirname, '../../fixtures/pii');
const load = (name: string): LabelledItem[] => JSON.parse(readFileSync(path.join(dir, name), 'utf8')) as LabelledItem[];

describe.each([
  ['corpus.json', 'development corpus'],
  ['holdout.json', 'holdout (written separately)'],
  ['blind.json', 'blind set (written after the detector was frozen)'],
  ['blind2.json', 'second blind set (other voices and formats, written before reading the rules)'],
  ['blind3.json', 'third blind set (session 2: referral emails, letters, text-speak, control-room notes, Welsh/Scottish/NI formats; written without seeing the detector)'],
])('PII quality on %s', (file, title) => {
  const items = load(file);
  const score = scoreItems(items);
  console.log(`${table(`${title}: ${items.length} items`, score)}\nmisses: ${score.misses.join(' | ') || 'none'}\nfalse alarms: ${score.falseAlarms.join(' | ') || 'none'}`);

  it('has planted identifiers of every type and trap-only items', () => {
    for (const t of PII_TYPES) expect(score.byType[t].gold, t).toBeGreaterThan(0);
    expect(items.every((i) => i.spans.every((s) => s.end > s.start && s.end <= i.text.length))).toBe(true);
    expect(items.filter((i) => i.spans.length === 0).length).toBeGreaterThan(items.length / 5);
  });
  it('recalls >= 95% of structured identifiers', () => {
    expect(recall(sum(score, STRUCTURED))).toBeGreaterThanOrEqual(0.95);
  });
  it('recalls >= 85% of names and addresses', () => {
    expect(recall(sum(score, NAMES_ADDRESSES))).toBeGreaterThanOrEqual(0.85);
  });
  it('has precision >= 90% overall', () => {
    expect(precision(sum(score, PII_TYPES))).toBeGreaterThanOrEqual(0.9);
  });
});

/**
 * Real text (issue #9): GP patient feedback with its names put back, labelled by a helper who never
 * saw the detector (test/fixtures/pii/real-feedback-*.ts, see their header comments). The detector
 * may be tuned on the dev set; the holdout is only ever scored, and only its aggregate figures are
 * printed (never its misses or false alarms), so it stays unseen.
 */
describe.each([
  ['real-feedback dev (tuned on)', REAL_FEEDBACK_DEV, true],
  ['real-feedback holdout (never read; aggregate figures only)', REAL_FEEDBACK_HOLDOUT, false],
] as const)('PII quality on real text: %s', (title, marked, showItems) => {
  const items = buildItems([...marked]);
  const score = scoreItems(items);
  console.log(`${table(`${title}: ${items.length} items`, score)}${showItems ? `\nmisses: ${score.misses.join(' | ') || 'none'}\nfalse alarms: ${score.falseAlarms.join(' | ') || 'none'}` : ''}`);

  it('has names, and items with none', () => {
    expect(score.byType.person.gold).toBeGreaterThan(200);
    expect(items.filter((i) => i.spans.length === 0).length).toBeGreaterThan(items.length / 3);
  });
  it('finds names with precision and recall >= 0.85 (target 0.9)', () => {
    expect(precision(score.byType.person)).toBeGreaterThanOrEqual(0.85);
    expect(recall(score.byType.person)).toBeGreaterThanOrEqual(0.85);
  });
});

describe('corpus files', () => {
  it('are up to date with the marked items (rebuild with build-corpus.ts)', () => {
    expect(readFileSync(path.join(dir, 'corpus.json'), 'utf8')).toBe(corpusJson());
    expect(readFileSync(path.join(dir, 'holdout.json'), 'utf8')).toBe(holdoutJson());
    expect(readFileSync(path.join(dir, 'blind.json'), 'utf8')).toBe(blindJson());
    expect(readFileSync(path.join(dir, 'blind2.json'), 'utf8')).toBe(blind2Json());
    expect(readFileSync(path.join(dir, 'blind3.json'), 'utf8')).toBe(blind3Json());
  });
  it('has at least 200 development items', () => {
    expect(load('corpus.json').length).toBeGreaterThanOrEqual(200);
  });
});

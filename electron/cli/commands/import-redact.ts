/**
 * `import --redact`: every finding of detectPii is redacted in every imported document
 * (redactWithOffsetMap from shared/privacy), and speaker-turn offsets are mapped through
 * the same redaction so they still cover their turns.
 */
import type { PiiType } from '../../../shared/model';
import type { ImportBatch } from '../../../shared/import/mapping';
import { detectPii } from '../../../shared/privacy/detect';
import { redactWithOffsetMap, redactionCounts } from '../../../shared/privacy/redact';

/** Redact every document of the batches in place; returns counts per PII type (non-zero only). */
export function redactBatches(batches: ImportBatch[]): Partial<Record<PiiType, number>> {
  const counts: Partial<Record<PiiType, number>> = {};
  for (const b of batches) {
    for (const d of b.documents) {
      let prevEnd = 0;
      const findings = detectPii(d.text)
        .sort((a, b) => a.start - b.start || b.end - a.end)
        .filter((f) => f.start >= prevEnd && ((prevEnd = f.end), true));
      if (findings.length === 0) continue;
      const r = redactWithOffsetMap(d.text, findings);
      d.turns = d.turns.map((t) => ({ ...t, start: r.mapOffset(t.start), end: r.mapOffset(t.end) }));
      d.text = r.text;
      d.length = r.text.length;
      for (const [type, n] of Object.entries(redactionCounts(findings)) as [PiiType, number][]) if (n > 0) counts[type] = (counts[type] ?? 0) + n;
    }
  }
  return counts;
}

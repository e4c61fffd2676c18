import type { CodeQuality } from '../../../shared/coding/suggest';

const pct = (x: number | null) => (x === null ? '–' : `${Math.round(x * 100)}%`);

/** A plain-words verdict on a code's cross-validated quality. */
export function trustLabel(q: CodeQuality, minSupport: number): string {
  if (q.support < minSupport) return 'Too few examples to learn';
  if (q.precision === null || q.recall === null || q.f1 === null) return 'Not enough to judge';
  if (q.support < 10) return 'Few examples: treat with caution';
  if (q.precision >= 0.8 && q.recall >= 0.6) return 'Usually right';
  if (q.precision >= 0.6) return 'Often right: check each';
  return 'Often wrong: check carefully';
}

/** Cross-validated precision and recall per code, best first. */
export function QualityTable({ quality, names, minSupport }: { quality: readonly CodeQuality[]; names: ReadonlyMap<string, string>; minSupport: number }) {
  const rows = [...quality].sort((a, b) => (b.f1 ?? -1) - (a.f1 ?? -1) || b.support - a.support);
  return (
    <table className="quality-table">
      <caption>How well the suggestions matched your own coding (cross-validated)</caption>
      <thead>
        <tr>
          <th scope="col">Code</th>
          <th scope="col">Coded responses</th>
          <th scope="col">Precision</th>
          <th scope="col">Recall</th>
          <th scope="col">In short</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((q) => (
          <tr key={q.codeId}>
            <th scope="row">{names.get(q.codeId) ?? 'Deleted code'}</th>
            <td>{q.support}</td>
            <td>{pct(q.precision)}</td>
            <td>{pct(q.recall)}</td>
            <td>{trustLabel(q, minSupport)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

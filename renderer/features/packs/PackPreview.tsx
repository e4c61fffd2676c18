/** A pack's document model as React elements: every string is React text (never HTML); charts drawn by the app's chart renderer. */
import type { PackBlock, PackDocument } from '../../../shared/packs/model';
import { Chart } from '../../charts';

function Block({ b, i }: { b: PackBlock; i: number }) {
  switch (b.kind) {
    case 'heading': {
      // the workspace owns the page's h1 and h2: the pack's levels sit one below
      const H = (['h2', 'h3', 'h4'] as const)[b.level - 1]!;
      return <H className={`pack-h${b.level}`}>{b.text}</H>;
    }
    case 'paragraph':
      return <p className={b.emphasis ? `pack-${b.emphasis}` : undefined}>{b.text}</p>;
    case 'list': {
      const items = b.items.map((t, k) => <li key={k}>{t}</li>);
      return b.ordered ? <ol>{items}</ol> : <ul>{items}</ul>;
    }
    case 'quote':
      return (
        <figure className="pack-quote">
          <blockquote>
            <p>{b.text}</p>
          </blockquote>
          <figcaption>{b.attribution}</figcaption>
        </figure>
      );
    case 'chart':
      return (
        <figure className="pack-chart" aria-label={b.spec.title}>
          <Chart spec={b.spec} />
          <figcaption>{b.alt}</figcaption>
        </figure>
      );
    case 'table':
      return (
        <div className="pack-table" role="region" aria-label={b.table.title} tabIndex={0}>
          <table>
            <caption>{b.table.title}</caption>
            <thead>
              <tr>
                {b.table.columns.map((c, k) => (
                  <th key={k} scope="col">
                    {c}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {b.table.rows.map((r, ri) => (
                <tr key={`${i}-${ri}`}>
                  {r.map((c, k) =>
                    k === 0 ? (
                      <th key={k} scope="row">
                        {c}
                      </th>
                    ) : (
                      <td key={k} className={b.table.numeric[k] ? 'num' : undefined}>
                        {c}
                      </td>
                    ),
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      );
  }
}

export function PackPreview({ doc }: { doc: PackDocument }) {
  return (
    <article className="pack-preview" aria-label={`Preview: ${doc.title}`}>
      {doc.blocks.map((b, i) => (
        <Block key={i} b={b} i={i} />
      ))}
    </article>
  );
}

/** A chart's data as an accessible table (the text alternative behind "Show the data"). */
import type { ChartDataTable as Table } from '../../../shared/report/chart-table';

export function ChartDataTable({ table, id }: { table: Table; id: string }) {
  return (
    <div className="chart-data" id={id} role="region" aria-label={`${table.caption}: data`} tabIndex={0}>
      <table>
        <caption>{table.caption}</caption>
        <thead>
          <tr>
            {table.headers.map((h, i) => (
              <th key={i} scope="col">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row, i) => (
            <tr key={i}>
              {row.map((cell, j) =>
                j === 0 ? (
                  <th key={j} scope="row">
                    <bdi>{cell}</bdi>
                  </th>
                ) : (
                  <td key={j} className={cell.startsWith('fewer than') ? 'suppressed' : undefined}>
                    <bdi>{cell}</bdi>
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

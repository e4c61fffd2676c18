/** Rows per second and time left for the progress bar, from the first and latest progress reports. */
export interface ProgressSample {
  done: number;
  total: number;
  /** ms, e.g. performance.now(). */
  at: number;
}

export interface ProgressStats {
  fraction: number;
  perSecond: number | null;
  secondsLeft: number | null;
}

export function progressStats(first: ProgressSample, latest: ProgressSample): ProgressStats {
  const fraction = latest.total > 0 ? Math.min(1, latest.done / latest.total) : 0;
  const seconds = (latest.at - first.at) / 1000;
  const rows = latest.done - first.done;
  if (seconds <= 0.2 || rows <= 0) return { fraction, perSecond: null, secondsLeft: null };
  const perSecond = rows / seconds;
  return { fraction, perSecond, secondsLeft: Math.max(0, (latest.total - latest.done) / perSecond) };
}

export function formatDuration(seconds: number): string {
  if (seconds < 1) return 'under a second';
  if (seconds < 60) return `${Math.round(seconds)} s`;
  const m = Math.floor(seconds / 60);
  return `${m} min ${Math.round(seconds - m * 60)} s`;
}

/** Issues as plain text lines, for "Copy errors". */
export function issuesAsText(issues: readonly { file: string; row?: number; column?: string; message: string }[]): string {
  return issues.map((i) => [i.file || '(import)', i.row !== undefined ? `row ${i.row}` : '', i.column !== undefined ? `column "${i.column}"` : '', i.message].filter(Boolean).join('\t')).join('\n');
}

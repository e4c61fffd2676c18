/**
 * Run `work` once the current update has been painted: background work started the moment a
 * result arrives (a scan, a warm-up read) would otherwise take the cores the browser needs to
 * show that result. Where there are no frames (tests, a hidden tab), it runs on a timer.
 */
export function afterPaint(work: () => void): void {
  const later = () => setTimeout(work, 0);
  if (typeof requestAnimationFrame === 'function' && typeof document !== 'undefined' && document.visibilityState === 'visible') requestAnimationFrame(later);
  else later();
}

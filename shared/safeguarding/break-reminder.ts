/**
 * A gentle break reminder: after a long stretch of continuous coding activity (default 50 minutes)
 * the analyst is reminded that a break may help; dismissing it starts the count again. A gap
 * in activity longer than the idle limit (default 10 minutes) counts as a break and resets it. It
 * never blocks anything. The clock is injected, so it is tested without waiting.
 */
export interface BreakSettings {
  enabled: boolean;
  /** Minutes of continuous activity before the reminder. */
  afterMinutes: number;
  /** A pause of at least this many minutes counts as a break. */
  idleMinutes: number;
}

export const DEFAULT_BREAK_SETTINGS: BreakSettings = { enabled: true, afterMinutes: 50, idleMinutes: 10 };

/** The allowed range of the reminder's interval, in minutes. */
export const BREAK_MINUTES = { min: 10, max: 240 } as const;

export function validBreakSettings(s: Partial<BreakSettings> | undefined): BreakSettings {
  const after = Math.round(Number(s?.afterMinutes ?? DEFAULT_BREAK_SETTINGS.afterMinutes));
  const idle = Math.round(Number(s?.idleMinutes ?? DEFAULT_BREAK_SETTINGS.idleMinutes));
  return {
    enabled: s?.enabled ?? DEFAULT_BREAK_SETTINGS.enabled,
    afterMinutes: Number.isFinite(after) ? Math.min(BREAK_MINUTES.max, Math.max(BREAK_MINUTES.min, after)) : DEFAULT_BREAK_SETTINGS.afterMinutes,
    idleMinutes: Number.isFinite(idle) ? Math.min(60, Math.max(1, idle)) : DEFAULT_BREAK_SETTINGS.idleMinutes,
  };
}

const MINUTE = 60_000;

export class BreakReminder {
  #since: number | null = null;
  #last: number | null = null;

  constructor(
    private settings: BreakSettings,
    private readonly now: () => number,
  ) {}

  configure(settings: BreakSettings): void {
    this.settings = settings;
  }

  /** The analyst did something (a key, a click, a coding). */
  activity(): void {
    const t = this.now();
    if (this.#last === null || t - this.#last >= this.settings.idleMinutes * MINUTE) {
      this.#since = t;
    }
    this.#last = t;
  }

  /** Minutes of the current continuous stretch (0 when idle). */
  activeMinutes(): number {
    const t = this.now();
    if (this.#since === null || this.#last === null || t - this.#last >= this.settings.idleMinutes * MINUTE) return 0;
    return (t - this.#since) / MINUTE;
  }

  /** Should the reminder show now? */
  due(): boolean {
    return this.settings.enabled && this.activeMinutes() >= this.settings.afterMinutes;
  }

  /** The reminder was shown and dismissed: count a new stretch from now. */
  dismiss(): void {
    const t = this.now();
    this.#since = t;
    this.#last = t;
  }
}

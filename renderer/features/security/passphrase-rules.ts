/** What makes a passphrase acceptable when one is set (the CLI's seal uses the same minimum). */
export const MIN_PASSPHRASE = 8;

/** Null when acceptable; otherwise the message to show. */
export function passphraseProblem(passphrase: string, again: string): string | null {
  if (Array.from(passphrase).length < MIN_PASSPHRASE) return `Use at least ${MIN_PASSPHRASE} characters; a few unrelated words work well.`;
  if (passphrase !== again) return 'The two passphrases differ.';
  return null;
}

/** Minutes of inactivity before an unlocked project locks again (a UI setting). */
export const LOCK_AFTER_SETTING = 'lockAfterMinutes';
export const DEFAULT_LOCK_MINUTES = 15;

export type StoreErrorCode = 'unavailable' | 'newer-schema' | 'blocked';

/** The store cannot be used: shown to the user as a full-page explanation. */
export class StoreError extends Error {
  constructor(
    readonly code: StoreErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'StoreError';
  }
}

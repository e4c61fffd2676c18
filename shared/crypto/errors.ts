/**
 * The three ways opening encrypted data can fail, kept apart so the user is told which one it is:
 * the passphrase is wrong (nothing is wrong with the data), the data was changed or damaged after
 * it was written (the passphrase was right), or the bytes are not Chorus encrypted data at all.
 */
export class WrongPassphraseError extends Error {
  constructor(what = 'this project') {
    super(`The passphrase is not the one ${what} was locked with. Nothing was changed; check it and try again.`);
    this.name = 'WrongPassphraseError';
  }
}

export class TamperedDataError extends Error {
  constructor(what = 'the encrypted data') {
    super(`The passphrase is right, but ${what} has been changed or damaged since it was written, so it cannot be trusted and was not opened.`);
    this.name = 'TamperedDataError';
  }
}

export class NotEncryptedDataError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'NotEncryptedDataError';
  }
}

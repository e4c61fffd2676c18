/** A file that cannot be read as REFI-QDA: the message is one line naming the problem. */
export class ExchangeError extends Error {
  constructor(message: string) {
    super(message.replace(/\s*\n\s*/g, ' '));
    this.name = 'ExchangeError';
  }
}

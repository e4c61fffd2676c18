// Minimal types for the jsdom API used by dev scripts (no @types/jsdom is installed). Remove if it ever is.
declare module 'jsdom' {
  export class JSDOM {
    constructor(html?: string);
    readonly window: Window & typeof globalThis;
  }
}

/**
 * Standard globals that both browsers and Node provide (WHATWG Encoding, Web Crypto's
 * randomUUID). Declared minimally here because shared/ compiles without DOM or Node types:
 * anything else platform-specific must come in through a parameter.
 */
declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean });
  readonly encoding: string;
  decode(input?: ArrayBufferView | ArrayBuffer, options?: { stream?: boolean }): string;
}
declare class TextEncoder {
  readonly encoding: string;
  encode(input?: string): Uint8Array;
  encodeInto(source: string, destination: Uint8Array): { read: number; written: number };
}

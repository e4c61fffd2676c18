/**
 * A streamed table's answers held from the scan (prepare) to the commit, so the commit need not
 * read, parse and build the file again. Compact on purpose: per chunk of rows, the answers' texts
 * as UTF-8 in one buffer, about their size in the file whatever their characters (held as strings,
 * an answer cut from the parser's input keeps that whole decoded piece alive, two bytes a
 * character once any character in it is beyond Latin-1). Held from the first row up to a byte
 * budget; the rows after it are read from the file again at commit.
 *
 * An answer is given back by its length in UTF-16 code units (the builder records every answer's
 * length), so no offsets are kept. A chunk whose text is not well-formed UTF-16 (a lone surrogate,
 * which UTF-8 cannot carry) is held as its strings instead.
 *
 * A chunk's answers are joined and the joined text encoded into a scratch buffer in one call
 * (encodeInto), the bytes copied out once. In Chromium, where it runs, each call crosses into
 * Blink: 100,000 answers (41 M characters cut from two-byte text) took 197–325 ms encoded one by
 * one and 122–126 ms joined (the join itself 24–28 ms); in Node the two are alike (61–82 ms).
 * Joined text that is well-formed comes back exactly, so each answer cut from it by its length
 * is the answer that went in, even where two answers' lone halves of a pair meet in the join.
 */

const encoder = new TextEncoder();

type HeldChunk = { rows: number; bytes: Uint8Array } | { rows: number; texts: string };

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** True when the text has no lone surrogate (so it survives UTF-8 unchanged). */
function wellFormed(text: string): boolean {
  const f = (text as { isWellFormed?: () => boolean }).isWellFormed;
  return f ? f.call(text) : !LONE_SURROGATE.test(text);
}

/** Bytes of a table's answer text held from the scan to the commit by default (rows past it are read again at commit). */
export const HOLD_BYTES = 384 * 2 ** 20;

export class HeldAnswers {
  #chunks: (HeldChunk | undefined)[] = [];
  #rows = 0;
  #bytes = 0;
  #full = false;
  /** Reused for each chunk's encoding (3 bytes per UTF-16 code unit at most). */
  #scratch = new Uint8Array(0);

  /** `budget`: bytes of answer text to hold at most. */
  constructor(readonly budget: number) {}

  /** Rows held, from the table's first row. */
  get rows(): number {
    return this.#rows;
  }

  /** Bytes held. */
  get bytes(): number {
    return this.#bytes;
  }

  /** Whether every row added so far is held. */
  get complete(): boolean {
    return !this.#full;
  }

  /**
   * Hold the next `rows` rows' answers (their texts in row then slot order). Once a chunk would
   * go over the budget nothing more is held (the rows held stay a prefix of the table).
   */
  add(rows: number, texts: readonly string[]): void {
    if (this.#full) return;
    const joined = texts.join('');
    const length = joined.length;
    const ok = wellFormed(joined);
    // (UTF-8 takes at least a byte a code unit: a chunk over the budget at that is not encoded)
    if (ok && this.#bytes + length > this.budget) {
      this.#full = true;
      return;
    }
    let chunk: HeldChunk;
    let size: number;
    if (ok) {
      if (this.#scratch.length < length * 3) this.#scratch = new Uint8Array(length * 3);
      const at = encoder.encodeInto(joined, this.#scratch).written;
      size = at;
      chunk = { rows, bytes: this.#scratch.slice(0, at) };
    } else {
      // a lone surrogate: held as the text itself
      size = length * 2;
      chunk = { rows, texts: joined };
    }
    if (this.#bytes + size > this.budget) {
      this.#full = true;
      return;
    }
    this.#chunks.push(chunk);
    this.#rows += rows;
    this.#bytes += size;
  }

  /**
   * The held chunks in order, once: per chunk its row count and `next(length)`, the next answer's
   * text. Each chunk is let go as the next is taken.
   */
  *take(): Generator<{ rows: number; next: (length: number) => string }> {
    // (ignoreBOM: an answer may begin with U+FEFF, which must come back as it went in)
    const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
    this.#scratch = new Uint8Array(0);
    for (let i = 0; i < this.#chunks.length; i++) {
      const c = this.#chunks[i]!;
      this.#chunks[i] = undefined;
      const text = 'bytes' in c ? decoder.decode(c.bytes) : c.texts;
      let at = 0;
      yield {
        rows: c.rows,
        next: (length) => {
          if (at + length > text.length) throw new Error('held answers ran out before their rows did');
          return text.slice(at, (at += length));
        },
      };
    }
    this.#chunks = [];
  }
}

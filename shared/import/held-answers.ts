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
 */

const encoder = new TextEncoder();

type HeldChunk = { rows: number; bytes: Uint8Array } | { rows: number; texts: string };

/** True when the text has no lone surrogate (so it survives UTF-8 unchanged). */
function wellFormed(text: string): boolean {
  const f = (text as { isWellFormed?: () => boolean }).isWellFormed;
  return f ? f.call(text) : !/[\uD800-\uDFFF]/.test(text);
}

/** Bytes of a table's answer text held from the scan to the commit by default (rows past it are read again at commit). */
export const HOLD_BYTES = 384 * 2 ** 20;

export class HeldAnswers {
  #chunks: (HeldChunk | undefined)[] = [];
  #rows = 0;
  #bytes = 0;
  #full = false;

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
    const chunk: HeldChunk = wellFormed(joined) ? { rows, bytes: encoder.encode(joined) } : { rows, texts: joined };
    const size = 'bytes' in chunk ? chunk.bytes.length : joined.length * 2;
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

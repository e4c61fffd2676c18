/** GUIDs for every entity (REFI-QDA needs them), random or from a seeded generator. */

interface CryptoLike {
  randomUUID(): string;
}

/** A random RFC 4122 v4 GUID from the platform's crypto (browsers, Node 20, Electron). */
export function newGuid(): string {
  const c = (globalThis as { crypto?: CryptoLike }).crypto;
  if (!c || typeof c.randomUUID !== 'function') throw new Error('No secure random source: crypto.randomUUID is unavailable');
  return c.randomUUID();
}

/** mulberry32: a small, fast, seeded PRNG returning floats in [0, 1). Deterministic for a seed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A GUID generator driven by a seeded PRNG: the same seed yields the same sequence (demo data, tests). */
export function seededGuids(seed: number): () => string {
  const rnd = seededRandom(seed);
  const hex = (n: number) => {
    let s = '';
    for (let i = 0; i < n; i++) s += Math.floor(rnd() * 16).toString(16);
    return s;
  };
  return () => `${hex(8)}-${hex(4)}-4${hex(3)}-${'89ab'[Math.floor(rnd() * 4)]}${hex(3)}-${hex(12)}`;
}

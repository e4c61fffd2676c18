/**
 * Sealed hand-over speed: sealWithKey / openWithKey (shared/crypto/sealed.ts) against bare
 * WebCrypto AES-256-GCM encrypt / decrypt of the same bytes with the same key (the KDF excluded
 * from both: it runs once per bundle, and its time is printed separately). Sealing is timed as
 * the CLI and the app write it: header and ciphertext as two parts (never joined in memory).
 * Plain script: `npx tsx test/bench/seal.bench.ts`; `npm run bench -- seal`. Target: ratio ≤ 1.5.
 * Inputs: the demo project's .qdpx, and a 64 MiB project file (random bytes: a .qdpx is a zip,
 * which is close to incompressible). Times are wall time (AES runs on libuv's thread pool), median of 9, the two
 * operations alternating.
 */
import { deriveKey, newKdfParams, DEFAULT_KDF, openWithKey, readSealedHeader, sealPartsWithKey, sealWithKey } from '../../shared/crypto';
import { buildDemoProject } from '../../shared/demo';
import { writeQdpx } from '../../shared/exchange/qdpx';
import { report } from './util';

/** Median wall times of two operations run alternately (so load on the shared machine hits both alike). */
async function pairedMedians(a: () => Promise<unknown>, b: () => Promise<unknown>, runs = 9): Promise<[number, number]> {
  await a();
  await b();
  const ta: number[] = [];
  const tb: number[] = [];
  for (let i = 0; i < runs; i++) {
    for (const [fn, into] of [[a, ta], [b, tb]] as const) {
      const t0 = performance.now();
      await fn();
      into.push(performance.now() - t0);
    }
  }
  const mid = (t: number[]) => t.sort((x, y) => x - y)[Math.floor(t.length / 2)]!;
  return [mid(ta), mid(tb)];
}

function randomBytes(n: number): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(n);
  for (let o = 0; o < n; o += 65536) crypto.getRandomValues(out.subarray(o, Math.min(n, o + 65536)));
  return out;
}

const kdf = newKdfParams();
const t0 = performance.now();
const derived = await deriveKey('a bench passphrase', kdf);
const kdfMs = performance.now() - t0;
console.log(`Argon2id m=${DEFAULT_KDF.memoryKiB / 1024} MiB, t=${DEFAULT_KDF.iterations}, p=${DEFAULT_KDF.parallelism}: ${kdfMs.toFixed(0)} ms to derive (once per seal or open; excluded below)`);

const inputs: [string, Uint8Array<ArrayBuffer>][] = [
  ["demo .qdpx", new Uint8Array(writeQdpx(buildDemoProject()))],
  ['64 MiB project file', randomBytes(64 * 2 ** 20)],
];
let worst = 0;
for (const [name, bytes] of inputs) {
  const iv = new Uint8Array(12);
  const [bareEnc, sealMs] = await pairedMedians(
    () => crypto.subtle.encrypt({ name: 'AES-GCM', iv: crypto.getRandomValues(iv) }, derived.key as CryptoKey, bytes),
    () => sealPartsWithKey(bytes, kdf, derived),
  );
  const sealed = await sealWithKey(bytes, kdf, derived);
  const header = readSealedHeader(sealed);
  const bare = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, derived.key as CryptoKey, bytes));
  const [bareDec, openMs] = await pairedMedians(
    () => crypto.subtle.decrypt({ name: 'AES-GCM', iv }, derived.key as CryptoKey, bare),
    () => openWithKey(sealed, header, derived),
  );
  const mb = bytes.length / 2 ** 20;
  console.log(`${name}: ${mb.toFixed(2)} MiB; seal ${(mb / (sealMs / 1000)).toFixed(0)} MiB/s, open ${(mb / (openMs / 1000)).toFixed(0)} MiB/s`);
  report(`seal ${name}`, sealMs, bareEnc, 1.5);
  report(`open ${name}`, openMs, bareDec, 1.5);
  worst = Math.max(worst, sealMs / bareEnc, openMs / bareDec);
}
console.log(`worst seal/open ratio vs bare AES-GCM: ${worst.toFixed(2)} (target ≤ 1.5)`);

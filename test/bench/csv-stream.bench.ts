/**
 * The streaming CSV reader against the plain way, in Node. `npm run bench -- csv-stream`
 * (or `npx tsx --expose-gc test/bench/csv-stream.bench.ts [rows]`); default 100,000 rows ≈ 90 MB,
 * the shape of import-chromium.bench.ts (2 free-text columns of 78 words, 6 attributes + ID).
 *
 *   plain   readFileSync + TextDecoder + Papa.parse of the whole string (every row held);
 *   stream  scanCsvTable over the file read with fs.readSync in 1 MiB slices (encoding check,
 *           decode, parse, header/ragged-row resolution; rows handed on and dropped).
 * Prints CPU time and the ratio stream/plain (context: pass 1 also checks the encoding over the whole file), and each one's peak JS heap above
 * the heap before it (stream: heapUsed sampled as rows arrive, garbage included, and the live heap
 * in a separate run that collects every 10th chunk; plain: after the parse, with the rows held).
 */
import { closeSync, fstatSync, openSync, readFileSync, readSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Papa from 'papaparse';
import type { ByteSource } from '../../shared/import/byte-source';
import { csvRowChunks, scanCsvTable } from '../../shared/import/csv-stream';
import { cpuMs, report, surveyCsv } from './util';

const ROWS = Number(process.argv[2] ?? 100_000);
const SLICE = 1 << 20;
const MB = (n: number) => `${(n / 2 ** 20).toFixed(0)} MiB`;

/**
 * A file on disk read in slices with fs.readSync: never whole in memory. One buffer is reused
 * (ByteSource callers do not keep a slice): a fresh 1 MiB buffer per read adds ~50% to the scan's
 * time here, in collections forced by external memory.
 */
function fileSource(file: string): ByteSource & { close(): void } {
  const fd = openSync(file, 'r');
  let buffer = new Uint8Array(0);
  return {
    size: fstatSync(fd).size,
    read(start, end) {
      if (buffer.length < end - start) buffer = new Uint8Array(end - start);
      const buf = buffer.subarray(0, end - start);
      let got = 0;
      while (got < buf.length) {
        const n = readSync(fd, buf, got, buf.length - got, start + got);
        if (n === 0) break;
        got += n;
      }
      return buf.subarray(0, got);
    },
    close: () => closeSync(fd),
  };
}

const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
const heap = () => process.memoryUsage().heapUsed;

const file = path.join(tmpdir(), `chorus-csv-stream-bench-${process.pid}.csv`);
try {
  const t0 = performance.now();
  writeFileSync(file, surveyCsv(ROWS));
  gc();
  const size = statSync(file).size;
  console.log(`csv-stream: ${ROWS.toLocaleString('en-GB')} rows, ${(size / 1e6).toFixed(1)} MB (generated in ${((performance.now() - t0) / 1000).toFixed(1)} s); slices of ${MB(SLICE)}`);

  let plainPeak = 0;
  // (each run starts after a full collection outside its timing, so neither pays for the other's garbage)
  const plain = () => {
    const base = heap();
    const text = new TextDecoder().decode(readFileSync(file));
    const res = Papa.parse<string[]>(text, { delimiter: ',' });
    plainPeak = Math.max(plainPeak, heap() - base);
    return res.data.length;
  };
  let streamPeak = 0;
  const stream = () => {
    const base = heap();
    const src = fileSource(file);
    let rows = 0;
    let calls = 0;
    try {
      const layout = scanCsvTable(
        src,
        { fileName: 'bench.csv' },
        (r) => {
          rows += r.length;
          // (every 8th chunk: process.memoryUsage() itself costs ~0.1 ms)
          if (++calls % 8 === 0) streamPeak = Math.max(streamPeak, heap() - base);
        },
        SLICE,
      );
      if (layout.rowCount !== ROWS || layout.columns.length !== 9) throw new Error(`read ${layout.rowCount} rows × ${layout.columns.length} columns`);
    } finally {
      src.close();
    }
    return rows;
  };
  const secondPass = () => {
    gc();
    const src = fileSource(file);
    try {
      const layout = scanCsvTable(src, { fileName: 'bench.csv' }, undefined, SLICE);
      const c = cpuMs(() => {
        let n = 0;
        for (const chunk of csvRowChunks(src, layout, SLICE)) n += chunk.rows.length;
        return n;
      });
      return c.ms;
    } finally {
      src.close();
    }
  };

  // alternate the two, best of 2 each (CPU time: steadier on a shared machine)
  let plainMs = Infinity;
  let streamMs = Infinity;
  for (let i = 0; i < 2; i++) {
    gc();
    const p = cpuMs(plain);
    plainMs = Math.min(plainMs, p.ms);
    gc();
    const s = cpuMs(stream);
    streamMs = Math.min(streamMs, s.ms);
    if (p.result !== ROWS + 2 || s.result !== ROWS) throw new Error(`row counts differ: plain ${p.result}, stream ${s.result}`);
  }
  // live heap: a separate run that collects garbage every 10th chunk before sampling (not timed)
  let live = 0;
  {
    gc();
    const base = heap();
    const src = fileSource(file);
    let k = 0;
    try {
      scanCsvTable(src, { fileName: 'bench.csv' }, () => {
        if (k++ % 10 === 0) {
          gc();
          live = Math.max(live, heap() - base);
        }
      }, SLICE);
    } finally {
      src.close();
    }
  }
  report('scanCsvTable, 1 MiB slices (vs plain)', streamMs, plainMs, null);
  report('csvRowChunks (second pass, vs plain)', secondPass(), plainMs, null);
  console.log(`peak JS heap above start: plain ${MB(plainPeak)} (text + all rows); stream ${MB(streamPeak)} heapUsed incl. garbage, ${MB(live)} live (file ${MB(size)})`);
} finally {
  rmSync(file, { force: true });
}

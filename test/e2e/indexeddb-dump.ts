/**
 * Every object store of the app's IndexedDB database ('chorus'), read raw in the page (not through
 * the app's reader), as one JSON text: to prove what was or was not written, and to search
 * everything stored for personal data. Typed arrays and bytes become plain arrays of numbers, so
 * nothing hides in them.
 */
import type { Page } from 'playwright-core';
import { piecesToParts } from '../../shared/import/dataset-pieces';
import { applyCodingChanges, digestDamage, digestToCodings, type CodingDigest } from '../../shared/coding/coding-digest';
import type { CodingJournalEntry } from '../../renderer/db/coding-journal';
import type { Coding } from '../../shared/model';

export function dumpIndexedDb(page: Page): Promise<string> {
  return page.evaluate(
    () =>
      new Promise<string>((resolve, reject) => {
        const open = indexedDB.open('chorus');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const names = [...db.objectStoreNames];
          const tx = db.transaction(names, 'readonly');
          const out: Record<string, unknown[]> = {};
          for (const n of names) {
            const req = tx.objectStore(n).getAll();
            req.onsuccess = () => (out[n] = req.result);
          }
          tx.oncomplete = () => {
            db.close();
            resolve(JSON.stringify(out, (_k, v: unknown) => (ArrayBuffer.isView(v) ? Array.from(v as unknown as ArrayLike<number>) : v)));
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
}

/** A survey table as stored, with its personal columns read back from their clear JSON pieces (a plain project's; renderer/db/dataset-seal.ts). */
export interface StoredDataset {
  id: string;
  sourceId: string;
  recordIds: string[];
  participants: { pseudonyms: string[]; attributes: Record<string, unknown[]> };
  responseAttributes?: Record<string, unknown[]>;
}

/**
 * The 'datasets' store read raw in the page (not through the app's reader), each record's clear
 * pieces put back into its columns here by the stored format's own pure reader
 * (shared/import/dataset-pieces.ts, which knows every form a piece is written in).
 */
export async function storedDatasets(page: Page): Promise<StoredDataset[]> {
  type Piece = { column: string; from: number; stored: { v: number; text?: string } };
  const records = await page.evaluate(
    () =>
      new Promise<(StoredDataset & { pieces?: Piece[] })[]>((resolve, reject) => {
        const open = indexedDB.open('chorus');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const req = open.result.transaction('datasets', 'readonly').objectStore('datasets').getAll();
          req.onsuccess = () => {
            open.result.close();
            resolve(req.result as (StoredDataset & { pieces?: Piece[] })[]);
          };
          req.onerror = () => reject(req.error);
        };
      }),
  );
  return records.map((r) => {
    if (!r.pieces) return r;
    const parts = piecesToParts(
      r.pieces.map((p) => {
        if (p.stored.v !== 0) throw new Error(`survey table ${r.id} is encrypted`);
        return { column: p.column, from: p.from, text: p.stored.text! };
      }),
      `Survey table ${r.id}`,
    );
    return {
      ...r,
      recordIds: parts.recordIds,
      participants: { ...r.participants, pseudonyms: parts.pseudonyms, attributes: parts.attributes },
      ...(parts.responseAttributes ? { responseAttributes: parts.responseAttributes } : {}),
    };
  });
}

/**
 * Each project's coding digest as stored, brought up to date with the journal by the format's own
 * pure reader (shared/coding/coding-digest.ts), beside the project's coding records read raw: the
 * two must always agree (renderer/db/coding-journal.ts).
 */
export async function storedCodingDigests(page: Page): Promise<{ projectId: string; fromDigest: Coding[]; records: Coding[] }[]> {
  type Raw = { digests: Record<string, unknown>[]; journal: CodingJournalEntry[]; codings: Coding[] };
  const raw = await page.evaluate(
    () =>
      new Promise<Raw>((resolve, reject) => {
        const open = indexedDB.open('chorus');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction(['codingDigests', 'codingJournal', 'codings'], 'readonly');
          const out: Record<string, unknown[]> = {};
          for (const n of ['codingDigests', 'codingJournal', 'codings']) {
            const req = tx.objectStore(n).getAll();
            req.onsuccess = () => (out[n] = req.result);
          }
          tx.oncomplete = () => {
            open.result.close();
            // typed arrays as plain arrays, to cross into Node
            const plain = (v: unknown): unknown => (ArrayBuffer.isView(v) ? { typed: v.constructor.name, values: Array.from(v as unknown as ArrayLike<number>) } : v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, plain(x)])) : v);
            resolve({ digests: out.codingDigests!.map((d) => plain(d) as Record<string, unknown>), journal: out.codingJournal as CodingJournalEntry[], codings: out.codings as Coding[] });
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
  const typed = (v: unknown): unknown => {
    if (!v || typeof v !== 'object' || Array.isArray(v)) return v;
    const o = v as { typed?: string; values?: number[] };
    if (o.typed) return o.typed === 'Float64Array' ? Float64Array.from(o.values!) : Uint32Array.from(o.values!);
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, typed(x)]));
  };
  return raw.digests.map((stored) => {
    const d = typed(stored) as CodingDigest;
    const damage = digestDamage(d);
    if (damage) throw new Error(`the coding digest of project ${d.projectId}: ${damage}`);
    const fromDigest = applyCodingChanges(digestToCodings(d), d.projectId, raw.journal.filter((e) => e.seq! > d.seq));
    return { projectId: d.projectId, fromDigest, records: raw.codings.filter((c) => c.projectId === d.projectId).sort((a, b) => (a.id < b.id ? -1 : 1)) };
  });
}

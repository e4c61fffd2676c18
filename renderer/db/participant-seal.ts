/**
 * Encryption at rest for participants stored one by one (transcripts, REFI-QDA projects, the
 * demo): in an encrypted project a row's pseudonym and attribute values are kept as ONE StoredText
 * holding their JSON (`sealed`), the clear fields stored empty; a plain project keeps the clear
 * layout. Sealing and opening await the codec, so they run before or after a Dexie transaction,
 * never inside one: a read inside a transaction (exportBundle) finds the rows already opened in
 * the cache (call openProjectParticipants before it).
 */
import Dexie from 'dexie';
import type { AttributeValue, Participant } from '../../shared/model';
import { getCodec, type StorageCodec, type StoredText } from './codec';
import { sameSealed } from './dataset-seal';
import type { ChorusDb, ParticipantRecord } from './schema';
import { held } from '../../shared/held';

interface SealedParts {
  pseudonym: string;
  attributes: Record<string, AttributeValue>;
}

const clear = (p: ParticipantRecord): Participant => {
  const { sealed: _s, ...rest } = p;
  return rest;
};

/** The rows to store: sealed when the codec encrypts, clear otherwise. */
export async function sealParticipants(list: readonly Participant[], codec: StorageCodec): Promise<ParticipantRecord[]> {
  if (!codec.encrypts) return list.map(clear);
  const enc = await codec.encodeMany(list.map((p) => JSON.stringify({ pseudonym: p.pseudonym, attributes: p.attributes } satisfies SealedParts)));
  return list.map((p, i) => ({ ...clear(p), pseudonym: '', attributes: {}, sealed: enc[i]! }));
}

/** Decode stored rows with a given codec (re-encryption). */
export async function openParticipantsWith(records: readonly ParticipantRecord[], codec: StorageCodec): Promise<Participant[]> {
  // (by position: undo history can hold several versions of one participant)
  const opened = await Promise.all(records.map((r) => (r.sealed ? codec.decode(r.sealed) : undefined)));
  return records.map((r, i) => (r.sealed ? { ...clear(r), ...(JSON.parse(opened[i]!) as SealedParts) } : clear(r)));
}

/** Opened rows by id, with the sealed text they were opened from (a stale entry never matches). */
const cache = held<ChorusDb, Map<string, { p: Participant; sealed: StoredText; codec: StorageCodec }>>('participants opened');

/** Stored rows to participants (sealed ones from the cache or decoded; inside a transaction, only from the cache). */
export async function openParticipants(db: ChorusDb, records: readonly ParticipantRecord[]): Promise<Participant[]> {
  if (!records.some((r) => r.sealed)) return records as Participant[];
  let m = cache.get(db);
  if (!m) cache.set(db, (m = new Map()));
  const hit = (r: ParticipantRecord) => {
    const e = m!.get(r.id);
    // (only under the codec that opened it: once the key is dropped, nothing decoded is handed out)
    return e && e.codec === getCodec() && sameSealed(e.sealed, r.sealed) ? e.p : undefined;
  };
  const missing = records.filter((r) => r.sealed && !hit(r));
  if (missing.length) {
    if (Dexie.currentTransaction) throw new Error('A participant of this encrypted project was read inside a transaction before it was decoded (call openProjectParticipants first)');
    const codec = getCodec();
    const opened = await openParticipantsWith(missing, codec);
    missing.forEach((r, i) => m!.set(r.id, { p: opened[i]!, sealed: r.sealed!, codec }));
  }
  return records.map((r) => (r.sealed ? hit(r)! : r));
}

/** Decode (and cache) a project's sealed participants BEFORE a transaction that reads them. */
export async function openProjectParticipants(db: ChorusDb, projectId: string): Promise<void> {
  await openParticipants(db, await db.participants.where('projectId').equals(projectId).toArray());
}

/**
 * A command that carries participant rows to write (a merged project's delta), with them sealed
 * when the project's codec encrypts — called by execute.ts BEFORE its transaction, so the rows the
 * plan writes, and the undo step that keeps them, hold no pseudonym or attribute value in clear.
 */
export async function sealCommandRows<C extends { type: string }>(cmd: C, codec: StorageCodec): Promise<C> {
  if (!codec.encrypts || cmd.type !== 'mergeProject') return cmd;
  const merge = cmd as unknown as { delta: { rows: { participants: Participant[] } } };
  if (!merge.delta.rows.participants.length) return cmd;
  const participants = await sealParticipants(merge.delta.rows.participants, codec);
  return { ...cmd, delta: { ...merge.delta, rows: { ...merge.delta.rows, participants } } };
}

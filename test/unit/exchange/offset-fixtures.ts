/**
 * REFI-QDA projects over emoji-rich LF text whose selection positions count either code points
 * (the standard) or UTF-16 units (as NVivo 12 for Mac writes them), for the offset-evidence tests.
 */
import { strToU8, zipSync } from 'fflate';
import { utf16ToCodePoint } from '../../../shared/model';

export type Convention = 'code points' | 'UTF-16 units';

export interface IntendedSpan {
  /** UTF-16 [start, end) in the text. */
  start: number;
  end: number;
}

const CODE = 'AAAAAAAA-1111-4111-8111-AAAAAAAAAAAA';
const SOURCE = 'CCCCCCCC-3333-4333-8333-CCCCCCCCCCCC';
const USER = 'DDDDDDDD-4444-4444-8444-DDDDDDDDDDDD';
const guid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** A .qdpx with one text source and one coding per span, positions written in `convention`. */
export function refiProject(text: string, spans: readonly IntendedSpan[], convention: Convention, origin = 'Test tool'): Uint8Array {
  const pos = (o: number) => (convention === 'code points' ? utf16ToCodePoint(text, o) : o);
  const sels = spans
    .map(
      (s, i) =>
        `<PlainTextSelection guid="${guid(2 * i + 1)}" startPosition="${pos(s.start)}" endPosition="${pos(s.end)}" creatingUser="${USER}">` +
        `<Coding guid="${guid(2 * i + 2)}" creatingUser="${USER}"><CodeRef targetGUID="${CODE}"/></Coding></PlainTextSelection>`,
    )
    .join('');
  const qde =
    `<?xml version="1.0" encoding="utf-8"?><Project xmlns="urn:QDA-XML:project:1.0" name="Offsets" origin="${origin}">` +
    `<Users><User guid="${USER}" name="Coder"/></Users><CodeBook><Codes><Code guid="${CODE}" name="Theme" isCodable="true"/></Codes></CodeBook>` +
    `<Sources><TextSource guid="${SOURCE}" name="Feedback" plainTextPath="internal://${SOURCE}.txt">${sels}</TextSource></Sources></Project>`;
  return zipSync({ 'project.qde': strToU8(qde), [`sources/${SOURCE}.txt`]: strToU8(text) });
}

/** Every word (letters/digits run) of a text as a UTF-16 span. */
export function wordSpans(text: string): IntendedSpan[] {
  return [...text.matchAll(/[\p{L}\p{N}\p{M}]+/gu)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
}

/**
 * Feedback text in the shape of the NVivo for Mac export that went wrong: LF line ends, emoji and
 * other astral characters (flags, skin tones, ZWJ sequences, a mathematical letter) among the words.
 */
export const EMOJI_FEEDBACK = [
  'The officer 👮 was kind 🙏 and listened to me 😊 for an hour.',
  'Nobody called back 📞❌ for three weeks, and I felt ignored 😞😞.',
  'My daughter 👩‍👧 was scared; the family liaison 🤝🏽 explained everything.',
  'Court 🏛️ was delayed twice 🗓️🗓️ and nobody told us why 🤷‍♀️.',
  'I would rate the response 𝟓 out of ten 🔟 — better than last time 👍🏻.',
  'The victim care unit 💙 phoned 📱 every Friday 🇬🇧 without fail.',
].join('\n');

import type { HitScope } from '../../../shared/coding/search';

/** What "code all hits" and keyword autocoding can code, in words. */
export const SCOPES: { value: HitScope; label: string }[] = [
  { value: 'hit', label: 'The matching words only' },
  { value: 'sentence', label: 'Their sentences' },
  { value: 'paragraph', label: 'Their paragraphs' },
  { value: 'turn', label: 'Their speaker turns (paragraphs elsewhere)' },
  { value: 'document', label: 'Whole responses or documents' },
];

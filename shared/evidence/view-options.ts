/**
 * What the Code view's list can be sorted and narrowed by (./view.ts reads them): apart from the
 * list itself so the screen can offer them without loading what makes the list (the segments'
 * selection and sentiment lexicon run in the analysis worker).
 */
export const SEGMENT_SORTS = ['document', 'code', 'source', 'coder', 'participant', 'length'] as const;
export type SegmentSortKey = (typeof SEGMENT_SORTS)[number] | `attribute:${string}`;

export interface SegmentView {
  /** Keep segments of people with this attribute value. */
  attribute?: { name: string; value: string };
  /** Keep segments in documents from a source of this kind. */
  sourceKind?: string;
  /** Keep segments coded by this coder. */
  coderId?: string;
  /** Keep candidate quotes only. */
  starredOnly?: boolean;
  sort?: { key: SegmentSortKey; descending?: boolean };
}

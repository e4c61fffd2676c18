/** Analyses as pure functions over a prepared index of a ProjectBundle (DESIGN.md §2, §6). */
export * from './types';
export * from './notes';
export * from './prepare';
export * from './index-documents';
export * from './index-participants';
export * from './scope';
export * from './chisquare';
export * from './frequencies';
export * from './matrix';
export * from './cooccurrence';
export * from './triangulation';
export * from './text';
export * from './words';
export * from './sentiment';
export * from './time';
export * from './saturation';
export * from './disclosure';
export { ENGLISH_STOP_WORDS } from './stopwords';

import { ANALYSIS_NOTES } from '../../../shared/analysis/notes';
import { ANALYSIS_KINDS, type AnalysisKind } from '../../../shared/analysis/types';

/** When to choose each analysis: the framework asks analysts to consider which gives the best insight. */
const WHEN: Record<AnalysisKind, string> = {
  frequencies: 'Start here: which themes came up, and for how many people.',
  matrix: 'To compare groups: does a theme come up more for some ages, offences or areas?',
  cooccurrence: 'To see which issues come up together, e.g. delays alongside feeling dismissed.',
  triangulation: 'To check whether a theme is supported by more than one kind of source.',
  words: 'To explore the words people used, find terms typical of a code or group, and read them in context.',
  sentiment: 'For a rough first look at tone, always checked by reading the segments.',
  time: 'To see whether a theme is growing or shrinking between months, quarters or survey waves.',
  saturation: 'To judge whether coding more documents is still finding new ideas.',
};

export interface MenuItem {
  id: AnalysisKind;
  title: string;
  when: string;
}

export const ANALYSIS_MENU: MenuItem[] = ANALYSIS_KINDS.map((id) => ({ id, title: ANALYSIS_NOTES[id].title, when: WHEN[id] }));

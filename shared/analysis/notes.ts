import type { AnalysisKind } from './types';

export interface AnalysisNote {
  title: string;
  shows: string;
  limits: string;
}

/** What each analysis shows and its limits, in plain English for the analysis menu and every export. */
export const ANALYSIS_NOTES: Record<AnalysisKind, AnalysisNote> = {
  frequencies: {
    title: 'Code frequencies',
    shows:
      'How often each code was applied: the number of codings, documents and participants, and the percentage of participants in scope. A theme counts everything coded to it or to any of its subcategories, once each (a participant coded to two subcategories counts once for the theme).',
    limits:
      'Counts show how often something was coded, not how important or how widespread it is in the population. They depend on how thoroughly and consistently the data were coded, and on who chose to take part. Documents not linked to a participant each count as one participant.',
  },
  matrix: {
    title: 'Subcategory matrix',
    shows:
      'For each code, how many participants in each group (a participant or source attribute) mentioned it, with row and column percentages and a chi-square test of whether mentioning the code is associated with the group.',
    limits:
      'A significant result shows an association, not a cause, and the sample is rarely random. The whole-table test treats the cells as independent although one participant can have several codes; the per-code tests do not have that problem. Where more than 20% of expected counts are below 5 (Cochran’s rule) the p-value is unreliable. Many tests at once will find some "significant" by chance.',
  },
  cooccurrence: {
    title: 'Code co-occurrence',
    shows:
      'Which codes appear together within the same unit (overlapping coded segments, sentence, paragraph, response or whole document), with the number of units and the Jaccard index (units with both ÷ units with either).',
    limits:
      'Appearing together does not mean the ideas are linked in the participant’s mind. Larger units find more co-occurrence by chance. For overlapping segments, a chain of overlaps forms one unit.',
  },
  triangulation: {
    title: 'Triangulation of themes across sources',
    shows:
      'For each theme (a top-level code, including its subcategories), whether it was found in each kind of source, the percentage of participants there, example quotes, and a status: corroborated (found in two or more kinds of source), single-source (found in only one) or divergent (found in several, but with opposite overall tone).',
    limits:
      'Corroboration shows that a theme recurs across sources, not that it is true or common. Source kinds differ in size and in how questions were asked. The tone used to flag divergence is a rough word-list score and is only indicative.',
  },
  words: {
    title: 'Word frequencies and distinctive terms',
    shows:
      'The most frequent words or phrases (after removing common English words, optionally reducing words to their stem), terms that are distinctive of a code or a group (tf-idf), and each word in its context.',
    limits:
      'Word counts ignore meaning, negation and context: "not helpful" counts "helpful". Spelling variants and typing errors split counts. Use keyword in context to check what a word is actually about.',
  },
  sentiment: {
    title: 'Sentiment (indicative)',
    shows:
      'An indicative tone score for each coded segment, averaged per code and per group, from a word list (AFINN) where positive words score above zero and negative words below.',
    limits:
      'Indicative only. Word-list scores miss sarcasm, context and police or local vocabulary, and handle negation crudely. Accounts of harm score negative whatever the participant thought of the service. Never report a score without reading the segments.',
  },
  time: {
    title: 'Change over time',
    shows:
      'The percentage of participants and of responses with each code, by month or quarter of a date attribute, or by wave (two sources or imports of the same survey), with the change in percentage points.',
    limits:
      'Changes may reflect who responded, how the questions or coding changed, or chance, rather than a real change. Small periods give unstable percentages.',
  },
  saturation: {
    title: 'Saturation',
    shows:
      'How many new codes each document added, in the order the documents were first coded, and the running total. A flattening curve suggests few new ideas are emerging.',
    limits:
      'Depends on the coding order and on the codebook: a codebook written in advance flattens the curve early. It says nothing about groups who were not asked.',
  },
};

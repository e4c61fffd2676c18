/** Types for the natural 8 submodules Chorus imports (the package root pulls storage back-ends). */
declare module 'natural/lib/natural/stemmers/porter_stemmer' {
  const PorterStemmer: { stem(token: string): string };
  export default PorterStemmer;
}
declare module 'natural/lib/natural/sentiment/SentimentAnalyzer' {
  export default class SentimentAnalyzer {
    constructor(language: 'English', stemmer: { stem(token: string): string } | undefined, type: 'afinn');
    /** Sum of word scores (negation flips the rest) divided by the number of words. */
    getSentiment(words: string[]): number;
  }
}

/** Types for popular-english-words (English words ranked by frequency), used by build-names.ts. */
declare module 'popular-english-words' {
  export const words: { getMostPopular(count: number): string[] };
}

/**
 * What every nlp stage receives: the document and its segmentation. Stages are pure functions
 * of this context (and of earlier stages' output, passed explicitly); none reaches into another's
 * internals. `pipeline.ts` composes them.
 */
import type { Document } from '../types.ts';
import type { Segmented } from './segment.ts';

export type StageContext = {
  doc: Document;
  seg: Segmented;
  /** Publication date as YYYY-MM-DD when known: the anchor for relative times. */
  anchor?: string;
};

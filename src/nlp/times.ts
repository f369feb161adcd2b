import type { TimeExpr } from '../types.ts';
import type { StageContext } from './context.ts';

/** Time expressions normalised to TIMEX3 against the publication date. (Being written.) */
export function extractTimes(_ctx: StageContext): TimeExpr[] {
  return [];
}

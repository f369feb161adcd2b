import type { Figure, TimeExpr } from '../types.ts';
import type { StageContext } from './context.ts';

/** Figures: value, qualifier, unit or counted noun, rate. (Being written.) */
export function extractFigures(_ctx: StageContext, _earlier: { times: TimeExpr[] }): Figure[] {
  return [];
}

import type { Claim, Entity, Figure, TimeExpr } from '../types.ts';
import type { StageContext } from './context.ts';

/** Attributed claims: source, cue, content, kind, date said. (Being written.) */
export function extractClaims(
  _ctx: StageContext,
  _earlier: { entities: Entity[]; times: TimeExpr[]; figures: Figure[] },
): Claim[] {
  return [];
}

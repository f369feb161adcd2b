import type { Claim, Entity, Event, TimeExpr } from '../types.ts';
import type { StageContext } from './context.ts';

/** PLOVER 2.0 events. (Being written.) */
export function extractEvents(
  _ctx: StageContext,
  _earlier: { entities: Entity[]; times: TimeExpr[]; claims: Claim[] },
): Event[] {
  return [];
}

import type { Entity } from '../types.ts';
import type { StageContext } from './context.ts';

/** Named entities, typed and linked within the document. (Being written.) */
export function extractEntities(_ctx: StageContext): Entity[] {
  return [];
}

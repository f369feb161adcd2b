import type { Claim, Entity } from '../../types.ts';
import type { StageContext } from '../context.ts';
import type { Attribution } from './attribution.ts';
export function resolveSources(_ctx: StageContext, _a: Attribution[], _claims: Claim[], _entities: Entity[]): void {}

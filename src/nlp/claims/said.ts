import type { Claim, TimeExpr } from '../../types.ts';
import type { StageContext } from '../context.ts';
import type { Attribution } from './attribution.ts';
export function dateClaims(_ctx: StageContext, _a: Attribution[], _claims: Claim[], _times: TimeExpr[]): void {}

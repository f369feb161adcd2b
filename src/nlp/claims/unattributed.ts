import type { Claim, Figure } from '../../types.ts';
import type { StageContext } from '../context.ts';
export function unattributedClaims(_ctx: StageContext, _claims: Claim[], _figures: Figure[], _n: number): Claim[] { return []; }

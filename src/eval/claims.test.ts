import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hasShared, SEED_NAME } from './shared.ts';
import { evaluate } from './claims.ts';

test('seed claims meet the issue’s targets', { skip: !hasShared('seeds', `${SEED_NAME}.txt`) && 'shared/seeds not present' }, async () => {
  const [section] = await evaluate();
  const claims = section!.scores.find((s) => s.task === 'claims')!;
  assert.ok(claims.tp >= 15, `matched ${claims.tp} of 17 claims`);
  assert.ok(claims.fp <= 2, `${claims.fp} spurious claims`);
  const said = section!.scores.find((s) => s.task === 'claim said')!;
  assert.ok(said.tp >= 7, `said right for ${said.tp} of ${said.tp + said.fn}`);
});

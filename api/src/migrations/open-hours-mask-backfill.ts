import type { QueryRunner } from 'typeorm';
import { openHoursMask, type OutletHours } from '@linli/shared';

/**
 * Sets `outlet.open_hours_mask` from each outlet's hours (the column starts as every hour, which is never wrong, only
 * slower). Written for both dialects' migrations: outlets sharing a mask are updated together, a few hundred ids a
 * statement.
 */
export async function backfillOpenHoursMasks(queryRunner: QueryRunner): Promise<void> {
  const outlets = (await queryRunner.query('SELECT id, hours FROM outlet')) as Array<{ id: string; hours: string }>;
  const idsByMask = new Map<number, string[]>();
  for (const outlet of outlets) {
    const mask = openHoursMask(JSON.parse(outlet.hours) as OutletHours);
    let ids = idsByMask.get(mask);
    if (!ids) idsByMask.set(mask, (ids = []));
    ids.push(outlet.id);
  }
  for (const [mask, ids] of idsByMask) {
    for (let start = 0; start < ids.length; start += 500) {
      const chunk = ids.slice(start, start + 500);
      await queryRunner.query(`UPDATE outlet SET open_hours_mask = ? WHERE id IN (${chunk.map(() => '?').join(', ')})`, [mask, ...chunk]);
    }
  }
}

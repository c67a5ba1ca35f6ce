import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Written by hand: TypeORM does not model triggers. An open offer is always the current offer of an order that is
 * `offered` (docs/dispatch.md, "Invariants"). Offers left open by the reject/cancel race fixed with this migration
 * are withdrawn first. A later migration that rebuilds `service_order` or `dispatch_offer` (SQLite's way of
 * altering a table) drops these triggers and must create them again: api/test/database-invariants proves they exist.
 */
export class OpenOfferInvariant1796087960000 implements MigrationInterface {
  name = 'OpenOfferInvariant1796087960000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      "UPDATE \"dispatch_offer\" SET \"status\" = 'withdrawn', \"reason\" = '订单已不在派单中', \"responded_at\" = strftime('%Y-%m-%d %H:%M:%f', 'now') WHERE \"status\" = 'open' AND NOT EXISTS (SELECT 1 FROM \"service_order\" o WHERE o.\"id\" = \"dispatch_offer\".\"order_id\" AND o.\"status\" = 'offered' AND o.\"current_offer_id\" = \"dispatch_offer\".\"id\")",
    );
    await createOpenOfferTriggers(queryRunner);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await dropOpenOfferTriggers(queryRunner);
  }
}

/**
 * The triggers, created again by a later migration that rebuilds `service_order` or `dispatch_offer` (dropped first:
 * SQLite refuses to rename a table into place while a trigger names it).
 */
export async function createOpenOfferTriggers(queryRunner: QueryRunner): Promise<void> {
  await queryRunner.query(
    "CREATE TRIGGER \"service_order_open_offer_invariant\" BEFORE UPDATE OF \"status\", \"current_offer_id\" ON \"service_order\" WHEN EXISTS (SELECT 1 FROM \"dispatch_offer\" d WHERE d.\"order_id\" = NEW.\"id\" AND d.\"status\" = 'open' AND (NEW.\"status\" <> 'offered' OR NEW.\"current_offer_id\" IS NULL OR d.\"id\" <> NEW.\"current_offer_id\")) BEGIN SELECT RAISE(ABORT, 'open offer constraint: the order still has an open offer that is not its current one'); END",
  );
  for (const [name, event] of [['dispatch_offer_open_invariant_insert', 'INSERT'], ['dispatch_offer_open_invariant_update', 'UPDATE']]) {
    await queryRunner.query(
      `CREATE TRIGGER "${name}" BEFORE ${event} ON "dispatch_offer" WHEN NEW."status" = 'open' AND NOT EXISTS (SELECT 1 FROM "service_order" o WHERE o."id" = NEW."order_id" AND o."status" = 'offered' AND o."current_offer_id" = NEW."id") BEGIN SELECT RAISE(ABORT, 'open offer constraint: an open offer must be the current offer of an offered order'); END`,
    );
  }
}

export async function dropOpenOfferTriggers(queryRunner: QueryRunner): Promise<void> {
  await queryRunner.query('DROP TRIGGER "dispatch_offer_open_invariant_update"');
  await queryRunner.query('DROP TRIGGER "dispatch_offer_open_invariant_insert"');
  await queryRunner.query('DROP TRIGGER "service_order_open_offer_invariant"');
}

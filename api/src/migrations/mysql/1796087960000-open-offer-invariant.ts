import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Written by hand: TypeORM does not model triggers. An open offer is always the current offer of an order that is
 * `offered` (docs/dispatch.md, "Invariants"). Offers left open by the reject/cancel race fixed with this migration
 * are withdrawn first. The triggers read the other table with InnoDB's consistent read, so they catch code that
 * breaks the rule, not a race: that is what the order's version does. (Creating triggers with binary logging on
 * needs the TRIGGER privilege and log_bin_trust_function_creators or SUPER: see docs/operations.md.)
 */
export class OpenOfferInvariant1796087960000 implements MigrationInterface {
  name = 'OpenOfferInvariant1796087960000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      "UPDATE `dispatch_offer` d SET d.`status` = 'withdrawn', d.`reason` = '订单已不在派单中', d.`responded_at` = UTC_TIMESTAMP(3) WHERE d.`status` = 'open' AND NOT EXISTS (SELECT 1 FROM `service_order` o WHERE o.`id` = d.`order_id` AND o.`status` = 'offered' AND o.`current_offer_id` = d.`id`)",
    );
    await queryRunner.query(
      "CREATE TRIGGER `service_order_open_offer_invariant` BEFORE UPDATE ON `service_order` FOR EACH ROW BEGIN IF EXISTS (SELECT 1 FROM `dispatch_offer` d WHERE d.`order_id` = NEW.`id` AND d.`status` = 'open' AND (NEW.`status` <> 'offered' OR NEW.`current_offer_id` IS NULL OR d.`id` <> NEW.`current_offer_id`)) THEN SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'open offer constraint: the order still has an open offer that is not its current one'; END IF; END",
    );
    for (const [name, event] of [['dispatch_offer_open_invariant_insert', 'INSERT'], ['dispatch_offer_open_invariant_update', 'UPDATE']]) {
      await queryRunner.query(
        `CREATE TRIGGER \`${name}\` BEFORE ${event} ON \`dispatch_offer\` FOR EACH ROW BEGIN IF NEW.\`status\` = 'open' AND NOT EXISTS (SELECT 1 FROM \`service_order\` o WHERE o.\`id\` = NEW.\`order_id\` AND o.\`status\` = 'offered' AND o.\`current_offer_id\` = NEW.\`id\`) THEN SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'open offer constraint: an open offer must be the current offer of an offered order'; END IF; END`,
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TRIGGER `dispatch_offer_open_invariant_update`');
    await queryRunner.query('DROP TRIGGER `dispatch_offer_open_invariant_insert`');
    await queryRunner.query('DROP TRIGGER `service_order_open_offer_invariant`');
  }
}

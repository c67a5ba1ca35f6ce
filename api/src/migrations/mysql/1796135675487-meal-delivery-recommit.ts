import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Meal runs committed again: a stop keeps its history (primary key order + run, `live` with one live stop per order),
 * and the cut-off sweep commits without an account (run and dispatch order may have none).
 */
export class MealDeliveryRecommit1796135675487 implements MigrationInterface {
  name = 'MealDeliveryRecommit1796135675487';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `meal_delivery_stop` ADD `live` tinyint NULL");
    // Every stop written so far is where its order is delivered from.
    await queryRunner.query("UPDATE `meal_delivery_stop` SET `live` = 1");
    // One statement: the order's foreign key needs an index on meal_order_id at every moment.
    await queryRunner.query("ALTER TABLE `meal_delivery_stop` DROP PRIMARY KEY, ADD PRIMARY KEY (`meal_order_id`, `run_id`)");
    await queryRunner.query("ALTER TABLE `service_order` CHANGE `created_by_account_id` `created_by_account_id` varchar(36) NULL");
    await queryRunner.query("ALTER TABLE `meal_delivery_run` CHANGE `committed_by_account_id` `committed_by_account_id` varchar(36) NULL");
    await queryRunner.query("CREATE UNIQUE INDEX `uq_meal_delivery_stop_live` ON `meal_delivery_stop` (`meal_order_id`, `live`)");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX `uq_meal_delivery_stop_live` ON `meal_delivery_stop`");
    await queryRunner.query("ALTER TABLE `meal_delivery_run` CHANGE `committed_by_account_id` `committed_by_account_id` varchar(36) NOT NULL");
    await queryRunner.query("ALTER TABLE `service_order` CHANGE `created_by_account_id` `created_by_account_id` varchar(36) NOT NULL");
    // The history of cancelled runs has no place in the old shape: only live stops stay.
    await queryRunner.query("DELETE FROM `meal_delivery_stop` WHERE `live` IS NULL");
    await queryRunner.query("ALTER TABLE `meal_delivery_stop` DROP PRIMARY KEY, ADD PRIMARY KEY (`meal_order_id`)");
    await queryRunner.query("ALTER TABLE `meal_delivery_stop` DROP COLUMN `live`");
  }
}

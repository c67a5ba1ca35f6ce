import type { MigrationInterface, QueryRunner } from 'typeorm';

export class MealDeliveryPositions1796110708742 implements MigrationInterface {
  name = 'MealDeliveryPositions1796110708742';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `meal_order` ADD `delivery_latitude_e6` int NULL");
    await queryRunner.query("ALTER TABLE `meal_order` ADD `delivery_longitude_e6` int NULL");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `meal_order` DROP COLUMN `delivery_longitude_e6`");
    await queryRunner.query("ALTER TABLE `meal_order` DROP COLUMN `delivery_latitude_e6`");
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

export class BookingGroupSize1795714139593 implements MigrationInterface {
  name = 'BookingGroupSize1795714139593';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `booking` ADD `group_size` int NULL");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `booking` DROP COLUMN `group_size`");
  }
}

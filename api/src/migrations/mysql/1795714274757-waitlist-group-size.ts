import type { MigrationInterface, QueryRunner } from 'typeorm';

export class WaitlistGroupSize1795714274757 implements MigrationInterface {
  name = 'WaitlistGroupSize1795714274757';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `waitlist_entry` ADD `group_size` int NULL");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `waitlist_entry` DROP COLUMN `group_size`");
  }
}

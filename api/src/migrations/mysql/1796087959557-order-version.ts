import type { MigrationInterface, QueryRunner } from 'typeorm';

export class OrderVersion1796087959557 implements MigrationInterface {
  name = 'OrderVersion1796087959557';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `service_order` ADD `version` int NOT NULL DEFAULT '0'");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `service_order` DROP COLUMN `version`");
  }
}

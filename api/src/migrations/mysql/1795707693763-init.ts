import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Init1795707693763 implements MigrationInterface {
  name = 'Init1795707693763';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `centre` (`id` varchar(36) NOT NULL, `code` varchar(32) NOT NULL, `name` varchar(80) NOT NULL, `region_id` varchar(36) NOT NULL, `address` varchar(200) NOT NULL, `phone` varchar(32) NOT NULL, `opening_hours` varchar(100) NOT NULL, `latitude_e6` int NOT NULL, `longitude_e6` int NOT NULL, `created_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updated_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), INDEX `ix_centre_region` (`region_id`), UNIQUE INDEX `uq_centre_code` (`code`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `region` (`id` varchar(36) NOT NULL, `code` varchar(32) NOT NULL, `name` varchar(64) NOT NULL, `level` enum ('city', 'district', 'street', 'community') NOT NULL, `parent_id` varchar(36) NULL, `path` varchar(200) NOT NULL, `created_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updated_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), INDEX `ix_region_path` (`path`), INDEX `ix_region_parent` (`parent_id`), UNIQUE INDEX `uq_region_code` (`code`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("ALTER TABLE `centre` ADD CONSTRAINT `fk_centre_region` FOREIGN KEY (`region_id`) REFERENCES `region`(`id`) ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE `region` ADD CONSTRAINT `fk_region_parent` FOREIGN KEY (`parent_id`) REFERENCES `region`(`id`) ON DELETE RESTRICT ON UPDATE NO ACTION");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `region` DROP FOREIGN KEY `fk_region_parent`");
    await queryRunner.query("ALTER TABLE `centre` DROP FOREIGN KEY `fk_centre_region`");
    await queryRunner.query("DROP INDEX `uq_region_code` ON `region`");
    await queryRunner.query("DROP INDEX `ix_region_parent` ON `region`");
    await queryRunner.query("DROP INDEX `ix_region_path` ON `region`");
    await queryRunner.query("DROP TABLE `region`");
    await queryRunner.query("DROP INDEX `uq_centre_code` ON `centre`");
    await queryRunner.query("DROP INDEX `ix_centre_region` ON `centre`");
    await queryRunner.query("DROP TABLE `centre`");
  }
}

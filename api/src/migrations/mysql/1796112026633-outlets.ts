import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Outlets1796112026633 implements MigrationInterface {
  name = 'Outlets1796112026633';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `outlet` (`id` varchar(36) NOT NULL, `name` varchar(80) NOT NULL, `kind` enum ('canteen', 'vegetable_shop', 'market', 'supermarket', 'grocery', 'breakfast', 'hair_beauty', 'repair', 'recycling', 'housekeeping', 'post', 'bank', 'telecom', 'utility_payment', 'pharmacy', 'health_station') NOT NULL, `region_id` varchar(36) NOT NULL, `address` varchar(200) NOT NULL, `latitude_e6` int NOT NULL, `longitude_e6` int NOT NULL, `cell` int NOT NULL, `phone` varchar(32) NOT NULL, `hours` text NOT NULL, `services` text NOT NULL, `photo_urls` text NOT NULL, `elder_features` text NOT NULL, `verified_on` varchar(10) NULL, `created_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updated_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), INDEX `ix_outlet_region` (`region_id`), INDEX `ix_outlet_cell_kind` (`cell`, `kind`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `outlet_report` (`id` varchar(36) NOT NULL, `outlet_id` varchar(36) NOT NULL, `outlet_source` enum ('directory', 'meal_point') NOT NULL, `outlet_name` varchar(80) NOT NULL, `region_id` varchar(36) NOT NULL, `reason` enum ('closed_for_good', 'wrong_hours', 'wrong_phone', 'wrong_address', 'other') NOT NULL, `note` varchar(200) NOT NULL, `reporter_account_id` varchar(36) NOT NULL, `status` enum ('open', 'resolved') NOT NULL DEFAULT 'open', `created_at` datetime(3) NOT NULL, `resolved_at` datetime NULL, `resolution` varchar(200) NULL, INDEX `ix_outlet_report_region_status` (`region_id`, `status`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("ALTER TABLE `outlet` ADD CONSTRAINT `fk_outlet_region` FOREIGN KEY (`region_id`) REFERENCES `region`(`id`) ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE `outlet_report` ADD CONSTRAINT `fk_outlet_report_region` FOREIGN KEY (`region_id`) REFERENCES `region`(`id`) ON DELETE RESTRICT ON UPDATE NO ACTION");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `outlet_report` DROP FOREIGN KEY `fk_outlet_report_region`");
    await queryRunner.query("ALTER TABLE `outlet` DROP FOREIGN KEY `fk_outlet_region`");
    await queryRunner.query("DROP INDEX `ix_outlet_report_region_status` ON `outlet_report`");
    await queryRunner.query("DROP TABLE `outlet_report`");
    await queryRunner.query("DROP INDEX `ix_outlet_cell_kind` ON `outlet`");
    await queryRunner.query("DROP INDEX `ix_outlet_region` ON `outlet`");
    await queryRunner.query("DROP TABLE `outlet`");
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

export class HomeOrders1795712329369 implements MigrationInterface {
  name = 'HomeOrders1795712329369';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `service_order` (`id` varchar(36) NOT NULL, `kind` enum ('home_service') NOT NULL, `status` enum ('pending_dispatch', 'cancelled') NOT NULL, `centre_service_id` varchar(36) NOT NULL, `resident_id` varchar(36) NOT NULL, `region_path` varchar(200) NOT NULL, `address` varchar(200) NOT NULL, `window_starts_at` datetime(3) NOT NULL, `window_ends_at` datetime(3) NOT NULL, `description` varchar(500) NOT NULL, `created_by_account_id` varchar(36) NOT NULL, `created_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX `ix_service_order_status_region` (`status`, `region_path`), INDEX `ix_service_order_resident` (`resident_id`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("ALTER TABLE `service_order` ADD CONSTRAINT `fk_service_order_centre_service` FOREIGN KEY (`centre_service_id`) REFERENCES `centre_service`(`id`) ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE `service_order` ADD CONSTRAINT `fk_service_order_resident` FOREIGN KEY (`resident_id`) REFERENCES `resident`(`id`) ON DELETE RESTRICT ON UPDATE NO ACTION");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `service_order` DROP FOREIGN KEY `fk_service_order_resident`");
    await queryRunner.query("ALTER TABLE `service_order` DROP FOREIGN KEY `fk_service_order_centre_service`");
    await queryRunner.query("DROP INDEX `ix_service_order_resident` ON `service_order`");
    await queryRunner.query("DROP INDEX `ix_service_order_status_region` ON `service_order`");
    await queryRunner.query("DROP TABLE `service_order`");
  }
}

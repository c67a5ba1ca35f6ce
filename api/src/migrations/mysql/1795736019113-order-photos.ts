import type { MigrationInterface, QueryRunner } from 'typeorm';

export class OrderPhotos1795736019113 implements MigrationInterface {
  name = 'OrderPhotos1795736019113';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `order_photo` (`id` varchar(36) NOT NULL, `order_id` varchar(36) NOT NULL, `worker_id` varchar(36) NOT NULL, `content_type` enum ('image/jpeg', 'image/png') NOT NULL, `size_bytes` int NOT NULL, `created_at` datetime(3) NOT NULL, INDEX `ix_order_photo_order` (`order_id`, `created_at`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("ALTER TABLE `service_order` ADD `photo_count` int NOT NULL DEFAULT '0'");
    await queryRunner.query("ALTER TABLE `service_order` CHANGE `created_at` `created_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(6)");
    await queryRunner.query("ALTER TABLE `service_order` CHANGE `updated_at` `updated_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6)");
    await queryRunner.query("ALTER TABLE `order_photo` ADD CONSTRAINT `fk_order_photo_order` FOREIGN KEY (`order_id`) REFERENCES `service_order`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `order_photo` DROP FOREIGN KEY `fk_order_photo_order`");
    await queryRunner.query("ALTER TABLE `service_order` CHANGE `updated_at` `updated_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3)");
    await queryRunner.query("ALTER TABLE `service_order` CHANGE `created_at` `created_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3)");
    await queryRunner.query("ALTER TABLE `service_order` DROP COLUMN `photo_count`");
    await queryRunner.query("DROP INDEX `ix_order_photo_order` ON `order_photo`");
    await queryRunner.query("DROP TABLE `order_photo`");
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Catalogue1795711060873 implements MigrationInterface {
  name = 'Catalogue1795711060873';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `service_category` (`id` varchar(36) NOT NULL, `code` varchar(40) NOT NULL, `name` varchar(40) NOT NULL, `sort_order` int NOT NULL, UNIQUE INDEX `uq_service_category_code` (`code`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `community_service` (`id` varchar(36) NOT NULL, `code` varchar(40) NOT NULL, `category_id` varchar(36) NOT NULL, `name` varchar(40) NOT NULL, `mode` enum ('visit', 'venue', 'class', 'home') NOT NULL, `needs_review` tinyint NOT NULL, `description` varchar(500) NOT NULL, `materials` json NOT NULL, `min_age` int NULL, `max_active_bookings_per_person` int NOT NULL, `sort_order` int NOT NULL, INDEX `ix_community_service_category` (`category_id`), UNIQUE INDEX `uq_community_service_code` (`code`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `centre_service` (`id` varchar(36) NOT NULL, `centre_id` varchar(36) NOT NULL, `service_id` varchar(36) NOT NULL, `enabled` tinyint NOT NULL, `notes` varchar(200) NULL, `updated_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), INDEX `ix_centre_service_service` (`service_id`), UNIQUE INDEX `uq_centre_service_pair` (`centre_id`, `service_id`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("ALTER TABLE `community_service` ADD CONSTRAINT `fk_community_service_category` FOREIGN KEY (`category_id`) REFERENCES `service_category`(`id`) ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE `centre_service` ADD CONSTRAINT `fk_centre_service_centre` FOREIGN KEY (`centre_id`) REFERENCES `centre`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE `centre_service` ADD CONSTRAINT `fk_centre_service_service` FOREIGN KEY (`service_id`) REFERENCES `community_service`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `centre_service` DROP FOREIGN KEY `fk_centre_service_service`");
    await queryRunner.query("ALTER TABLE `centre_service` DROP FOREIGN KEY `fk_centre_service_centre`");
    await queryRunner.query("ALTER TABLE `community_service` DROP FOREIGN KEY `fk_community_service_category`");
    await queryRunner.query("DROP INDEX `uq_centre_service_pair` ON `centre_service`");
    await queryRunner.query("DROP INDEX `ix_centre_service_service` ON `centre_service`");
    await queryRunner.query("DROP TABLE `centre_service`");
    await queryRunner.query("DROP INDEX `uq_community_service_code` ON `community_service`");
    await queryRunner.query("DROP INDEX `ix_community_service_category` ON `community_service`");
    await queryRunner.query("DROP TABLE `community_service`");
    await queryRunner.query("DROP INDEX `uq_service_category_code` ON `service_category`");
    await queryRunner.query("DROP TABLE `service_category`");
  }
}

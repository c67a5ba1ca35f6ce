import type { MigrationInterface, QueryRunner } from 'typeorm';

export class MealDeliveryRuns1796109495967 implements MigrationInterface {
  name = 'MealDeliveryRuns1796109495967';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `meal_delivery_run` (`id` varchar(36) NOT NULL, `meal_point_id` varchar(36) NOT NULL, `meal_date` varchar(10) NOT NULL, `meal_kind` enum ('breakfast', 'lunch', 'dinner') NOT NULL, `run_number` int NOT NULL, `area_id` varchar(36) NULL, `service_order_id` varchar(36) NOT NULL, `committed_by_account_id` varchar(36) NOT NULL, `created_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), UNIQUE INDEX `uq_meal_delivery_run_order` (`service_order_id`), UNIQUE INDEX `uq_meal_delivery_run_number` (`meal_point_id`, `meal_date`, `meal_kind`, `run_number`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `meal_delivery_stop` (`meal_order_id` varchar(36) NOT NULL, `run_id` varchar(36) NOT NULL, `sequence` int NOT NULL, UNIQUE INDEX `uq_meal_delivery_stop_sequence` (`run_id`, `sequence`), PRIMARY KEY (`meal_order_id`)) ENGINE=InnoDB");
    await queryRunner.query("ALTER TABLE `meal_order` ADD `delivery_note` varchar(100) NULL");
    await queryRunner.query("ALTER TABLE `service_order` DROP FOREIGN KEY `fk_service_order_centre_service`");
    await queryRunner.query("ALTER TABLE `service_order` DROP FOREIGN KEY `fk_service_order_resident`");
    await queryRunner.query("ALTER TABLE `service_order` CHANGE `kind` `kind` enum ('home_service', 'meal_delivery') NOT NULL");
    await queryRunner.query("ALTER TABLE `service_order` CHANGE `centre_service_id` `centre_service_id` varchar(36) NULL");
    await queryRunner.query("ALTER TABLE `service_order` CHANGE `service_id` `service_id` varchar(36) NULL");
    await queryRunner.query("ALTER TABLE `service_order` CHANGE `resident_id` `resident_id` varchar(36) NULL");
    await queryRunner.query("ALTER TABLE `service_order` ADD CONSTRAINT `fk_service_order_centre_service` FOREIGN KEY (`centre_service_id`) REFERENCES `centre_service`(`id`) ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE `service_order` ADD CONSTRAINT `fk_service_order_resident` FOREIGN KEY (`resident_id`) REFERENCES `resident`(`id`) ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE `meal_delivery_run` ADD CONSTRAINT `fk_meal_delivery_run_point` FOREIGN KEY (`meal_point_id`) REFERENCES `meal_point`(`id`) ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE `meal_delivery_run` ADD CONSTRAINT `fk_meal_delivery_run_area` FOREIGN KEY (`area_id`) REFERENCES `region`(`id`) ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE `meal_delivery_run` ADD CONSTRAINT `fk_meal_delivery_run_order` FOREIGN KEY (`service_order_id`) REFERENCES `service_order`(`id`) ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE `meal_delivery_stop` ADD CONSTRAINT `fk_meal_delivery_stop_order` FOREIGN KEY (`meal_order_id`) REFERENCES `meal_order`(`id`) ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE `meal_delivery_stop` ADD CONSTRAINT `fk_meal_delivery_stop_run` FOREIGN KEY (`run_id`) REFERENCES `meal_delivery_run`(`id`) ON DELETE RESTRICT ON UPDATE NO ACTION");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `meal_delivery_stop` DROP FOREIGN KEY `fk_meal_delivery_stop_run`");
    await queryRunner.query("ALTER TABLE `meal_delivery_stop` DROP FOREIGN KEY `fk_meal_delivery_stop_order`");
    await queryRunner.query("ALTER TABLE `meal_delivery_run` DROP FOREIGN KEY `fk_meal_delivery_run_order`");
    await queryRunner.query("ALTER TABLE `meal_delivery_run` DROP FOREIGN KEY `fk_meal_delivery_run_area`");
    await queryRunner.query("ALTER TABLE `meal_delivery_run` DROP FOREIGN KEY `fk_meal_delivery_run_point`");
    await queryRunner.query("ALTER TABLE `service_order` DROP FOREIGN KEY `fk_service_order_resident`");
    await queryRunner.query("ALTER TABLE `service_order` DROP FOREIGN KEY `fk_service_order_centre_service`");
    await queryRunner.query("ALTER TABLE `service_order` CHANGE `resident_id` `resident_id` varchar(36) NOT NULL");
    await queryRunner.query("ALTER TABLE `service_order` CHANGE `service_id` `service_id` varchar(36) NOT NULL");
    await queryRunner.query("ALTER TABLE `service_order` CHANGE `centre_service_id` `centre_service_id` varchar(36) NOT NULL");
    await queryRunner.query("ALTER TABLE `service_order` CHANGE `kind` `kind` enum ('home_service') NOT NULL");
    await queryRunner.query("ALTER TABLE `service_order` ADD CONSTRAINT `fk_service_order_resident` FOREIGN KEY (`resident_id`) REFERENCES `resident`(`id`) ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE `service_order` ADD CONSTRAINT `fk_service_order_centre_service` FOREIGN KEY (`centre_service_id`) REFERENCES `centre_service`(`id`) ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE `meal_order` DROP COLUMN `delivery_note`");
    await queryRunner.query("DROP INDEX `uq_meal_delivery_stop_sequence` ON `meal_delivery_stop`");
    await queryRunner.query("DROP TABLE `meal_delivery_stop`");
    await queryRunner.query("DROP INDEX `uq_meal_delivery_run_number` ON `meal_delivery_run`");
    await queryRunner.query("DROP INDEX `uq_meal_delivery_run_order` ON `meal_delivery_run`");
    await queryRunner.query("DROP TABLE `meal_delivery_run`");
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Appointments1795711443498 implements MigrationInterface {
  name = 'Appointments1795711443498';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `slot` (`id` varchar(36) NOT NULL, `centre_service_id` varchar(36) NOT NULL, `starts_at` datetime(3) NOT NULL, `ends_at` datetime(3) NOT NULL, `capacity` int NOT NULL, `booked` int NOT NULL DEFAULT '0', UNIQUE INDEX `uq_slot_start` (`centre_service_id`, `starts_at`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `booking` (`id` varchar(36) NOT NULL, `slot_id` varchar(36) NOT NULL, `centre_service_id` varchar(36) NOT NULL, `resident_id` varchar(36) NOT NULL, `active_resident_id` varchar(36) NULL, `status` enum ('pending_review', 'confirmed', 'checked_in', 'completed', 'cancelled', 'rejected', 'no_show') NOT NULL, `booked_by_account_id` varchar(36) NOT NULL, `created_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updated_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), INDEX `ix_booking_centre_service` (`centre_service_id`, `status`), INDEX `ix_booking_resident` (`resident_id`), UNIQUE INDEX `uq_booking_active_person_slot` (`slot_id`, `active_resident_id`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `calendar_day` (`date` varchar(10) NOT NULL, `kind` enum ('holiday', 'workday') NOT NULL, `name` varchar(40) NOT NULL, `works_as` int NULL, PRIMARY KEY (`date`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `date_exception` (`id` varchar(36) NOT NULL, `centre_service_id` varchar(36) NOT NULL, `date` varchar(10) NOT NULL, `kind` enum ('closed', 'open') NOT NULL, `ranges` json NULL, `slot_minutes` int NULL, `seats` int NULL, `reason` varchar(100) NOT NULL, UNIQUE INDEX `uq_date_exception_date` (`centre_service_id`, `date`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `idempotency_record` (`account_id` varchar(36) NOT NULL, `idempotency_key` varchar(100) NOT NULL, `request_hash` varchar(64) NOT NULL, `response_body` json NOT NULL, `created_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), PRIMARY KEY (`account_id`, `idempotency_key`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `opening_rule` (`id` varchar(36) NOT NULL, `centre_service_id` varchar(36) NOT NULL, `weekday` int NOT NULL, `ranges` json NOT NULL, `slot_minutes` int NOT NULL, `seats` int NOT NULL, UNIQUE INDEX `uq_opening_rule_weekday` (`centre_service_id`, `weekday`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("ALTER TABLE `centre_service` ADD `booking_window_days` int NOT NULL DEFAULT '14'");
    await queryRunner.query("ALTER TABLE `centre_service` ADD `min_notice_minutes` int NOT NULL DEFAULT '120'");
    await queryRunner.query("ALTER TABLE `centre_service` ADD `cancel_cutoff_minutes` int NOT NULL DEFAULT '120'");
    await queryRunner.query("ALTER TABLE `slot` ADD CONSTRAINT `fk_slot_centre_service` FOREIGN KEY (`centre_service_id`) REFERENCES `centre_service`(`id`) ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE `booking` ADD CONSTRAINT `fk_booking_slot` FOREIGN KEY (`slot_id`) REFERENCES `slot`(`id`) ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE `booking` ADD CONSTRAINT `fk_booking_resident` FOREIGN KEY (`resident_id`) REFERENCES `resident`(`id`) ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE `date_exception` ADD CONSTRAINT `fk_date_exception_centre_service` FOREIGN KEY (`centre_service_id`) REFERENCES `centre_service`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE `opening_rule` ADD CONSTRAINT `fk_opening_rule_centre_service` FOREIGN KEY (`centre_service_id`) REFERENCES `centre_service`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `opening_rule` DROP FOREIGN KEY `fk_opening_rule_centre_service`");
    await queryRunner.query("ALTER TABLE `date_exception` DROP FOREIGN KEY `fk_date_exception_centre_service`");
    await queryRunner.query("ALTER TABLE `booking` DROP FOREIGN KEY `fk_booking_resident`");
    await queryRunner.query("ALTER TABLE `booking` DROP FOREIGN KEY `fk_booking_slot`");
    await queryRunner.query("ALTER TABLE `slot` DROP FOREIGN KEY `fk_slot_centre_service`");
    await queryRunner.query("ALTER TABLE `centre_service` DROP COLUMN `cancel_cutoff_minutes`");
    await queryRunner.query("ALTER TABLE `centre_service` DROP COLUMN `min_notice_minutes`");
    await queryRunner.query("ALTER TABLE `centre_service` DROP COLUMN `booking_window_days`");
    await queryRunner.query("DROP INDEX `uq_opening_rule_weekday` ON `opening_rule`");
    await queryRunner.query("DROP TABLE `opening_rule`");
    await queryRunner.query("DROP TABLE `idempotency_record`");
    await queryRunner.query("DROP INDEX `uq_date_exception_date` ON `date_exception`");
    await queryRunner.query("DROP TABLE `date_exception`");
    await queryRunner.query("DROP TABLE `calendar_day`");
    await queryRunner.query("DROP INDEX `uq_booking_active_person_slot` ON `booking`");
    await queryRunner.query("DROP INDEX `ix_booking_resident` ON `booking`");
    await queryRunner.query("DROP INDEX `ix_booking_centre_service` ON `booking`");
    await queryRunner.query("DROP TABLE `booking`");
    await queryRunner.query("DROP INDEX `uq_slot_start` ON `slot`");
    await queryRunner.query("DROP TABLE `slot`");
  }
}

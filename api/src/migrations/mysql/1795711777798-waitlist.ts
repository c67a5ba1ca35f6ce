import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Waitlist1795711777798 implements MigrationInterface {
  name = 'Waitlist1795711777798';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `waitlist_entry` (`id` varchar(36) NOT NULL, `slot_id` varchar(36) NOT NULL, `resident_id` varchar(36) NOT NULL, `active_resident_id` varchar(36) NULL, `status` enum ('waiting', 'promoted', 'left') NOT NULL, `joined_by_account_id` varchar(36) NOT NULL, `joined_at` datetime(3) NOT NULL, `booking_id` varchar(36) NULL, INDEX `ix_waitlist_resident` (`resident_id`), INDEX `ix_waitlist_slot_queue` (`slot_id`, `status`, `joined_at`), UNIQUE INDEX `uq_waitlist_active_person_slot` (`slot_id`, `active_resident_id`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `outbox_message` (`id` varchar(36) NOT NULL, `topic` varchar(64) NOT NULL, `payload` json NOT NULL, `created_at` datetime(3) NOT NULL, `delivered_at` datetime(3) NULL, INDEX `ix_outbox_pending` (`delivered_at`, `created_at`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("ALTER TABLE `waitlist_entry` ADD CONSTRAINT `fk_waitlist_slot` FOREIGN KEY (`slot_id`) REFERENCES `slot`(`id`) ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE `waitlist_entry` ADD CONSTRAINT `fk_waitlist_resident` FOREIGN KEY (`resident_id`) REFERENCES `resident`(`id`) ON DELETE RESTRICT ON UPDATE NO ACTION");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `waitlist_entry` DROP FOREIGN KEY `fk_waitlist_resident`");
    await queryRunner.query("ALTER TABLE `waitlist_entry` DROP FOREIGN KEY `fk_waitlist_slot`");
    await queryRunner.query("DROP INDEX `ix_outbox_pending` ON `outbox_message`");
    await queryRunner.query("DROP TABLE `outbox_message`");
    await queryRunner.query("DROP INDEX `uq_waitlist_active_person_slot` ON `waitlist_entry`");
    await queryRunner.query("DROP INDEX `ix_waitlist_slot_queue` ON `waitlist_entry`");
    await queryRunner.query("DROP INDEX `ix_waitlist_resident` ON `waitlist_entry`");
    await queryRunner.query("DROP TABLE `waitlist_entry`");
  }
}

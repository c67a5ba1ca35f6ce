import type { MigrationInterface, QueryRunner } from 'typeorm';

export class NotificationRelayInbox1796135894152 implements MigrationInterface {
  name = 'NotificationRelayInbox1796135894152';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX `ix_outbox_pending` ON `outbox_message`");
    await queryRunner.query("CREATE TABLE `inbox_message` (`id` varchar(36) NOT NULL, `account_id` varchar(36) NOT NULL, `source_message_id` varchar(36) NOT NULL, `topic` varchar(64) NOT NULL, `title` varchar(40) NOT NULL, `body` varchar(300) NOT NULL, `created_at` datetime(3) NOT NULL, `read_at` datetime(3) NULL, INDEX `ix_inbox_message_created` (`created_at`), INDEX `ix_inbox_message_account` (`account_id`, `created_at`), UNIQUE INDEX `uq_inbox_message_source` (`source_message_id`, `account_id`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `notification_delivery` (`id` varchar(36) NOT NULL, `message_id` varchar(36) NOT NULL, `recipient_account_id` varchar(36) NOT NULL, `channel` varchar(16) NOT NULL, `outcome` enum ('sent', 'refused') NOT NULL, `delivered_at` datetime(3) NOT NULL, UNIQUE INDEX `uq_notification_delivery` (`message_id`, `recipient_account_id`, `channel`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("ALTER TABLE `outbox_message` ADD `state` enum ('pending', 'done', 'dead') NOT NULL DEFAULT 'pending'");
    await queryRunner.query("ALTER TABLE `outbox_message` ADD `available_at` datetime(3) NULL");
    // Messages written before the relay existed are stale (an order long finished, a seat long used): kept as done, never sent.
    await queryRunner.query("UPDATE `outbox_message` SET `available_at` = `created_at`, `state` = 'done'");
    await queryRunner.query("ALTER TABLE `outbox_message` MODIFY `available_at` datetime(3) NOT NULL");
    await queryRunner.query("ALTER TABLE `outbox_message` ADD `attempts` int NOT NULL DEFAULT '0'");
    await queryRunner.query("ALTER TABLE `outbox_message` ADD `claim_token` varchar(36) NULL");
    await queryRunner.query("ALTER TABLE `outbox_message` ADD `lease_until` datetime(3) NULL");
    await queryRunner.query("ALTER TABLE `outbox_message` ADD `last_error` varchar(500) NULL");
    await queryRunner.query("ALTER TABLE `outbox_message` ADD `schedule_key` varchar(100) NULL");
    await queryRunner.query("CREATE UNIQUE INDEX `uq_outbox_schedule_key` ON `outbox_message` (`schedule_key`)");
    await queryRunner.query("CREATE INDEX `ix_outbox_due` ON `outbox_message` (`state`, `available_at`)");
    await queryRunner.query("ALTER TABLE `inbox_message` ADD CONSTRAINT `fk_inbox_message_account` FOREIGN KEY (`account_id`) REFERENCES `account`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE `notification_delivery` ADD CONSTRAINT `fk_notification_delivery_message` FOREIGN KEY (`message_id`) REFERENCES `outbox_message`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `notification_delivery` DROP FOREIGN KEY `fk_notification_delivery_message`");
    await queryRunner.query("ALTER TABLE `inbox_message` DROP FOREIGN KEY `fk_inbox_message_account`");
    await queryRunner.query("DROP INDEX `ix_outbox_due` ON `outbox_message`");
    await queryRunner.query("DROP INDEX `uq_outbox_schedule_key` ON `outbox_message`");
    await queryRunner.query("ALTER TABLE `outbox_message` DROP COLUMN `schedule_key`");
    await queryRunner.query("ALTER TABLE `outbox_message` DROP COLUMN `last_error`");
    await queryRunner.query("ALTER TABLE `outbox_message` DROP COLUMN `lease_until`");
    await queryRunner.query("ALTER TABLE `outbox_message` DROP COLUMN `claim_token`");
    await queryRunner.query("ALTER TABLE `outbox_message` DROP COLUMN `attempts`");
    await queryRunner.query("ALTER TABLE `outbox_message` DROP COLUMN `available_at`");
    await queryRunner.query("ALTER TABLE `outbox_message` DROP COLUMN `state`");
    await queryRunner.query("DROP INDEX `uq_notification_delivery` ON `notification_delivery`");
    await queryRunner.query("DROP TABLE `notification_delivery`");
    await queryRunner.query("DROP INDEX `uq_inbox_message_source` ON `inbox_message`");
    await queryRunner.query("DROP INDEX `ix_inbox_message_account` ON `inbox_message`");
    await queryRunner.query("DROP INDEX `ix_inbox_message_created` ON `inbox_message`");
    await queryRunner.query("DROP TABLE `inbox_message`");
    await queryRunner.query("CREATE INDEX `ix_outbox_pending` ON `outbox_message` (`delivered_at`, `created_at`)");
  }
}

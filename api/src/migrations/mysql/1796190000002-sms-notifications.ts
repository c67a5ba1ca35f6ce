import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Residents' SMS opt-in, and `notification_delivery.recipient_id` (was recipient_account_id): an SMS is recorded per
 * resident (decision 0020). The column is renamed in place (CHANGE keeps it in uq_notification_delivery, which the
 * message foreign key needs and so cannot be dropped).
 */
export class SmsNotifications1796190000002 implements MigrationInterface {
  name = 'SmsNotifications1796190000002';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `resident` ADD `sms_notifications` tinyint NOT NULL DEFAULT 0");
    await queryRunner.query("ALTER TABLE `notification_delivery` CHANGE `recipient_account_id` `recipient_id` varchar(36) NOT NULL");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `notification_delivery` CHANGE `recipient_id` `recipient_account_id` varchar(36) NOT NULL");
    await queryRunner.query("ALTER TABLE `resident` DROP COLUMN `sms_notifications`");
  }
}

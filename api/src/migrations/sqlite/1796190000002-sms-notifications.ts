import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Residents' SMS opt-in, and `notification_delivery.recipient_id` (was recipient_account_id): an SMS is recorded per
 * resident (decision 0020). Written with ADD / RENAME COLUMN rather than the generator's table copy: `resident` is
 * referenced by a dozen tables, and SQLite renames the column inside the unique index too.
 */
export class SmsNotifications1796190000002 implements MigrationInterface {
  name = 'SmsNotifications1796190000002';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "resident" ADD COLUMN "sms_notifications" boolean NOT NULL DEFAULT (0)');
    await queryRunner.query('ALTER TABLE "notification_delivery" RENAME COLUMN "recipient_account_id" TO "recipient_id"');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "notification_delivery" RENAME COLUMN "recipient_id" TO "recipient_account_id"');
    await queryRunner.query('ALTER TABLE "resident" DROP COLUMN "sms_notifications"');
  }
}

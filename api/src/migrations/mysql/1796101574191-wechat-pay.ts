import type { MigrationInterface, QueryRunner } from 'typeorm';

export class WechatPay1796101574191 implements MigrationInterface {
  name = 'WechatPay1796101574191';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `wechat_payment` (`id` varchar(36) NOT NULL, `subject_id` varchar(36) NOT NULL, `out_trade_no` varchar(32) NOT NULL, `amount_fen` int NOT NULL, `payer_openid` varchar(64) NOT NULL, `description` varchar(127) NOT NULL, `expires_at` datetime(3) NOT NULL, `status` enum ('created', 'prepaid', 'paid', 'closed') NOT NULL, `prepay_id` varchar(64) NULL, `prepaid_at` datetime(3) NULL, `transaction_id` varchar(32) NULL, `paid_fen` int NOT NULL DEFAULT '0', `paid_at` datetime(3) NULL, `created_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updated_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), INDEX `ix_wechat_payment_status` (`status`, `created_at`), UNIQUE INDEX `uq_wechat_payment_out_trade_no` (`out_trade_no`), UNIQUE INDEX `uq_wechat_payment_subject` (`subject_id`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `wechat_refund` (`id` varchar(36) NOT NULL, `payment_id` varchar(36) NOT NULL, `out_refund_no` varchar(64) NOT NULL, `amount_fen` int NOT NULL, `reason` varchar(80) NOT NULL, `status` enum ('requested', 'processing', 'succeeded', 'failed') NOT NULL, `refund_id` varchar(32) NULL, `attempts` int NOT NULL DEFAULT '0', `next_attempt_at` datetime(3) NOT NULL, `last_error` varchar(40) NULL, `created_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updated_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), INDEX `ix_wechat_refund_due` (`status`, `next_attempt_at`), UNIQUE INDEX `uq_wechat_refund_out_refund_no` (`out_refund_no`), UNIQUE INDEX `uq_wechat_refund_payment` (`payment_id`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("ALTER TABLE `meal_order` CHANGE `payment_method` `payment_method` enum ('at_pickup', 'balance', 'wechat_pay') NOT NULL");
    await queryRunner.query("ALTER TABLE `wechat_refund` ADD CONSTRAINT `fk_wechat_refund_payment` FOREIGN KEY (`payment_id`) REFERENCES `wechat_payment`(`id`) ON DELETE RESTRICT ON UPDATE NO ACTION");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `wechat_refund` DROP FOREIGN KEY `fk_wechat_refund_payment`");
    await queryRunner.query("ALTER TABLE `meal_order` CHANGE `payment_method` `payment_method` enum ('at_pickup', 'balance') NOT NULL");
    await queryRunner.query("DROP INDEX `uq_wechat_refund_payment` ON `wechat_refund`");
    await queryRunner.query("DROP INDEX `uq_wechat_refund_out_refund_no` ON `wechat_refund`");
    await queryRunner.query("DROP INDEX `ix_wechat_refund_due` ON `wechat_refund`");
    await queryRunner.query("DROP TABLE `wechat_refund`");
    await queryRunner.query("DROP INDEX `uq_wechat_payment_subject` ON `wechat_payment`");
    await queryRunner.query("DROP INDEX `uq_wechat_payment_out_trade_no` ON `wechat_payment`");
    await queryRunner.query("DROP INDEX `ix_wechat_payment_status` ON `wechat_payment`");
    await queryRunner.query("DROP TABLE `wechat_payment`");
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

export class WechatPayPartialRefundsTopUps1796112800000 implements MigrationInterface {
  name = 'WechatPayPartialRefundsTopUps1796112800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // The new index first: the foreign key on payment_id needs one at every moment (MariaDB refuses to drop the last).
    await queryRunner.query("CREATE INDEX `ix_wechat_refund_payment` ON `wechat_refund` (`payment_id`)");
    await queryRunner.query("DROP INDEX `uq_wechat_refund_payment` ON `wechat_refund`");
    await queryRunner.query("CREATE TABLE `meal_balance_top_up` (`id` varchar(36) NOT NULL, `resident_id` varchar(36) NOT NULL, `amount_fen` int NOT NULL, `status` enum ('awaiting_payment', 'credited') NOT NULL, `requested_by_account_id` varchar(36) NOT NULL, `created_at` datetime(3) NOT NULL, `credited_at` datetime(3) NULL, INDEX `ix_meal_balance_top_up_resident` (`resident_id`, `created_at`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("ALTER TABLE `wechat_payment` ADD `subject_kind` enum ('meal_order', 'meal_balance_top_up') NOT NULL DEFAULT 'meal_order'");
    await queryRunner.query("ALTER TABLE `wechat_refund` ADD `kind` enum ('remainder', 'partial') NOT NULL DEFAULT 'remainder'");
    await queryRunner.query("ALTER TABLE `meal_balance_entry` CHANGE `method` `method` enum ('cash', 'transfer', 'wechat_pay') NULL");
    await queryRunner.query("ALTER TABLE `meal_balance_top_up` ADD CONSTRAINT `fk_meal_balance_top_up_resident` FOREIGN KEY (`resident_id`) REFERENCES `resident`(`id`) ON DELETE RESTRICT ON UPDATE NO ACTION");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE UNIQUE INDEX `uq_wechat_refund_payment` ON `wechat_refund` (`payment_id`)");
    await queryRunner.query("DROP INDEX `ix_wechat_refund_payment` ON `wechat_refund`");
    await queryRunner.query("ALTER TABLE `meal_balance_top_up` DROP FOREIGN KEY `fk_meal_balance_top_up_resident`");
    await queryRunner.query("ALTER TABLE `meal_balance_entry` CHANGE `method` `method` enum ('cash', 'transfer') NULL");
    await queryRunner.query("ALTER TABLE `wechat_refund` DROP COLUMN `kind`");
    await queryRunner.query("ALTER TABLE `wechat_payment` DROP COLUMN `subject_kind`");
    await queryRunner.query("DROP INDEX `ix_meal_balance_top_up_resident` ON `meal_balance_top_up`");
    await queryRunner.query("DROP TABLE `meal_balance_top_up`");
  }
}

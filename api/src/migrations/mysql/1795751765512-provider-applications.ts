import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ProviderApplications1795751765512 implements MigrationInterface {
  name = 'ProviderApplications1795751765512';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `provider` ADD `kind` enum ('housekeeping', 'repair', 'care', 'meal', 'volunteer') NOT NULL DEFAULT 'housekeeping'");
    await queryRunner.query("ALTER TABLE `provider` ADD `decision_reason` varchar(200) NULL");
    await queryRunner.query("ALTER TABLE `provider` ADD `contact_name` varchar(32) NULL");
    await queryRunner.query("ALTER TABLE `provider` ADD `contact_phone_cipher` varchar(200) NULL");
    await queryRunner.query("ALTER TABLE `provider` ADD `credit_code` varchar(18) NULL");
    await queryRunner.query("ALTER TABLE `provider` ADD `applicant_account_id` varchar(36) NULL");
    await queryRunner.query("ALTER TABLE `provider` ADD `pending_applicant_id` varchar(36) NULL");
    await queryRunner.query("ALTER TABLE `provider` CHANGE `status` `status` enum ('pending', 'active', 'suspended', 'rejected') NOT NULL DEFAULT 'active'");
    await queryRunner.query("CREATE UNIQUE INDEX `uq_provider_pending_applicant` ON `provider` (`pending_applicant_id`)");
    await queryRunner.query("ALTER TABLE `provider` ADD CONSTRAINT `fk_provider_applicant` FOREIGN KEY (`applicant_account_id`) REFERENCES `account`(`id`) ON DELETE SET NULL ON UPDATE NO ACTION");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `provider` DROP FOREIGN KEY `fk_provider_applicant`");
    await queryRunner.query("DROP INDEX `uq_provider_pending_applicant` ON `provider`");
    await queryRunner.query("ALTER TABLE `provider` CHANGE `status` `status` enum ('active', 'suspended') NOT NULL DEFAULT 'active'");
    await queryRunner.query("ALTER TABLE `provider` DROP COLUMN `pending_applicant_id`");
    await queryRunner.query("ALTER TABLE `provider` DROP COLUMN `applicant_account_id`");
    await queryRunner.query("ALTER TABLE `provider` DROP COLUMN `credit_code`");
    await queryRunner.query("ALTER TABLE `provider` DROP COLUMN `contact_phone_cipher`");
    await queryRunner.query("ALTER TABLE `provider` DROP COLUMN `contact_name`");
    await queryRunner.query("ALTER TABLE `provider` DROP COLUMN `decision_reason`");
    await queryRunner.query("ALTER TABLE `provider` DROP COLUMN `kind`");
  }
}

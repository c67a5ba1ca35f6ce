import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AccountPreferences1796190000000 implements MigrationInterface {
  name = 'AccountPreferences1796190000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `account_preference` (`account_id` varchar(36) NOT NULL, `elder_mode` enum ('on', 'off') NULL, `updated_at` datetime(3) NOT NULL, PRIMARY KEY (`account_id`)) ENGINE=InnoDB");
    await queryRunner.query("ALTER TABLE `account_preference` ADD CONSTRAINT `fk_account_preference_account` FOREIGN KEY (`account_id`) REFERENCES `account`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `account_preference` DROP FOREIGN KEY `fk_account_preference_account`");
    await queryRunner.query("DROP TABLE `account_preference`");
  }
}

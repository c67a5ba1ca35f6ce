import type { MigrationInterface, QueryRunner } from 'typeorm';

export class WechatAccessTokenSubscribeGrants1796136238328 implements MigrationInterface {
  name = 'WechatAccessTokenSubscribeGrants1796136238328';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `wechat_access_token` (`app_id` varchar(32) NOT NULL, `token_cipher` varchar(1024) NULL, `expires_at` datetime(3) NULL, `generation` int NOT NULL DEFAULT '0', `refresh_holder` varchar(36) NULL, `refresh_lease_until` datetime(3) NULL, PRIMARY KEY (`app_id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `wechat_subscribe_grant` (`account_id` varchar(36) NOT NULL, `template_id` varchar(64) NOT NULL, `remaining` int NOT NULL DEFAULT '0', `updated_at` datetime(3) NOT NULL, PRIMARY KEY (`account_id`, `template_id`)) ENGINE=InnoDB");
    await queryRunner.query("ALTER TABLE `wechat_subscribe_grant` ADD CONSTRAINT `fk_wechat_subscribe_grant_account` FOREIGN KEY (`account_id`) REFERENCES `account`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `wechat_subscribe_grant` DROP FOREIGN KEY `fk_wechat_subscribe_grant_account`");
    await queryRunner.query("DROP TABLE `wechat_subscribe_grant`");
    await queryRunner.query("DROP TABLE `wechat_access_token`");
  }
}

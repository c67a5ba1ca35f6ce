import type { MigrationInterface, QueryRunner } from 'typeorm';

export class WechatAccessTokenSubscribeGrants1796136238328 implements MigrationInterface {
  name = 'WechatAccessTokenSubscribeGrants1796136238328';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"wechat_access_token\" (\"app_id\" varchar(32) PRIMARY KEY NOT NULL, \"token_cipher\" varchar(1024), \"expires_at\" datetime(3), \"generation\" integer NOT NULL DEFAULT (0), \"refresh_holder\" varchar(36), \"refresh_lease_until\" datetime(3))");
    await queryRunner.query("CREATE TABLE \"wechat_subscribe_grant\" (\"account_id\" varchar(36) NOT NULL, \"template_id\" varchar(64) NOT NULL, \"remaining\" integer NOT NULL DEFAULT (0), \"updated_at\" datetime(3) NOT NULL, PRIMARY KEY (\"account_id\", \"template_id\"))");
    await queryRunner.query("CREATE TABLE \"temporary_wechat_subscribe_grant\" (\"account_id\" varchar(36) NOT NULL, \"template_id\" varchar(64) NOT NULL, \"remaining\" integer NOT NULL DEFAULT (0), \"updated_at\" datetime(3) NOT NULL, CONSTRAINT \"fk_wechat_subscribe_grant_account\" FOREIGN KEY (\"account_id\") REFERENCES \"account\" (\"id\") ON DELETE CASCADE ON UPDATE NO ACTION, PRIMARY KEY (\"account_id\", \"template_id\"))");
    await queryRunner.query("INSERT INTO \"temporary_wechat_subscribe_grant\"(\"account_id\", \"template_id\", \"remaining\", \"updated_at\") SELECT \"account_id\", \"template_id\", \"remaining\", \"updated_at\" FROM \"wechat_subscribe_grant\"");
    await queryRunner.query("DROP TABLE \"wechat_subscribe_grant\"");
    await queryRunner.query("ALTER TABLE \"temporary_wechat_subscribe_grant\" RENAME TO \"wechat_subscribe_grant\"");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"wechat_subscribe_grant\" RENAME TO \"temporary_wechat_subscribe_grant\"");
    await queryRunner.query("CREATE TABLE \"wechat_subscribe_grant\" (\"account_id\" varchar(36) NOT NULL, \"template_id\" varchar(64) NOT NULL, \"remaining\" integer NOT NULL DEFAULT (0), \"updated_at\" datetime(3) NOT NULL, PRIMARY KEY (\"account_id\", \"template_id\"))");
    await queryRunner.query("INSERT INTO \"wechat_subscribe_grant\"(\"account_id\", \"template_id\", \"remaining\", \"updated_at\") SELECT \"account_id\", \"template_id\", \"remaining\", \"updated_at\" FROM \"temporary_wechat_subscribe_grant\"");
    await queryRunner.query("DROP TABLE \"temporary_wechat_subscribe_grant\"");
    await queryRunner.query("DROP TABLE \"wechat_subscribe_grant\"");
    await queryRunner.query("DROP TABLE \"wechat_access_token\"");
  }
}

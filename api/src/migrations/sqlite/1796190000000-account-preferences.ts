import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AccountPreferences1796190000000 implements MigrationInterface {
  name = 'AccountPreferences1796190000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"account_preference\" (\"account_id\" varchar(36) PRIMARY KEY NOT NULL, \"elder_mode\" varchar CHECK( \"elder_mode\" IN ('on','off') ), \"updated_at\" datetime(3) NOT NULL, CONSTRAINT \"fk_account_preference_account\" FOREIGN KEY (\"account_id\") REFERENCES \"account\" (\"id\") ON DELETE CASCADE ON UPDATE NO ACTION)");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP TABLE \"account_preference\"");
  }
}

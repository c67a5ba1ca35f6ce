import type { MigrationInterface, QueryRunner } from 'typeorm';

export class HomeOrders1795712329369 implements MigrationInterface {
  name = 'HomeOrders1795712329369';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"service_order\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"kind\" varchar CHECK( \"kind\" IN ('home_service') ) NOT NULL, \"status\" varchar CHECK( \"status\" IN ('pending_dispatch','cancelled') ) NOT NULL, \"centre_service_id\" varchar(36) NOT NULL, \"resident_id\" varchar(36) NOT NULL, \"region_path\" varchar(200) NOT NULL, \"address\" varchar(200) NOT NULL, \"window_starts_at\" datetime(3) NOT NULL, \"window_ends_at\" datetime(3) NOT NULL, \"description\" varchar(500) NOT NULL, \"created_by_account_id\" varchar(36) NOT NULL, \"created_at\" datetime NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("CREATE INDEX \"ix_service_order_status_region\" ON \"service_order\" (\"status\", \"region_path\") ");
    await queryRunner.query("CREATE INDEX \"ix_service_order_resident\" ON \"service_order\" (\"resident_id\") ");
    await queryRunner.query("DROP INDEX \"ix_service_order_status_region\"");
    await queryRunner.query("DROP INDEX \"ix_service_order_resident\"");
    await queryRunner.query("CREATE TABLE \"temporary_service_order\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"kind\" varchar CHECK( \"kind\" IN ('home_service') ) NOT NULL, \"status\" varchar CHECK( \"status\" IN ('pending_dispatch','cancelled') ) NOT NULL, \"centre_service_id\" varchar(36) NOT NULL, \"resident_id\" varchar(36) NOT NULL, \"region_path\" varchar(200) NOT NULL, \"address\" varchar(200) NOT NULL, \"window_starts_at\" datetime(3) NOT NULL, \"window_ends_at\" datetime(3) NOT NULL, \"description\" varchar(500) NOT NULL, \"created_by_account_id\" varchar(36) NOT NULL, \"created_at\" datetime NOT NULL DEFAULT (datetime('now')), CONSTRAINT \"fk_service_order_centre_service\" FOREIGN KEY (\"centre_service_id\") REFERENCES \"centre_service\" (\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT \"fk_service_order_resident\" FOREIGN KEY (\"resident_id\") REFERENCES \"resident\" (\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION)");
    await queryRunner.query("INSERT INTO \"temporary_service_order\"(\"id\", \"kind\", \"status\", \"centre_service_id\", \"resident_id\", \"region_path\", \"address\", \"window_starts_at\", \"window_ends_at\", \"description\", \"created_by_account_id\", \"created_at\") SELECT \"id\", \"kind\", \"status\", \"centre_service_id\", \"resident_id\", \"region_path\", \"address\", \"window_starts_at\", \"window_ends_at\", \"description\", \"created_by_account_id\", \"created_at\" FROM \"service_order\"");
    await queryRunner.query("DROP TABLE \"service_order\"");
    await queryRunner.query("ALTER TABLE \"temporary_service_order\" RENAME TO \"service_order\"");
    await queryRunner.query("CREATE INDEX \"ix_service_order_status_region\" ON \"service_order\" (\"status\", \"region_path\") ");
    await queryRunner.query("CREATE INDEX \"ix_service_order_resident\" ON \"service_order\" (\"resident_id\") ");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"ix_service_order_resident\"");
    await queryRunner.query("DROP INDEX \"ix_service_order_status_region\"");
    await queryRunner.query("ALTER TABLE \"service_order\" RENAME TO \"temporary_service_order\"");
    await queryRunner.query("CREATE TABLE \"service_order\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"kind\" varchar CHECK( \"kind\" IN ('home_service') ) NOT NULL, \"status\" varchar CHECK( \"status\" IN ('pending_dispatch','cancelled') ) NOT NULL, \"centre_service_id\" varchar(36) NOT NULL, \"resident_id\" varchar(36) NOT NULL, \"region_path\" varchar(200) NOT NULL, \"address\" varchar(200) NOT NULL, \"window_starts_at\" datetime(3) NOT NULL, \"window_ends_at\" datetime(3) NOT NULL, \"description\" varchar(500) NOT NULL, \"created_by_account_id\" varchar(36) NOT NULL, \"created_at\" datetime NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("INSERT INTO \"service_order\"(\"id\", \"kind\", \"status\", \"centre_service_id\", \"resident_id\", \"region_path\", \"address\", \"window_starts_at\", \"window_ends_at\", \"description\", \"created_by_account_id\", \"created_at\") SELECT \"id\", \"kind\", \"status\", \"centre_service_id\", \"resident_id\", \"region_path\", \"address\", \"window_starts_at\", \"window_ends_at\", \"description\", \"created_by_account_id\", \"created_at\" FROM \"temporary_service_order\"");
    await queryRunner.query("DROP TABLE \"temporary_service_order\"");
    await queryRunner.query("CREATE INDEX \"ix_service_order_resident\" ON \"service_order\" (\"resident_id\") ");
    await queryRunner.query("CREATE INDEX \"ix_service_order_status_region\" ON \"service_order\" (\"status\", \"region_path\") ");
    await queryRunner.query("DROP INDEX \"ix_service_order_resident\"");
    await queryRunner.query("DROP INDEX \"ix_service_order_status_region\"");
    await queryRunner.query("DROP TABLE \"service_order\"");
  }
}

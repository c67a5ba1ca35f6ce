import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Init1795707693763 implements MigrationInterface {
  name = 'Init1795707693763';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"centre\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"code\" varchar(32) NOT NULL, \"name\" varchar(80) NOT NULL, \"region_id\" varchar(36) NOT NULL, \"address\" varchar(200) NOT NULL, \"phone\" varchar(32) NOT NULL, \"opening_hours\" varchar(100) NOT NULL, \"latitude_e6\" integer NOT NULL, \"longitude_e6\" integer NOT NULL, \"created_at\" datetime NOT NULL DEFAULT (datetime('now')), \"updated_at\" datetime NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("CREATE INDEX \"ix_centre_region\" ON \"centre\" (\"region_id\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_centre_code\" ON \"centre\" (\"code\") ");
    await queryRunner.query("CREATE TABLE \"region\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"code\" varchar(32) NOT NULL, \"name\" varchar(64) NOT NULL, \"level\" varchar CHECK( \"level\" IN ('city','district','street','community') ) NOT NULL, \"parent_id\" varchar(36), \"path\" varchar(200) NOT NULL, \"created_at\" datetime NOT NULL DEFAULT (datetime('now')), \"updated_at\" datetime NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("CREATE INDEX \"ix_region_path\" ON \"region\" (\"path\") ");
    await queryRunner.query("CREATE INDEX \"ix_region_parent\" ON \"region\" (\"parent_id\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_region_code\" ON \"region\" (\"code\") ");
    await queryRunner.query("DROP INDEX \"ix_centre_region\"");
    await queryRunner.query("DROP INDEX \"uq_centre_code\"");
    await queryRunner.query("CREATE TABLE \"temporary_centre\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"code\" varchar(32) NOT NULL, \"name\" varchar(80) NOT NULL, \"region_id\" varchar(36) NOT NULL, \"address\" varchar(200) NOT NULL, \"phone\" varchar(32) NOT NULL, \"opening_hours\" varchar(100) NOT NULL, \"latitude_e6\" integer NOT NULL, \"longitude_e6\" integer NOT NULL, \"created_at\" datetime NOT NULL DEFAULT (datetime('now')), \"updated_at\" datetime NOT NULL DEFAULT (datetime('now')), CONSTRAINT \"fk_centre_region\" FOREIGN KEY (\"region_id\") REFERENCES \"region\" (\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION)");
    await queryRunner.query("INSERT INTO \"temporary_centre\"(\"id\", \"code\", \"name\", \"region_id\", \"address\", \"phone\", \"opening_hours\", \"latitude_e6\", \"longitude_e6\", \"created_at\", \"updated_at\") SELECT \"id\", \"code\", \"name\", \"region_id\", \"address\", \"phone\", \"opening_hours\", \"latitude_e6\", \"longitude_e6\", \"created_at\", \"updated_at\" FROM \"centre\"");
    await queryRunner.query("DROP TABLE \"centre\"");
    await queryRunner.query("ALTER TABLE \"temporary_centre\" RENAME TO \"centre\"");
    await queryRunner.query("CREATE INDEX \"ix_centre_region\" ON \"centre\" (\"region_id\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_centre_code\" ON \"centre\" (\"code\") ");
    await queryRunner.query("DROP INDEX \"ix_region_path\"");
    await queryRunner.query("DROP INDEX \"ix_region_parent\"");
    await queryRunner.query("DROP INDEX \"uq_region_code\"");
    await queryRunner.query("CREATE TABLE \"temporary_region\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"code\" varchar(32) NOT NULL, \"name\" varchar(64) NOT NULL, \"level\" varchar CHECK( \"level\" IN ('city','district','street','community') ) NOT NULL, \"parent_id\" varchar(36), \"path\" varchar(200) NOT NULL, \"created_at\" datetime NOT NULL DEFAULT (datetime('now')), \"updated_at\" datetime NOT NULL DEFAULT (datetime('now')), CONSTRAINT \"fk_region_parent\" FOREIGN KEY (\"parent_id\") REFERENCES \"region\" (\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION)");
    await queryRunner.query("INSERT INTO \"temporary_region\"(\"id\", \"code\", \"name\", \"level\", \"parent_id\", \"path\", \"created_at\", \"updated_at\") SELECT \"id\", \"code\", \"name\", \"level\", \"parent_id\", \"path\", \"created_at\", \"updated_at\" FROM \"region\"");
    await queryRunner.query("DROP TABLE \"region\"");
    await queryRunner.query("ALTER TABLE \"temporary_region\" RENAME TO \"region\"");
    await queryRunner.query("CREATE INDEX \"ix_region_path\" ON \"region\" (\"path\") ");
    await queryRunner.query("CREATE INDEX \"ix_region_parent\" ON \"region\" (\"parent_id\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_region_code\" ON \"region\" (\"code\") ");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"uq_region_code\"");
    await queryRunner.query("DROP INDEX \"ix_region_parent\"");
    await queryRunner.query("DROP INDEX \"ix_region_path\"");
    await queryRunner.query("ALTER TABLE \"region\" RENAME TO \"temporary_region\"");
    await queryRunner.query("CREATE TABLE \"region\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"code\" varchar(32) NOT NULL, \"name\" varchar(64) NOT NULL, \"level\" varchar CHECK( \"level\" IN ('city','district','street','community') ) NOT NULL, \"parent_id\" varchar(36), \"path\" varchar(200) NOT NULL, \"created_at\" datetime NOT NULL DEFAULT (datetime('now')), \"updated_at\" datetime NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("INSERT INTO \"region\"(\"id\", \"code\", \"name\", \"level\", \"parent_id\", \"path\", \"created_at\", \"updated_at\") SELECT \"id\", \"code\", \"name\", \"level\", \"parent_id\", \"path\", \"created_at\", \"updated_at\" FROM \"temporary_region\"");
    await queryRunner.query("DROP TABLE \"temporary_region\"");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_region_code\" ON \"region\" (\"code\") ");
    await queryRunner.query("CREATE INDEX \"ix_region_parent\" ON \"region\" (\"parent_id\") ");
    await queryRunner.query("CREATE INDEX \"ix_region_path\" ON \"region\" (\"path\") ");
    await queryRunner.query("DROP INDEX \"uq_centre_code\"");
    await queryRunner.query("DROP INDEX \"ix_centre_region\"");
    await queryRunner.query("ALTER TABLE \"centre\" RENAME TO \"temporary_centre\"");
    await queryRunner.query("CREATE TABLE \"centre\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"code\" varchar(32) NOT NULL, \"name\" varchar(80) NOT NULL, \"region_id\" varchar(36) NOT NULL, \"address\" varchar(200) NOT NULL, \"phone\" varchar(32) NOT NULL, \"opening_hours\" varchar(100) NOT NULL, \"latitude_e6\" integer NOT NULL, \"longitude_e6\" integer NOT NULL, \"created_at\" datetime NOT NULL DEFAULT (datetime('now')), \"updated_at\" datetime NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("INSERT INTO \"centre\"(\"id\", \"code\", \"name\", \"region_id\", \"address\", \"phone\", \"opening_hours\", \"latitude_e6\", \"longitude_e6\", \"created_at\", \"updated_at\") SELECT \"id\", \"code\", \"name\", \"region_id\", \"address\", \"phone\", \"opening_hours\", \"latitude_e6\", \"longitude_e6\", \"created_at\", \"updated_at\" FROM \"temporary_centre\"");
    await queryRunner.query("DROP TABLE \"temporary_centre\"");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_centre_code\" ON \"centre\" (\"code\") ");
    await queryRunner.query("CREATE INDEX \"ix_centre_region\" ON \"centre\" (\"region_id\") ");
    await queryRunner.query("DROP INDEX \"uq_region_code\"");
    await queryRunner.query("DROP INDEX \"ix_region_parent\"");
    await queryRunner.query("DROP INDEX \"ix_region_path\"");
    await queryRunner.query("DROP TABLE \"region\"");
    await queryRunner.query("DROP INDEX \"uq_centre_code\"");
    await queryRunner.query("DROP INDEX \"ix_centre_region\"");
    await queryRunner.query("DROP TABLE \"centre\"");
  }
}

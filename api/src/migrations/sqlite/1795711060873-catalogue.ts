import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Catalogue1795711060873 implements MigrationInterface {
  name = 'Catalogue1795711060873';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"service_category\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"code\" varchar(40) NOT NULL, \"name\" varchar(40) NOT NULL, \"sort_order\" integer NOT NULL)");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_service_category_code\" ON \"service_category\" (\"code\") ");
    await queryRunner.query("CREATE TABLE \"community_service\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"code\" varchar(40) NOT NULL, \"category_id\" varchar(36) NOT NULL, \"name\" varchar(40) NOT NULL, \"mode\" varchar CHECK( \"mode\" IN ('visit','venue','class','home') ) NOT NULL, \"needs_review\" boolean NOT NULL, \"description\" varchar(500) NOT NULL, \"materials\" json NOT NULL, \"min_age\" integer, \"max_active_bookings_per_person\" integer NOT NULL, \"sort_order\" integer NOT NULL)");
    await queryRunner.query("CREATE INDEX \"ix_community_service_category\" ON \"community_service\" (\"category_id\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_community_service_code\" ON \"community_service\" (\"code\") ");
    await queryRunner.query("CREATE TABLE \"centre_service\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"centre_id\" varchar(36) NOT NULL, \"service_id\" varchar(36) NOT NULL, \"enabled\" boolean NOT NULL, \"notes\" varchar(200), \"updated_at\" datetime NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("CREATE INDEX \"ix_centre_service_service\" ON \"centre_service\" (\"service_id\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_centre_service_pair\" ON \"centre_service\" (\"centre_id\", \"service_id\") ");
    await queryRunner.query("DROP INDEX \"ix_community_service_category\"");
    await queryRunner.query("DROP INDEX \"uq_community_service_code\"");
    await queryRunner.query("CREATE TABLE \"temporary_community_service\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"code\" varchar(40) NOT NULL, \"category_id\" varchar(36) NOT NULL, \"name\" varchar(40) NOT NULL, \"mode\" varchar CHECK( \"mode\" IN ('visit','venue','class','home') ) NOT NULL, \"needs_review\" boolean NOT NULL, \"description\" varchar(500) NOT NULL, \"materials\" json NOT NULL, \"min_age\" integer, \"max_active_bookings_per_person\" integer NOT NULL, \"sort_order\" integer NOT NULL, CONSTRAINT \"fk_community_service_category\" FOREIGN KEY (\"category_id\") REFERENCES \"service_category\" (\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION)");
    await queryRunner.query("INSERT INTO \"temporary_community_service\"(\"id\", \"code\", \"category_id\", \"name\", \"mode\", \"needs_review\", \"description\", \"materials\", \"min_age\", \"max_active_bookings_per_person\", \"sort_order\") SELECT \"id\", \"code\", \"category_id\", \"name\", \"mode\", \"needs_review\", \"description\", \"materials\", \"min_age\", \"max_active_bookings_per_person\", \"sort_order\" FROM \"community_service\"");
    await queryRunner.query("DROP TABLE \"community_service\"");
    await queryRunner.query("ALTER TABLE \"temporary_community_service\" RENAME TO \"community_service\"");
    await queryRunner.query("CREATE INDEX \"ix_community_service_category\" ON \"community_service\" (\"category_id\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_community_service_code\" ON \"community_service\" (\"code\") ");
    await queryRunner.query("DROP INDEX \"ix_centre_service_service\"");
    await queryRunner.query("DROP INDEX \"uq_centre_service_pair\"");
    await queryRunner.query("CREATE TABLE \"temporary_centre_service\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"centre_id\" varchar(36) NOT NULL, \"service_id\" varchar(36) NOT NULL, \"enabled\" boolean NOT NULL, \"notes\" varchar(200), \"updated_at\" datetime NOT NULL DEFAULT (datetime('now')), CONSTRAINT \"fk_centre_service_centre\" FOREIGN KEY (\"centre_id\") REFERENCES \"centre\" (\"id\") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT \"fk_centre_service_service\" FOREIGN KEY (\"service_id\") REFERENCES \"community_service\" (\"id\") ON DELETE CASCADE ON UPDATE NO ACTION)");
    await queryRunner.query("INSERT INTO \"temporary_centre_service\"(\"id\", \"centre_id\", \"service_id\", \"enabled\", \"notes\", \"updated_at\") SELECT \"id\", \"centre_id\", \"service_id\", \"enabled\", \"notes\", \"updated_at\" FROM \"centre_service\"");
    await queryRunner.query("DROP TABLE \"centre_service\"");
    await queryRunner.query("ALTER TABLE \"temporary_centre_service\" RENAME TO \"centre_service\"");
    await queryRunner.query("CREATE INDEX \"ix_centre_service_service\" ON \"centre_service\" (\"service_id\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_centre_service_pair\" ON \"centre_service\" (\"centre_id\", \"service_id\") ");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"uq_centre_service_pair\"");
    await queryRunner.query("DROP INDEX \"ix_centre_service_service\"");
    await queryRunner.query("ALTER TABLE \"centre_service\" RENAME TO \"temporary_centre_service\"");
    await queryRunner.query("CREATE TABLE \"centre_service\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"centre_id\" varchar(36) NOT NULL, \"service_id\" varchar(36) NOT NULL, \"enabled\" boolean NOT NULL, \"notes\" varchar(200), \"updated_at\" datetime NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("INSERT INTO \"centre_service\"(\"id\", \"centre_id\", \"service_id\", \"enabled\", \"notes\", \"updated_at\") SELECT \"id\", \"centre_id\", \"service_id\", \"enabled\", \"notes\", \"updated_at\" FROM \"temporary_centre_service\"");
    await queryRunner.query("DROP TABLE \"temporary_centre_service\"");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_centre_service_pair\" ON \"centre_service\" (\"centre_id\", \"service_id\") ");
    await queryRunner.query("CREATE INDEX \"ix_centre_service_service\" ON \"centre_service\" (\"service_id\") ");
    await queryRunner.query("DROP INDEX \"uq_community_service_code\"");
    await queryRunner.query("DROP INDEX \"ix_community_service_category\"");
    await queryRunner.query("ALTER TABLE \"community_service\" RENAME TO \"temporary_community_service\"");
    await queryRunner.query("CREATE TABLE \"community_service\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"code\" varchar(40) NOT NULL, \"category_id\" varchar(36) NOT NULL, \"name\" varchar(40) NOT NULL, \"mode\" varchar CHECK( \"mode\" IN ('visit','venue','class','home') ) NOT NULL, \"needs_review\" boolean NOT NULL, \"description\" varchar(500) NOT NULL, \"materials\" json NOT NULL, \"min_age\" integer, \"max_active_bookings_per_person\" integer NOT NULL, \"sort_order\" integer NOT NULL)");
    await queryRunner.query("INSERT INTO \"community_service\"(\"id\", \"code\", \"category_id\", \"name\", \"mode\", \"needs_review\", \"description\", \"materials\", \"min_age\", \"max_active_bookings_per_person\", \"sort_order\") SELECT \"id\", \"code\", \"category_id\", \"name\", \"mode\", \"needs_review\", \"description\", \"materials\", \"min_age\", \"max_active_bookings_per_person\", \"sort_order\" FROM \"temporary_community_service\"");
    await queryRunner.query("DROP TABLE \"temporary_community_service\"");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_community_service_code\" ON \"community_service\" (\"code\") ");
    await queryRunner.query("CREATE INDEX \"ix_community_service_category\" ON \"community_service\" (\"category_id\") ");
    await queryRunner.query("DROP INDEX \"uq_centre_service_pair\"");
    await queryRunner.query("DROP INDEX \"ix_centre_service_service\"");
    await queryRunner.query("DROP TABLE \"centre_service\"");
    await queryRunner.query("DROP INDEX \"uq_community_service_code\"");
    await queryRunner.query("DROP INDEX \"ix_community_service_category\"");
    await queryRunner.query("DROP TABLE \"community_service\"");
    await queryRunner.query("DROP INDEX \"uq_service_category_code\"");
    await queryRunner.query("DROP TABLE \"service_category\"");
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Outlets1796112026633 implements MigrationInterface {
  name = 'Outlets1796112026633';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"outlet\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"name\" varchar(80) NOT NULL, \"kind\" varchar CHECK( \"kind\" IN ('canteen','vegetable_shop','market','supermarket','grocery','breakfast','hair_beauty','repair','recycling','housekeeping','post','bank','telecom','utility_payment','pharmacy','health_station') ) NOT NULL, \"region_id\" varchar(36) NOT NULL, \"address\" varchar(200) NOT NULL, \"latitude_e6\" integer NOT NULL, \"longitude_e6\" integer NOT NULL, \"cell\" integer NOT NULL, \"phone\" varchar(32) NOT NULL, \"hours\" text NOT NULL, \"services\" text NOT NULL, \"photo_urls\" text NOT NULL, \"elder_features\" text NOT NULL, \"verified_on\" varchar(10), \"created_at\" datetime NOT NULL DEFAULT (datetime('now')), \"updated_at\" datetime NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("CREATE INDEX \"ix_outlet_region\" ON \"outlet\" (\"region_id\") ");
    await queryRunner.query("CREATE INDEX \"ix_outlet_cell_kind\" ON \"outlet\" (\"cell\", \"kind\") ");
    await queryRunner.query("CREATE TABLE \"outlet_report\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"outlet_id\" varchar(36) NOT NULL, \"outlet_source\" varchar CHECK( \"outlet_source\" IN ('directory','meal_point') ) NOT NULL, \"outlet_name\" varchar(80) NOT NULL, \"region_id\" varchar(36) NOT NULL, \"reason\" varchar CHECK( \"reason\" IN ('closed_for_good','wrong_hours','wrong_phone','wrong_address','other') ) NOT NULL, \"note\" varchar(200) NOT NULL, \"reporter_account_id\" varchar(36) NOT NULL, \"status\" varchar CHECK( \"status\" IN ('open','resolved') ) NOT NULL DEFAULT ('open'), \"created_at\" datetime(3) NOT NULL, \"resolved_at\" datetime, \"resolution\" varchar(200))");
    await queryRunner.query("CREATE INDEX \"ix_outlet_report_region_status\" ON \"outlet_report\" (\"region_id\", \"status\") ");
    await queryRunner.query("DROP INDEX \"ix_outlet_region\"");
    await queryRunner.query("DROP INDEX \"ix_outlet_cell_kind\"");
    await queryRunner.query("CREATE TABLE \"temporary_outlet\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"name\" varchar(80) NOT NULL, \"kind\" varchar CHECK( \"kind\" IN ('canteen','vegetable_shop','market','supermarket','grocery','breakfast','hair_beauty','repair','recycling','housekeeping','post','bank','telecom','utility_payment','pharmacy','health_station') ) NOT NULL, \"region_id\" varchar(36) NOT NULL, \"address\" varchar(200) NOT NULL, \"latitude_e6\" integer NOT NULL, \"longitude_e6\" integer NOT NULL, \"cell\" integer NOT NULL, \"phone\" varchar(32) NOT NULL, \"hours\" text NOT NULL, \"services\" text NOT NULL, \"photo_urls\" text NOT NULL, \"elder_features\" text NOT NULL, \"verified_on\" varchar(10), \"created_at\" datetime NOT NULL DEFAULT (datetime('now')), \"updated_at\" datetime NOT NULL DEFAULT (datetime('now')), CONSTRAINT \"fk_outlet_region\" FOREIGN KEY (\"region_id\") REFERENCES \"region\" (\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION)");
    await queryRunner.query("INSERT INTO \"temporary_outlet\"(\"id\", \"name\", \"kind\", \"region_id\", \"address\", \"latitude_e6\", \"longitude_e6\", \"cell\", \"phone\", \"hours\", \"services\", \"photo_urls\", \"elder_features\", \"verified_on\", \"created_at\", \"updated_at\") SELECT \"id\", \"name\", \"kind\", \"region_id\", \"address\", \"latitude_e6\", \"longitude_e6\", \"cell\", \"phone\", \"hours\", \"services\", \"photo_urls\", \"elder_features\", \"verified_on\", \"created_at\", \"updated_at\" FROM \"outlet\"");
    await queryRunner.query("DROP TABLE \"outlet\"");
    await queryRunner.query("ALTER TABLE \"temporary_outlet\" RENAME TO \"outlet\"");
    await queryRunner.query("CREATE INDEX \"ix_outlet_region\" ON \"outlet\" (\"region_id\") ");
    await queryRunner.query("CREATE INDEX \"ix_outlet_cell_kind\" ON \"outlet\" (\"cell\", \"kind\") ");
    await queryRunner.query("DROP INDEX \"ix_outlet_report_region_status\"");
    await queryRunner.query("CREATE TABLE \"temporary_outlet_report\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"outlet_id\" varchar(36) NOT NULL, \"outlet_source\" varchar CHECK( \"outlet_source\" IN ('directory','meal_point') ) NOT NULL, \"outlet_name\" varchar(80) NOT NULL, \"region_id\" varchar(36) NOT NULL, \"reason\" varchar CHECK( \"reason\" IN ('closed_for_good','wrong_hours','wrong_phone','wrong_address','other') ) NOT NULL, \"note\" varchar(200) NOT NULL, \"reporter_account_id\" varchar(36) NOT NULL, \"status\" varchar CHECK( \"status\" IN ('open','resolved') ) NOT NULL DEFAULT ('open'), \"created_at\" datetime(3) NOT NULL, \"resolved_at\" datetime, \"resolution\" varchar(200), CONSTRAINT \"fk_outlet_report_region\" FOREIGN KEY (\"region_id\") REFERENCES \"region\" (\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION)");
    await queryRunner.query("INSERT INTO \"temporary_outlet_report\"(\"id\", \"outlet_id\", \"outlet_source\", \"outlet_name\", \"region_id\", \"reason\", \"note\", \"reporter_account_id\", \"status\", \"created_at\", \"resolved_at\", \"resolution\") SELECT \"id\", \"outlet_id\", \"outlet_source\", \"outlet_name\", \"region_id\", \"reason\", \"note\", \"reporter_account_id\", \"status\", \"created_at\", \"resolved_at\", \"resolution\" FROM \"outlet_report\"");
    await queryRunner.query("DROP TABLE \"outlet_report\"");
    await queryRunner.query("ALTER TABLE \"temporary_outlet_report\" RENAME TO \"outlet_report\"");
    await queryRunner.query("CREATE INDEX \"ix_outlet_report_region_status\" ON \"outlet_report\" (\"region_id\", \"status\") ");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"ix_outlet_report_region_status\"");
    await queryRunner.query("ALTER TABLE \"outlet_report\" RENAME TO \"temporary_outlet_report\"");
    await queryRunner.query("CREATE TABLE \"outlet_report\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"outlet_id\" varchar(36) NOT NULL, \"outlet_source\" varchar CHECK( \"outlet_source\" IN ('directory','meal_point') ) NOT NULL, \"outlet_name\" varchar(80) NOT NULL, \"region_id\" varchar(36) NOT NULL, \"reason\" varchar CHECK( \"reason\" IN ('closed_for_good','wrong_hours','wrong_phone','wrong_address','other') ) NOT NULL, \"note\" varchar(200) NOT NULL, \"reporter_account_id\" varchar(36) NOT NULL, \"status\" varchar CHECK( \"status\" IN ('open','resolved') ) NOT NULL DEFAULT ('open'), \"created_at\" datetime(3) NOT NULL, \"resolved_at\" datetime, \"resolution\" varchar(200))");
    await queryRunner.query("INSERT INTO \"outlet_report\"(\"id\", \"outlet_id\", \"outlet_source\", \"outlet_name\", \"region_id\", \"reason\", \"note\", \"reporter_account_id\", \"status\", \"created_at\", \"resolved_at\", \"resolution\") SELECT \"id\", \"outlet_id\", \"outlet_source\", \"outlet_name\", \"region_id\", \"reason\", \"note\", \"reporter_account_id\", \"status\", \"created_at\", \"resolved_at\", \"resolution\" FROM \"temporary_outlet_report\"");
    await queryRunner.query("DROP TABLE \"temporary_outlet_report\"");
    await queryRunner.query("CREATE INDEX \"ix_outlet_report_region_status\" ON \"outlet_report\" (\"region_id\", \"status\") ");
    await queryRunner.query("DROP INDEX \"ix_outlet_cell_kind\"");
    await queryRunner.query("DROP INDEX \"ix_outlet_region\"");
    await queryRunner.query("ALTER TABLE \"outlet\" RENAME TO \"temporary_outlet\"");
    await queryRunner.query("CREATE TABLE \"outlet\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"name\" varchar(80) NOT NULL, \"kind\" varchar CHECK( \"kind\" IN ('canteen','vegetable_shop','market','supermarket','grocery','breakfast','hair_beauty','repair','recycling','housekeeping','post','bank','telecom','utility_payment','pharmacy','health_station') ) NOT NULL, \"region_id\" varchar(36) NOT NULL, \"address\" varchar(200) NOT NULL, \"latitude_e6\" integer NOT NULL, \"longitude_e6\" integer NOT NULL, \"cell\" integer NOT NULL, \"phone\" varchar(32) NOT NULL, \"hours\" text NOT NULL, \"services\" text NOT NULL, \"photo_urls\" text NOT NULL, \"elder_features\" text NOT NULL, \"verified_on\" varchar(10), \"created_at\" datetime NOT NULL DEFAULT (datetime('now')), \"updated_at\" datetime NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("INSERT INTO \"outlet\"(\"id\", \"name\", \"kind\", \"region_id\", \"address\", \"latitude_e6\", \"longitude_e6\", \"cell\", \"phone\", \"hours\", \"services\", \"photo_urls\", \"elder_features\", \"verified_on\", \"created_at\", \"updated_at\") SELECT \"id\", \"name\", \"kind\", \"region_id\", \"address\", \"latitude_e6\", \"longitude_e6\", \"cell\", \"phone\", \"hours\", \"services\", \"photo_urls\", \"elder_features\", \"verified_on\", \"created_at\", \"updated_at\" FROM \"temporary_outlet\"");
    await queryRunner.query("DROP TABLE \"temporary_outlet\"");
    await queryRunner.query("CREATE INDEX \"ix_outlet_cell_kind\" ON \"outlet\" (\"cell\", \"kind\") ");
    await queryRunner.query("CREATE INDEX \"ix_outlet_region\" ON \"outlet\" (\"region_id\") ");
    await queryRunner.query("DROP INDEX \"ix_outlet_report_region_status\"");
    await queryRunner.query("DROP TABLE \"outlet_report\"");
    await queryRunner.query("DROP INDEX \"ix_outlet_cell_kind\"");
    await queryRunner.query("DROP INDEX \"ix_outlet_region\"");
    await queryRunner.query("DROP TABLE \"outlet\"");
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

export class DishPhotos1796110900000 implements MigrationInterface {
  name = 'DishPhotos1796110900000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"dish_photo\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"meal_point_id\" varchar(36) NOT NULL, \"content_type\" varchar CHECK( \"content_type\" IN ('image/jpeg','image/png','image/webp') ) NOT NULL, \"size_bytes\" integer NOT NULL, \"uploaded_by_account_id\" varchar(36) NOT NULL, \"created_at\" datetime(3) NOT NULL)");
    await queryRunner.query("CREATE INDEX \"ix_dish_photo_meal_point\" ON \"dish_photo\" (\"meal_point_id\") ");
    await queryRunner.query("DROP INDEX \"ix_dish_meal\"");
    await queryRunner.query("CREATE TABLE \"temporary_dish\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"meal_point_id\" varchar(36) NOT NULL, \"meal_date\" varchar(10) NOT NULL, \"meal_kind\" varchar CHECK( \"meal_kind\" IN ('breakfast','lunch','dinner') ) NOT NULL, \"position\" integer NOT NULL DEFAULT (0), \"name\" varchar(40) NOT NULL, \"kind\" varchar CHECK( \"kind\" IN ('set_meal','single') ) NOT NULL, \"price_fen\" integer NOT NULL, \"tags\" text, \"allergens\" text, \"photo_url\" varchar(500), \"daily_quantity\" integer, \"remaining\" integer, \"created_at\" datetime NOT NULL DEFAULT (datetime('now')), \"photo_id\" varchar(36), CONSTRAINT \"fk_dish_meal_point\" FOREIGN KEY (\"meal_point_id\") REFERENCES \"meal_point\" (\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION)");
    await queryRunner.query("INSERT INTO \"temporary_dish\"(\"id\", \"meal_point_id\", \"meal_date\", \"meal_kind\", \"position\", \"name\", \"kind\", \"price_fen\", \"tags\", \"allergens\", \"photo_url\", \"daily_quantity\", \"remaining\", \"created_at\") SELECT \"id\", \"meal_point_id\", \"meal_date\", \"meal_kind\", \"position\", \"name\", \"kind\", \"price_fen\", \"tags\", \"allergens\", \"photo_url\", \"daily_quantity\", \"remaining\", \"created_at\" FROM \"dish\"");
    await queryRunner.query("DROP TABLE \"dish\"");
    await queryRunner.query("ALTER TABLE \"temporary_dish\" RENAME TO \"dish\"");
    await queryRunner.query("CREATE INDEX \"ix_dish_meal\" ON \"dish\" (\"meal_point_id\", \"meal_date\", \"meal_kind\") ");
    await queryRunner.query("CREATE INDEX \"ix_dish_photo\" ON \"dish\" (\"photo_id\") ");
    await queryRunner.query("DROP INDEX \"ix_dish_photo_meal_point\"");
    await queryRunner.query("CREATE TABLE \"temporary_dish_photo\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"meal_point_id\" varchar(36) NOT NULL, \"content_type\" varchar CHECK( \"content_type\" IN ('image/jpeg','image/png','image/webp') ) NOT NULL, \"size_bytes\" integer NOT NULL, \"uploaded_by_account_id\" varchar(36) NOT NULL, \"created_at\" datetime(3) NOT NULL, CONSTRAINT \"fk_dish_photo_meal_point\" FOREIGN KEY (\"meal_point_id\") REFERENCES \"meal_point\" (\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION)");
    await queryRunner.query("INSERT INTO \"temporary_dish_photo\"(\"id\", \"meal_point_id\", \"content_type\", \"size_bytes\", \"uploaded_by_account_id\", \"created_at\") SELECT \"id\", \"meal_point_id\", \"content_type\", \"size_bytes\", \"uploaded_by_account_id\", \"created_at\" FROM \"dish_photo\"");
    await queryRunner.query("DROP TABLE \"dish_photo\"");
    await queryRunner.query("ALTER TABLE \"temporary_dish_photo\" RENAME TO \"dish_photo\"");
    await queryRunner.query("CREATE INDEX \"ix_dish_photo_meal_point\" ON \"dish_photo\" (\"meal_point_id\") ");
    await queryRunner.query("DROP INDEX \"ix_dish_meal\"");
    await queryRunner.query("DROP INDEX \"ix_dish_photo\"");
    await queryRunner.query("CREATE TABLE \"temporary_dish\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"meal_point_id\" varchar(36) NOT NULL, \"meal_date\" varchar(10) NOT NULL, \"meal_kind\" varchar CHECK( \"meal_kind\" IN ('breakfast','lunch','dinner') ) NOT NULL, \"position\" integer NOT NULL DEFAULT (0), \"name\" varchar(40) NOT NULL, \"kind\" varchar CHECK( \"kind\" IN ('set_meal','single') ) NOT NULL, \"price_fen\" integer NOT NULL, \"tags\" text, \"allergens\" text, \"photo_url\" varchar(500), \"daily_quantity\" integer, \"remaining\" integer, \"created_at\" datetime NOT NULL DEFAULT (datetime('now')), \"photo_id\" varchar(36), CONSTRAINT \"fk_dish_meal_point\" FOREIGN KEY (\"meal_point_id\") REFERENCES \"meal_point\" (\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT \"fk_dish_photo\" FOREIGN KEY (\"photo_id\") REFERENCES \"dish_photo\" (\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION)");
    await queryRunner.query("INSERT INTO \"temporary_dish\"(\"id\", \"meal_point_id\", \"meal_date\", \"meal_kind\", \"position\", \"name\", \"kind\", \"price_fen\", \"tags\", \"allergens\", \"photo_url\", \"daily_quantity\", \"remaining\", \"created_at\", \"photo_id\") SELECT \"id\", \"meal_point_id\", \"meal_date\", \"meal_kind\", \"position\", \"name\", \"kind\", \"price_fen\", \"tags\", \"allergens\", \"photo_url\", \"daily_quantity\", \"remaining\", \"created_at\", \"photo_id\" FROM \"dish\"");
    await queryRunner.query("DROP TABLE \"dish\"");
    await queryRunner.query("ALTER TABLE \"temporary_dish\" RENAME TO \"dish\"");
    await queryRunner.query("CREATE INDEX \"ix_dish_meal\" ON \"dish\" (\"meal_point_id\", \"meal_date\", \"meal_kind\") ");
    await queryRunner.query("CREATE INDEX \"ix_dish_photo\" ON \"dish\" (\"photo_id\") ");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"ix_dish_photo\"");
    await queryRunner.query("DROP INDEX \"ix_dish_meal\"");
    await queryRunner.query("ALTER TABLE \"dish\" RENAME TO \"temporary_dish\"");
    await queryRunner.query("CREATE TABLE \"dish\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"meal_point_id\" varchar(36) NOT NULL, \"meal_date\" varchar(10) NOT NULL, \"meal_kind\" varchar CHECK( \"meal_kind\" IN ('breakfast','lunch','dinner') ) NOT NULL, \"position\" integer NOT NULL DEFAULT (0), \"name\" varchar(40) NOT NULL, \"kind\" varchar CHECK( \"kind\" IN ('set_meal','single') ) NOT NULL, \"price_fen\" integer NOT NULL, \"tags\" text, \"allergens\" text, \"photo_url\" varchar(500), \"daily_quantity\" integer, \"remaining\" integer, \"created_at\" datetime NOT NULL DEFAULT (datetime('now')), \"photo_id\" varchar(36), CONSTRAINT \"fk_dish_meal_point\" FOREIGN KEY (\"meal_point_id\") REFERENCES \"meal_point\" (\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION)");
    await queryRunner.query("INSERT INTO \"dish\"(\"id\", \"meal_point_id\", \"meal_date\", \"meal_kind\", \"position\", \"name\", \"kind\", \"price_fen\", \"tags\", \"allergens\", \"photo_url\", \"daily_quantity\", \"remaining\", \"created_at\", \"photo_id\") SELECT \"id\", \"meal_point_id\", \"meal_date\", \"meal_kind\", \"position\", \"name\", \"kind\", \"price_fen\", \"tags\", \"allergens\", \"photo_url\", \"daily_quantity\", \"remaining\", \"created_at\", \"photo_id\" FROM \"temporary_dish\"");
    await queryRunner.query("DROP TABLE \"temporary_dish\"");
    await queryRunner.query("CREATE INDEX \"ix_dish_photo\" ON \"dish\" (\"photo_id\") ");
    await queryRunner.query("CREATE INDEX \"ix_dish_meal\" ON \"dish\" (\"meal_point_id\", \"meal_date\", \"meal_kind\") ");
    await queryRunner.query("DROP INDEX \"ix_dish_photo_meal_point\"");
    await queryRunner.query("ALTER TABLE \"dish_photo\" RENAME TO \"temporary_dish_photo\"");
    await queryRunner.query("CREATE TABLE \"dish_photo\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"meal_point_id\" varchar(36) NOT NULL, \"content_type\" varchar CHECK( \"content_type\" IN ('image/jpeg','image/png','image/webp') ) NOT NULL, \"size_bytes\" integer NOT NULL, \"uploaded_by_account_id\" varchar(36) NOT NULL, \"created_at\" datetime(3) NOT NULL)");
    await queryRunner.query("INSERT INTO \"dish_photo\"(\"id\", \"meal_point_id\", \"content_type\", \"size_bytes\", \"uploaded_by_account_id\", \"created_at\") SELECT \"id\", \"meal_point_id\", \"content_type\", \"size_bytes\", \"uploaded_by_account_id\", \"created_at\" FROM \"temporary_dish_photo\"");
    await queryRunner.query("DROP TABLE \"temporary_dish_photo\"");
    await queryRunner.query("CREATE INDEX \"ix_dish_photo_meal_point\" ON \"dish_photo\" (\"meal_point_id\") ");
    await queryRunner.query("DROP INDEX \"ix_dish_photo\"");
    await queryRunner.query("DROP INDEX \"ix_dish_meal\"");
    await queryRunner.query("ALTER TABLE \"dish\" RENAME TO \"temporary_dish\"");
    await queryRunner.query("CREATE TABLE \"dish\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"meal_point_id\" varchar(36) NOT NULL, \"meal_date\" varchar(10) NOT NULL, \"meal_kind\" varchar CHECK( \"meal_kind\" IN ('breakfast','lunch','dinner') ) NOT NULL, \"position\" integer NOT NULL DEFAULT (0), \"name\" varchar(40) NOT NULL, \"kind\" varchar CHECK( \"kind\" IN ('set_meal','single') ) NOT NULL, \"price_fen\" integer NOT NULL, \"tags\" text, \"allergens\" text, \"photo_url\" varchar(500), \"daily_quantity\" integer, \"remaining\" integer, \"created_at\" datetime NOT NULL DEFAULT (datetime('now')), CONSTRAINT \"fk_dish_meal_point\" FOREIGN KEY (\"meal_point_id\") REFERENCES \"meal_point\" (\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION)");
    await queryRunner.query("INSERT INTO \"dish\"(\"id\", \"meal_point_id\", \"meal_date\", \"meal_kind\", \"position\", \"name\", \"kind\", \"price_fen\", \"tags\", \"allergens\", \"photo_url\", \"daily_quantity\", \"remaining\", \"created_at\") SELECT \"id\", \"meal_point_id\", \"meal_date\", \"meal_kind\", \"position\", \"name\", \"kind\", \"price_fen\", \"tags\", \"allergens\", \"photo_url\", \"daily_quantity\", \"remaining\", \"created_at\" FROM \"temporary_dish\"");
    await queryRunner.query("DROP TABLE \"temporary_dish\"");
    await queryRunner.query("CREATE INDEX \"ix_dish_meal\" ON \"dish\" (\"meal_point_id\", \"meal_date\", \"meal_kind\") ");
    await queryRunner.query("DROP INDEX \"ix_dish_photo_meal_point\"");
    await queryRunner.query("DROP TABLE \"dish_photo\"");
  }
}

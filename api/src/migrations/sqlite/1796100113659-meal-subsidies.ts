import type { MigrationInterface, QueryRunner } from 'typeorm';

export class MealSubsidies1796100113659 implements MigrationInterface {
  name = 'MealSubsidies1796100113659';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"hardship_record\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"resident_id\" varchar(36) NOT NULL, \"category\" varchar CHECK( \"category\" IN ('subsistence_allowance','extreme_poverty','care_dependent','living_alone','advanced_age','entitled_group') ) NOT NULL, \"valid_from\" varchar(10) NOT NULL, \"valid_to\" varchar(10), \"note_cipher\" varchar(600), \"verified_by_account_id\" varchar(36) NOT NULL, \"verified_at\" datetime(3) NOT NULL, \"ended_by_account_id\" varchar(36), \"ended_at\" datetime(3))");
    await queryRunner.query("CREATE INDEX \"ix_hardship_record_resident\" ON \"hardship_record\" (\"resident_id\") ");
    await queryRunner.query("CREATE TABLE \"meal_balance_account\" (\"resident_id\" varchar(36) PRIMARY KEY NOT NULL, \"balance_fen\" integer NOT NULL, \"entry_count\" integer NOT NULL)");
    await queryRunner.query("CREATE TABLE \"meal_balance_entry\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"resident_id\" varchar(36) NOT NULL, \"sequence\" integer NOT NULL, \"kind\" varchar CHECK( \"kind\" IN ('top_up','meal_payment','refund') ) NOT NULL, \"amount_fen\" integer NOT NULL, \"balance_after_fen\" integer NOT NULL, \"meal_order_id\" varchar(36), \"method\" varchar CHECK( \"method\" IN ('cash','transfer') ), \"note\" varchar(100), \"recorded_by_account_id\" varchar(36), \"created_at\" datetime(3) NOT NULL)");
    await queryRunner.query("CREATE INDEX \"ix_meal_balance_entry_meal_order\" ON \"meal_balance_entry\" (\"meal_order_id\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_meal_balance_entry_resident_sequence\" ON \"meal_balance_entry\" (\"resident_id\", \"sequence\") ");
    await queryRunner.query("CREATE TABLE \"meal_profile\" (\"resident_id\" varchar(36) PRIMARY KEY NOT NULL, \"registered_district_id\" varchar(36), \"updated_by_account_id\" varchar(36) NOT NULL, \"created_at\" datetime NOT NULL DEFAULT (datetime('now')), \"updated_at\" datetime NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("CREATE INDEX \"ix_meal_profile_registered_district\" ON \"meal_profile\" (\"registered_district_id\") ");
    await queryRunner.query("CREATE TABLE \"meal_subsidy_rule\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"scheme_id\" varchar(36) NOT NULL, \"version\" integer NOT NULL, \"district_id\" varchar(36) NOT NULL, \"name\" varchar(64) NOT NULL, \"effective_from\" varchar(10) NOT NULL, \"effective_to\" varchar(10), \"meal_kinds\" text NOT NULL, \"eligibility\" text NOT NULL, \"amount\" text, \"special_diet_extra\" text, \"delivery\" text, \"caps\" text NOT NULL, \"cap_group_id\" varchar(36) NOT NULL, \"stacks\" boolean NOT NULL, \"created_by_account_id\" varchar(36) NOT NULL, \"created_at\" datetime(3) NOT NULL, \"withdrawn_at\" datetime(3))");
    await queryRunner.query("CREATE INDEX \"ix_meal_subsidy_rule_district\" ON \"meal_subsidy_rule\" (\"district_id\", \"effective_from\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_meal_subsidy_rule_scheme_version\" ON \"meal_subsidy_rule\" (\"scheme_id\", \"version\") ");
    await queryRunner.query("DROP INDEX \"ix_hardship_record_resident\"");
    await queryRunner.query("CREATE TABLE \"temporary_hardship_record\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"resident_id\" varchar(36) NOT NULL, \"category\" varchar CHECK( \"category\" IN ('subsistence_allowance','extreme_poverty','care_dependent','living_alone','advanced_age','entitled_group') ) NOT NULL, \"valid_from\" varchar(10) NOT NULL, \"valid_to\" varchar(10), \"note_cipher\" varchar(600), \"verified_by_account_id\" varchar(36) NOT NULL, \"verified_at\" datetime(3) NOT NULL, \"ended_by_account_id\" varchar(36), \"ended_at\" datetime(3), CONSTRAINT \"fk_hardship_record_resident\" FOREIGN KEY (\"resident_id\") REFERENCES \"resident\" (\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION)");
    await queryRunner.query("INSERT INTO \"temporary_hardship_record\"(\"id\", \"resident_id\", \"category\", \"valid_from\", \"valid_to\", \"note_cipher\", \"verified_by_account_id\", \"verified_at\", \"ended_by_account_id\", \"ended_at\") SELECT \"id\", \"resident_id\", \"category\", \"valid_from\", \"valid_to\", \"note_cipher\", \"verified_by_account_id\", \"verified_at\", \"ended_by_account_id\", \"ended_at\" FROM \"hardship_record\"");
    await queryRunner.query("DROP TABLE \"hardship_record\"");
    await queryRunner.query("ALTER TABLE \"temporary_hardship_record\" RENAME TO \"hardship_record\"");
    await queryRunner.query("CREATE INDEX \"ix_hardship_record_resident\" ON \"hardship_record\" (\"resident_id\") ");
    await queryRunner.query("CREATE TABLE \"temporary_meal_balance_account\" (\"resident_id\" varchar(36) PRIMARY KEY NOT NULL, \"balance_fen\" integer NOT NULL, \"entry_count\" integer NOT NULL, CONSTRAINT \"fk_meal_balance_account_resident\" FOREIGN KEY (\"resident_id\") REFERENCES \"resident\" (\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION)");
    await queryRunner.query("INSERT INTO \"temporary_meal_balance_account\"(\"resident_id\", \"balance_fen\", \"entry_count\") SELECT \"resident_id\", \"balance_fen\", \"entry_count\" FROM \"meal_balance_account\"");
    await queryRunner.query("DROP TABLE \"meal_balance_account\"");
    await queryRunner.query("ALTER TABLE \"temporary_meal_balance_account\" RENAME TO \"meal_balance_account\"");
    await queryRunner.query("DROP INDEX \"ix_meal_balance_entry_meal_order\"");
    await queryRunner.query("DROP INDEX \"uq_meal_balance_entry_resident_sequence\"");
    await queryRunner.query("CREATE TABLE \"temporary_meal_balance_entry\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"resident_id\" varchar(36) NOT NULL, \"sequence\" integer NOT NULL, \"kind\" varchar CHECK( \"kind\" IN ('top_up','meal_payment','refund') ) NOT NULL, \"amount_fen\" integer NOT NULL, \"balance_after_fen\" integer NOT NULL, \"meal_order_id\" varchar(36), \"method\" varchar CHECK( \"method\" IN ('cash','transfer') ), \"note\" varchar(100), \"recorded_by_account_id\" varchar(36), \"created_at\" datetime(3) NOT NULL, CONSTRAINT \"fk_meal_balance_entry_resident\" FOREIGN KEY (\"resident_id\") REFERENCES \"resident\" (\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION)");
    await queryRunner.query("INSERT INTO \"temporary_meal_balance_entry\"(\"id\", \"resident_id\", \"sequence\", \"kind\", \"amount_fen\", \"balance_after_fen\", \"meal_order_id\", \"method\", \"note\", \"recorded_by_account_id\", \"created_at\") SELECT \"id\", \"resident_id\", \"sequence\", \"kind\", \"amount_fen\", \"balance_after_fen\", \"meal_order_id\", \"method\", \"note\", \"recorded_by_account_id\", \"created_at\" FROM \"meal_balance_entry\"");
    await queryRunner.query("DROP TABLE \"meal_balance_entry\"");
    await queryRunner.query("ALTER TABLE \"temporary_meal_balance_entry\" RENAME TO \"meal_balance_entry\"");
    await queryRunner.query("CREATE INDEX \"ix_meal_balance_entry_meal_order\" ON \"meal_balance_entry\" (\"meal_order_id\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_meal_balance_entry_resident_sequence\" ON \"meal_balance_entry\" (\"resident_id\", \"sequence\") ");
    await queryRunner.query("DROP INDEX \"ix_meal_profile_registered_district\"");
    await queryRunner.query("CREATE TABLE \"temporary_meal_profile\" (\"resident_id\" varchar(36) PRIMARY KEY NOT NULL, \"registered_district_id\" varchar(36), \"updated_by_account_id\" varchar(36) NOT NULL, \"created_at\" datetime NOT NULL DEFAULT (datetime('now')), \"updated_at\" datetime NOT NULL DEFAULT (datetime('now')), CONSTRAINT \"fk_meal_profile_resident\" FOREIGN KEY (\"resident_id\") REFERENCES \"resident\" (\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT \"fk_meal_profile_registered_district\" FOREIGN KEY (\"registered_district_id\") REFERENCES \"region\" (\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION)");
    await queryRunner.query("INSERT INTO \"temporary_meal_profile\"(\"resident_id\", \"registered_district_id\", \"updated_by_account_id\", \"created_at\", \"updated_at\") SELECT \"resident_id\", \"registered_district_id\", \"updated_by_account_id\", \"created_at\", \"updated_at\" FROM \"meal_profile\"");
    await queryRunner.query("DROP TABLE \"meal_profile\"");
    await queryRunner.query("ALTER TABLE \"temporary_meal_profile\" RENAME TO \"meal_profile\"");
    await queryRunner.query("CREATE INDEX \"ix_meal_profile_registered_district\" ON \"meal_profile\" (\"registered_district_id\") ");
    await queryRunner.query("DROP INDEX \"ix_meal_subsidy_rule_district\"");
    await queryRunner.query("DROP INDEX \"uq_meal_subsidy_rule_scheme_version\"");
    await queryRunner.query("CREATE TABLE \"temporary_meal_subsidy_rule\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"scheme_id\" varchar(36) NOT NULL, \"version\" integer NOT NULL, \"district_id\" varchar(36) NOT NULL, \"name\" varchar(64) NOT NULL, \"effective_from\" varchar(10) NOT NULL, \"effective_to\" varchar(10), \"meal_kinds\" text NOT NULL, \"eligibility\" text NOT NULL, \"amount\" text, \"special_diet_extra\" text, \"delivery\" text, \"caps\" text NOT NULL, \"cap_group_id\" varchar(36) NOT NULL, \"stacks\" boolean NOT NULL, \"created_by_account_id\" varchar(36) NOT NULL, \"created_at\" datetime(3) NOT NULL, \"withdrawn_at\" datetime(3), CONSTRAINT \"fk_meal_subsidy_rule_district\" FOREIGN KEY (\"district_id\") REFERENCES \"region\" (\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION)");
    await queryRunner.query("INSERT INTO \"temporary_meal_subsidy_rule\"(\"id\", \"scheme_id\", \"version\", \"district_id\", \"name\", \"effective_from\", \"effective_to\", \"meal_kinds\", \"eligibility\", \"amount\", \"special_diet_extra\", \"delivery\", \"caps\", \"cap_group_id\", \"stacks\", \"created_by_account_id\", \"created_at\", \"withdrawn_at\") SELECT \"id\", \"scheme_id\", \"version\", \"district_id\", \"name\", \"effective_from\", \"effective_to\", \"meal_kinds\", \"eligibility\", \"amount\", \"special_diet_extra\", \"delivery\", \"caps\", \"cap_group_id\", \"stacks\", \"created_by_account_id\", \"created_at\", \"withdrawn_at\" FROM \"meal_subsidy_rule\"");
    await queryRunner.query("DROP TABLE \"meal_subsidy_rule\"");
    await queryRunner.query("ALTER TABLE \"temporary_meal_subsidy_rule\" RENAME TO \"meal_subsidy_rule\"");
    await queryRunner.query("CREATE INDEX \"ix_meal_subsidy_rule_district\" ON \"meal_subsidy_rule\" (\"district_id\", \"effective_from\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_meal_subsidy_rule_scheme_version\" ON \"meal_subsidy_rule\" (\"scheme_id\", \"version\") ");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"uq_meal_subsidy_rule_scheme_version\"");
    await queryRunner.query("DROP INDEX \"ix_meal_subsidy_rule_district\"");
    await queryRunner.query("ALTER TABLE \"meal_subsidy_rule\" RENAME TO \"temporary_meal_subsidy_rule\"");
    await queryRunner.query("CREATE TABLE \"meal_subsidy_rule\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"scheme_id\" varchar(36) NOT NULL, \"version\" integer NOT NULL, \"district_id\" varchar(36) NOT NULL, \"name\" varchar(64) NOT NULL, \"effective_from\" varchar(10) NOT NULL, \"effective_to\" varchar(10), \"meal_kinds\" text NOT NULL, \"eligibility\" text NOT NULL, \"amount\" text, \"special_diet_extra\" text, \"delivery\" text, \"caps\" text NOT NULL, \"cap_group_id\" varchar(36) NOT NULL, \"stacks\" boolean NOT NULL, \"created_by_account_id\" varchar(36) NOT NULL, \"created_at\" datetime(3) NOT NULL, \"withdrawn_at\" datetime(3))");
    await queryRunner.query("INSERT INTO \"meal_subsidy_rule\"(\"id\", \"scheme_id\", \"version\", \"district_id\", \"name\", \"effective_from\", \"effective_to\", \"meal_kinds\", \"eligibility\", \"amount\", \"special_diet_extra\", \"delivery\", \"caps\", \"cap_group_id\", \"stacks\", \"created_by_account_id\", \"created_at\", \"withdrawn_at\") SELECT \"id\", \"scheme_id\", \"version\", \"district_id\", \"name\", \"effective_from\", \"effective_to\", \"meal_kinds\", \"eligibility\", \"amount\", \"special_diet_extra\", \"delivery\", \"caps\", \"cap_group_id\", \"stacks\", \"created_by_account_id\", \"created_at\", \"withdrawn_at\" FROM \"temporary_meal_subsidy_rule\"");
    await queryRunner.query("DROP TABLE \"temporary_meal_subsidy_rule\"");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_meal_subsidy_rule_scheme_version\" ON \"meal_subsidy_rule\" (\"scheme_id\", \"version\") ");
    await queryRunner.query("CREATE INDEX \"ix_meal_subsidy_rule_district\" ON \"meal_subsidy_rule\" (\"district_id\", \"effective_from\") ");
    await queryRunner.query("DROP INDEX \"ix_meal_profile_registered_district\"");
    await queryRunner.query("ALTER TABLE \"meal_profile\" RENAME TO \"temporary_meal_profile\"");
    await queryRunner.query("CREATE TABLE \"meal_profile\" (\"resident_id\" varchar(36) PRIMARY KEY NOT NULL, \"registered_district_id\" varchar(36), \"updated_by_account_id\" varchar(36) NOT NULL, \"created_at\" datetime NOT NULL DEFAULT (datetime('now')), \"updated_at\" datetime NOT NULL DEFAULT (datetime('now')))");
    await queryRunner.query("INSERT INTO \"meal_profile\"(\"resident_id\", \"registered_district_id\", \"updated_by_account_id\", \"created_at\", \"updated_at\") SELECT \"resident_id\", \"registered_district_id\", \"updated_by_account_id\", \"created_at\", \"updated_at\" FROM \"temporary_meal_profile\"");
    await queryRunner.query("DROP TABLE \"temporary_meal_profile\"");
    await queryRunner.query("CREATE INDEX \"ix_meal_profile_registered_district\" ON \"meal_profile\" (\"registered_district_id\") ");
    await queryRunner.query("DROP INDEX \"uq_meal_balance_entry_resident_sequence\"");
    await queryRunner.query("DROP INDEX \"ix_meal_balance_entry_meal_order\"");
    await queryRunner.query("ALTER TABLE \"meal_balance_entry\" RENAME TO \"temporary_meal_balance_entry\"");
    await queryRunner.query("CREATE TABLE \"meal_balance_entry\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"resident_id\" varchar(36) NOT NULL, \"sequence\" integer NOT NULL, \"kind\" varchar CHECK( \"kind\" IN ('top_up','meal_payment','refund') ) NOT NULL, \"amount_fen\" integer NOT NULL, \"balance_after_fen\" integer NOT NULL, \"meal_order_id\" varchar(36), \"method\" varchar CHECK( \"method\" IN ('cash','transfer') ), \"note\" varchar(100), \"recorded_by_account_id\" varchar(36), \"created_at\" datetime(3) NOT NULL)");
    await queryRunner.query("INSERT INTO \"meal_balance_entry\"(\"id\", \"resident_id\", \"sequence\", \"kind\", \"amount_fen\", \"balance_after_fen\", \"meal_order_id\", \"method\", \"note\", \"recorded_by_account_id\", \"created_at\") SELECT \"id\", \"resident_id\", \"sequence\", \"kind\", \"amount_fen\", \"balance_after_fen\", \"meal_order_id\", \"method\", \"note\", \"recorded_by_account_id\", \"created_at\" FROM \"temporary_meal_balance_entry\"");
    await queryRunner.query("DROP TABLE \"temporary_meal_balance_entry\"");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_meal_balance_entry_resident_sequence\" ON \"meal_balance_entry\" (\"resident_id\", \"sequence\") ");
    await queryRunner.query("CREATE INDEX \"ix_meal_balance_entry_meal_order\" ON \"meal_balance_entry\" (\"meal_order_id\") ");
    await queryRunner.query("ALTER TABLE \"meal_balance_account\" RENAME TO \"temporary_meal_balance_account\"");
    await queryRunner.query("CREATE TABLE \"meal_balance_account\" (\"resident_id\" varchar(36) PRIMARY KEY NOT NULL, \"balance_fen\" integer NOT NULL, \"entry_count\" integer NOT NULL)");
    await queryRunner.query("INSERT INTO \"meal_balance_account\"(\"resident_id\", \"balance_fen\", \"entry_count\") SELECT \"resident_id\", \"balance_fen\", \"entry_count\" FROM \"temporary_meal_balance_account\"");
    await queryRunner.query("DROP TABLE \"temporary_meal_balance_account\"");
    await queryRunner.query("DROP INDEX \"ix_hardship_record_resident\"");
    await queryRunner.query("ALTER TABLE \"hardship_record\" RENAME TO \"temporary_hardship_record\"");
    await queryRunner.query("CREATE TABLE \"hardship_record\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"resident_id\" varchar(36) NOT NULL, \"category\" varchar CHECK( \"category\" IN ('subsistence_allowance','extreme_poverty','care_dependent','living_alone','advanced_age','entitled_group') ) NOT NULL, \"valid_from\" varchar(10) NOT NULL, \"valid_to\" varchar(10), \"note_cipher\" varchar(600), \"verified_by_account_id\" varchar(36) NOT NULL, \"verified_at\" datetime(3) NOT NULL, \"ended_by_account_id\" varchar(36), \"ended_at\" datetime(3))");
    await queryRunner.query("INSERT INTO \"hardship_record\"(\"id\", \"resident_id\", \"category\", \"valid_from\", \"valid_to\", \"note_cipher\", \"verified_by_account_id\", \"verified_at\", \"ended_by_account_id\", \"ended_at\") SELECT \"id\", \"resident_id\", \"category\", \"valid_from\", \"valid_to\", \"note_cipher\", \"verified_by_account_id\", \"verified_at\", \"ended_by_account_id\", \"ended_at\" FROM \"temporary_hardship_record\"");
    await queryRunner.query("DROP TABLE \"temporary_hardship_record\"");
    await queryRunner.query("CREATE INDEX \"ix_hardship_record_resident\" ON \"hardship_record\" (\"resident_id\") ");
    await queryRunner.query("DROP INDEX \"uq_meal_subsidy_rule_scheme_version\"");
    await queryRunner.query("DROP INDEX \"ix_meal_subsidy_rule_district\"");
    await queryRunner.query("DROP TABLE \"meal_subsidy_rule\"");
    await queryRunner.query("DROP INDEX \"ix_meal_profile_registered_district\"");
    await queryRunner.query("DROP TABLE \"meal_profile\"");
    await queryRunner.query("DROP INDEX \"uq_meal_balance_entry_resident_sequence\"");
    await queryRunner.query("DROP INDEX \"ix_meal_balance_entry_meal_order\"");
    await queryRunner.query("DROP TABLE \"meal_balance_entry\"");
    await queryRunner.query("DROP TABLE \"meal_balance_account\"");
    await queryRunner.query("DROP INDEX \"ix_hardship_record_resident\"");
    await queryRunner.query("DROP TABLE \"hardship_record\"");
  }
}

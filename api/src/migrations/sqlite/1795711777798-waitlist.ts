import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Waitlist1795711777798 implements MigrationInterface {
  name = 'Waitlist1795711777798';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"waitlist_entry\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"slot_id\" varchar(36) NOT NULL, \"resident_id\" varchar(36) NOT NULL, \"active_resident_id\" varchar(36), \"status\" varchar CHECK( \"status\" IN ('waiting','promoted','left') ) NOT NULL, \"joined_by_account_id\" varchar(36) NOT NULL, \"joined_at\" datetime(3) NOT NULL, \"booking_id\" varchar(36))");
    await queryRunner.query("CREATE INDEX \"ix_waitlist_resident\" ON \"waitlist_entry\" (\"resident_id\") ");
    await queryRunner.query("CREATE INDEX \"ix_waitlist_slot_queue\" ON \"waitlist_entry\" (\"slot_id\", \"status\", \"joined_at\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_waitlist_active_person_slot\" ON \"waitlist_entry\" (\"slot_id\", \"active_resident_id\") ");
    await queryRunner.query("CREATE TABLE \"outbox_message\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"topic\" varchar(64) NOT NULL, \"payload\" json NOT NULL, \"created_at\" datetime(3) NOT NULL, \"delivered_at\" datetime(3))");
    await queryRunner.query("CREATE INDEX \"ix_outbox_pending\" ON \"outbox_message\" (\"delivered_at\", \"created_at\") ");
    await queryRunner.query("DROP INDEX \"ix_waitlist_resident\"");
    await queryRunner.query("DROP INDEX \"ix_waitlist_slot_queue\"");
    await queryRunner.query("DROP INDEX \"uq_waitlist_active_person_slot\"");
    await queryRunner.query("CREATE TABLE \"temporary_waitlist_entry\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"slot_id\" varchar(36) NOT NULL, \"resident_id\" varchar(36) NOT NULL, \"active_resident_id\" varchar(36), \"status\" varchar CHECK( \"status\" IN ('waiting','promoted','left') ) NOT NULL, \"joined_by_account_id\" varchar(36) NOT NULL, \"joined_at\" datetime(3) NOT NULL, \"booking_id\" varchar(36), CONSTRAINT \"fk_waitlist_slot\" FOREIGN KEY (\"slot_id\") REFERENCES \"slot\" (\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT \"fk_waitlist_resident\" FOREIGN KEY (\"resident_id\") REFERENCES \"resident\" (\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION)");
    await queryRunner.query("INSERT INTO \"temporary_waitlist_entry\"(\"id\", \"slot_id\", \"resident_id\", \"active_resident_id\", \"status\", \"joined_by_account_id\", \"joined_at\", \"booking_id\") SELECT \"id\", \"slot_id\", \"resident_id\", \"active_resident_id\", \"status\", \"joined_by_account_id\", \"joined_at\", \"booking_id\" FROM \"waitlist_entry\"");
    await queryRunner.query("DROP TABLE \"waitlist_entry\"");
    await queryRunner.query("ALTER TABLE \"temporary_waitlist_entry\" RENAME TO \"waitlist_entry\"");
    await queryRunner.query("CREATE INDEX \"ix_waitlist_resident\" ON \"waitlist_entry\" (\"resident_id\") ");
    await queryRunner.query("CREATE INDEX \"ix_waitlist_slot_queue\" ON \"waitlist_entry\" (\"slot_id\", \"status\", \"joined_at\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_waitlist_active_person_slot\" ON \"waitlist_entry\" (\"slot_id\", \"active_resident_id\") ");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"uq_waitlist_active_person_slot\"");
    await queryRunner.query("DROP INDEX \"ix_waitlist_slot_queue\"");
    await queryRunner.query("DROP INDEX \"ix_waitlist_resident\"");
    await queryRunner.query("ALTER TABLE \"waitlist_entry\" RENAME TO \"temporary_waitlist_entry\"");
    await queryRunner.query("CREATE TABLE \"waitlist_entry\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"slot_id\" varchar(36) NOT NULL, \"resident_id\" varchar(36) NOT NULL, \"active_resident_id\" varchar(36), \"status\" varchar CHECK( \"status\" IN ('waiting','promoted','left') ) NOT NULL, \"joined_by_account_id\" varchar(36) NOT NULL, \"joined_at\" datetime(3) NOT NULL, \"booking_id\" varchar(36))");
    await queryRunner.query("INSERT INTO \"waitlist_entry\"(\"id\", \"slot_id\", \"resident_id\", \"active_resident_id\", \"status\", \"joined_by_account_id\", \"joined_at\", \"booking_id\") SELECT \"id\", \"slot_id\", \"resident_id\", \"active_resident_id\", \"status\", \"joined_by_account_id\", \"joined_at\", \"booking_id\" FROM \"temporary_waitlist_entry\"");
    await queryRunner.query("DROP TABLE \"temporary_waitlist_entry\"");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_waitlist_active_person_slot\" ON \"waitlist_entry\" (\"slot_id\", \"active_resident_id\") ");
    await queryRunner.query("CREATE INDEX \"ix_waitlist_slot_queue\" ON \"waitlist_entry\" (\"slot_id\", \"status\", \"joined_at\") ");
    await queryRunner.query("CREATE INDEX \"ix_waitlist_resident\" ON \"waitlist_entry\" (\"resident_id\") ");
    await queryRunner.query("DROP INDEX \"ix_outbox_pending\"");
    await queryRunner.query("DROP TABLE \"outbox_message\"");
    await queryRunner.query("DROP INDEX \"uq_waitlist_active_person_slot\"");
    await queryRunner.query("DROP INDEX \"ix_waitlist_slot_queue\"");
    await queryRunner.query("DROP INDEX \"ix_waitlist_resident\"");
    await queryRunner.query("DROP TABLE \"waitlist_entry\"");
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

export class WaitlistGroupSize1795714274757 implements MigrationInterface {
  name = 'WaitlistGroupSize1795714274757';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"uq_waitlist_active_person_slot\"");
    await queryRunner.query("DROP INDEX \"ix_waitlist_slot_queue\"");
    await queryRunner.query("DROP INDEX \"ix_waitlist_resident\"");
    await queryRunner.query("CREATE TABLE \"temporary_waitlist_entry\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"slot_id\" varchar(36) NOT NULL, \"resident_id\" varchar(36) NOT NULL, \"active_resident_id\" varchar(36), \"status\" varchar CHECK( \"status\" IN ('waiting','promoted','left') ) NOT NULL, \"joined_by_account_id\" varchar(36) NOT NULL, \"joined_at\" datetime(3) NOT NULL, \"booking_id\" varchar(36), \"group_size\" integer, CONSTRAINT \"fk_waitlist_resident\" FOREIGN KEY (\"resident_id\") REFERENCES \"resident\" (\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT \"fk_waitlist_slot\" FOREIGN KEY (\"slot_id\") REFERENCES \"slot\" (\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION)");
    await queryRunner.query("INSERT INTO \"temporary_waitlist_entry\"(\"id\", \"slot_id\", \"resident_id\", \"active_resident_id\", \"status\", \"joined_by_account_id\", \"joined_at\", \"booking_id\") SELECT \"id\", \"slot_id\", \"resident_id\", \"active_resident_id\", \"status\", \"joined_by_account_id\", \"joined_at\", \"booking_id\" FROM \"waitlist_entry\"");
    await queryRunner.query("DROP TABLE \"waitlist_entry\"");
    await queryRunner.query("ALTER TABLE \"temporary_waitlist_entry\" RENAME TO \"waitlist_entry\"");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_waitlist_active_person_slot\" ON \"waitlist_entry\" (\"slot_id\", \"active_resident_id\") ");
    await queryRunner.query("CREATE INDEX \"ix_waitlist_slot_queue\" ON \"waitlist_entry\" (\"slot_id\", \"status\", \"joined_at\") ");
    await queryRunner.query("CREATE INDEX \"ix_waitlist_resident\" ON \"waitlist_entry\" (\"resident_id\") ");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"ix_waitlist_resident\"");
    await queryRunner.query("DROP INDEX \"ix_waitlist_slot_queue\"");
    await queryRunner.query("DROP INDEX \"uq_waitlist_active_person_slot\"");
    await queryRunner.query("ALTER TABLE \"waitlist_entry\" RENAME TO \"temporary_waitlist_entry\"");
    await queryRunner.query("CREATE TABLE \"waitlist_entry\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"slot_id\" varchar(36) NOT NULL, \"resident_id\" varchar(36) NOT NULL, \"active_resident_id\" varchar(36), \"status\" varchar CHECK( \"status\" IN ('waiting','promoted','left') ) NOT NULL, \"joined_by_account_id\" varchar(36) NOT NULL, \"joined_at\" datetime(3) NOT NULL, \"booking_id\" varchar(36), CONSTRAINT \"fk_waitlist_resident\" FOREIGN KEY (\"resident_id\") REFERENCES \"resident\" (\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT \"fk_waitlist_slot\" FOREIGN KEY (\"slot_id\") REFERENCES \"slot\" (\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION)");
    await queryRunner.query("INSERT INTO \"waitlist_entry\"(\"id\", \"slot_id\", \"resident_id\", \"active_resident_id\", \"status\", \"joined_by_account_id\", \"joined_at\", \"booking_id\") SELECT \"id\", \"slot_id\", \"resident_id\", \"active_resident_id\", \"status\", \"joined_by_account_id\", \"joined_at\", \"booking_id\" FROM \"temporary_waitlist_entry\"");
    await queryRunner.query("DROP TABLE \"temporary_waitlist_entry\"");
    await queryRunner.query("CREATE INDEX \"ix_waitlist_resident\" ON \"waitlist_entry\" (\"resident_id\") ");
    await queryRunner.query("CREATE INDEX \"ix_waitlist_slot_queue\" ON \"waitlist_entry\" (\"slot_id\", \"status\", \"joined_at\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_waitlist_active_person_slot\" ON \"waitlist_entry\" (\"slot_id\", \"active_resident_id\") ");
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

export class BookingGroupSize1795714139593 implements MigrationInterface {
  name = 'BookingGroupSize1795714139593';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"uq_booking_active_person_slot\"");
    await queryRunner.query("DROP INDEX \"ix_booking_resident\"");
    await queryRunner.query("DROP INDEX \"ix_booking_centre_service\"");
    await queryRunner.query("CREATE TABLE \"temporary_booking\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"slot_id\" varchar(36) NOT NULL, \"centre_service_id\" varchar(36) NOT NULL, \"resident_id\" varchar(36) NOT NULL, \"active_resident_id\" varchar(36), \"status\" varchar CHECK( \"status\" IN ('pending_review','confirmed','checked_in','completed','cancelled','rejected','no_show') ) NOT NULL, \"booked_by_account_id\" varchar(36) NOT NULL, \"created_at\" datetime NOT NULL DEFAULT (datetime('now')), \"updated_at\" datetime NOT NULL DEFAULT (datetime('now')), \"group_size\" integer, CONSTRAINT \"fk_booking_resident\" FOREIGN KEY (\"resident_id\") REFERENCES \"resident\" (\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT \"fk_booking_slot\" FOREIGN KEY (\"slot_id\") REFERENCES \"slot\" (\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION)");
    await queryRunner.query("INSERT INTO \"temporary_booking\"(\"id\", \"slot_id\", \"centre_service_id\", \"resident_id\", \"active_resident_id\", \"status\", \"booked_by_account_id\", \"created_at\", \"updated_at\") SELECT \"id\", \"slot_id\", \"centre_service_id\", \"resident_id\", \"active_resident_id\", \"status\", \"booked_by_account_id\", \"created_at\", \"updated_at\" FROM \"booking\"");
    await queryRunner.query("DROP TABLE \"booking\"");
    await queryRunner.query("ALTER TABLE \"temporary_booking\" RENAME TO \"booking\"");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_booking_active_person_slot\" ON \"booking\" (\"slot_id\", \"active_resident_id\") ");
    await queryRunner.query("CREATE INDEX \"ix_booking_resident\" ON \"booking\" (\"resident_id\") ");
    await queryRunner.query("CREATE INDEX \"ix_booking_centre_service\" ON \"booking\" (\"centre_service_id\", \"status\") ");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"ix_booking_centre_service\"");
    await queryRunner.query("DROP INDEX \"ix_booking_resident\"");
    await queryRunner.query("DROP INDEX \"uq_booking_active_person_slot\"");
    await queryRunner.query("ALTER TABLE \"booking\" RENAME TO \"temporary_booking\"");
    await queryRunner.query("CREATE TABLE \"booking\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"slot_id\" varchar(36) NOT NULL, \"centre_service_id\" varchar(36) NOT NULL, \"resident_id\" varchar(36) NOT NULL, \"active_resident_id\" varchar(36), \"status\" varchar CHECK( \"status\" IN ('pending_review','confirmed','checked_in','completed','cancelled','rejected','no_show') ) NOT NULL, \"booked_by_account_id\" varchar(36) NOT NULL, \"created_at\" datetime NOT NULL DEFAULT (datetime('now')), \"updated_at\" datetime NOT NULL DEFAULT (datetime('now')), CONSTRAINT \"fk_booking_resident\" FOREIGN KEY (\"resident_id\") REFERENCES \"resident\" (\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT \"fk_booking_slot\" FOREIGN KEY (\"slot_id\") REFERENCES \"slot\" (\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION)");
    await queryRunner.query("INSERT INTO \"booking\"(\"id\", \"slot_id\", \"centre_service_id\", \"resident_id\", \"active_resident_id\", \"status\", \"booked_by_account_id\", \"created_at\", \"updated_at\") SELECT \"id\", \"slot_id\", \"centre_service_id\", \"resident_id\", \"active_resident_id\", \"status\", \"booked_by_account_id\", \"created_at\", \"updated_at\" FROM \"temporary_booking\"");
    await queryRunner.query("DROP TABLE \"temporary_booking\"");
    await queryRunner.query("CREATE INDEX \"ix_booking_centre_service\" ON \"booking\" (\"centre_service_id\", \"status\") ");
    await queryRunner.query("CREATE INDEX \"ix_booking_resident\" ON \"booking\" (\"resident_id\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_booking_active_person_slot\" ON \"booking\" (\"slot_id\", \"active_resident_id\") ");
  }
}

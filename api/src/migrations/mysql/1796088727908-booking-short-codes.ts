import type { MigrationInterface, QueryRunner } from 'typeorm';
import { backfillShortCodes } from '../short-code-backfill';

/** Generated; the backfill of upcoming bookings by hand. */
export class BookingShortCodes1796088727908 implements MigrationInterface {
  name = 'BookingShortCodes1796088727908';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `booking_short_code` (`booking_id` varchar(36) NOT NULL, `centre_id` varchar(36) NOT NULL, `service_date` varchar(10) NOT NULL, `code` varchar(6) NOT NULL, UNIQUE INDEX `uq_booking_short_code_centre_day` (`centre_id`, `service_date`, `code`), PRIMARY KEY (`booking_id`)) ENGINE=InnoDB");
    await queryRunner.query("ALTER TABLE `booking_short_code` ADD CONSTRAINT `fk_booking_short_code_booking` FOREIGN KEY (`booking_id`) REFERENCES `booking`(`id`) ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE `booking_short_code` ADD CONSTRAINT `fk_booking_short_code_centre` FOREIGN KEY (`centre_id`) REFERENCES `centre`(`id`) ON DELETE RESTRICT ON UPDATE NO ACTION");
    await backfillShortCodes(queryRunner);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `booking_short_code` DROP FOREIGN KEY `fk_booking_short_code_centre`");
    await queryRunner.query("ALTER TABLE `booking_short_code` DROP FOREIGN KEY `fk_booking_short_code_booking`");
    await queryRunner.query("DROP INDEX `uq_booking_short_code_centre_day` ON `booking_short_code`");
    await queryRunner.query("DROP TABLE `booking_short_code`");
  }
}

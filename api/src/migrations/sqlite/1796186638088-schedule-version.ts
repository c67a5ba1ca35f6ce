import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ScheduleVersion1796186638088 implements MigrationInterface {
  name = 'ScheduleVersion1796186638088';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"centre_service\" ADD COLUMN \"schedule_version\" integer NOT NULL DEFAULT (0)");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"centre_service\" DROP COLUMN \"schedule_version\"");
  }
}

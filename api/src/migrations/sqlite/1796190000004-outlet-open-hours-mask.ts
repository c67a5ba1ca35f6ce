import type { MigrationInterface, QueryRunner } from 'typeorm';
import { backfillOpenHoursMasks } from '../open-hours-mask-backfill';

/** `outlet.open_hours_mask`, filled from the hours, and carried by both search indexes (docs/outlets.md). */
export class OutletOpenHoursMask1796190000004 implements MigrationInterface {
  name = 'OutletOpenHoursMask1796190000004';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "outlet" ADD COLUMN "open_hours_mask" integer NOT NULL DEFAULT (16777215)');
    await backfillOpenHoursMasks(queryRunner);
    await queryRunner.query('DROP INDEX "ix_outlet_cell_kind"');
    await queryRunner.query('DROP INDEX "ix_outlet_kind_cell"');
    await queryRunner.query('CREATE INDEX "ix_outlet_cell_kind" ON "outlet" ("cell", "kind", "latitude_e6", "longitude_e6", "id", "open_hours_mask") ');
    await queryRunner.query('CREATE INDEX "ix_outlet_kind_cell" ON "outlet" ("kind", "cell", "latitude_e6", "longitude_e6", "id", "open_hours_mask") ');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "ix_outlet_kind_cell"');
    await queryRunner.query('DROP INDEX "ix_outlet_cell_kind"');
    await queryRunner.query('CREATE INDEX "ix_outlet_cell_kind" ON "outlet" ("cell", "kind", "latitude_e6", "longitude_e6", "id") ');
    await queryRunner.query('CREATE INDEX "ix_outlet_kind_cell" ON "outlet" ("kind", "cell", "latitude_e6", "longitude_e6", "id") ');
    await queryRunner.query('ALTER TABLE "outlet" DROP COLUMN "open_hours_mask"');
  }
}

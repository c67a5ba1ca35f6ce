import type { MigrationInterface, QueryRunner } from 'typeorm';

export class OutletKindIndex1796190000003 implements MigrationInterface {
  name = 'OutletKindIndex1796190000003';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE INDEX `ix_outlet_kind_cell` ON `outlet` (`kind`, `cell`, `latitude_e6`, `longitude_e6`, `id`)");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX `ix_outlet_kind_cell` ON `outlet`");
  }
}

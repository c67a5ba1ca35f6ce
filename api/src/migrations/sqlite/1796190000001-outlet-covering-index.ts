import type { MigrationInterface, QueryRunner } from 'typeorm';

export class OutletCoveringIndex1796190000001 implements MigrationInterface {
  name = 'OutletCoveringIndex1796190000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"ix_outlet_cell_kind\"");
    await queryRunner.query("CREATE INDEX \"ix_outlet_cell_kind\" ON \"outlet\" (\"cell\", \"kind\", \"latitude_e6\", \"longitude_e6\", \"id\") ");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"ix_outlet_cell_kind\"");
    await queryRunner.query("CREATE INDEX \"ix_outlet_cell_kind\" ON \"outlet\" (\"cell\", \"kind\") ");
  }
}

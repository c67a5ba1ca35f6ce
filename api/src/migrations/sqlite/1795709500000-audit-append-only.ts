import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Written by hand: TypeORM does not model triggers. The database itself refuses to change or remove an audit
 * entry, whatever code runs against it.
 */
export class AuditAppendOnly1795709500000 implements MigrationInterface {
  name = 'AuditAppendOnly1795709500000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TRIGGER \"audit_entry_no_update\" BEFORE UPDATE ON \"audit_entry\" BEGIN SELECT RAISE(ABORT, 'audit entries are append-only'); END");
    await queryRunner.query("CREATE TRIGGER \"audit_entry_no_delete\" BEFORE DELETE ON \"audit_entry\" BEGIN SELECT RAISE(ABORT, 'audit entries are append-only'); END");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TRIGGER "audit_entry_no_delete"');
    await queryRunner.query('DROP TRIGGER "audit_entry_no_update"');
  }
}

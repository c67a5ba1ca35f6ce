import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Written by hand: TypeORM does not model triggers. The database itself refuses to change or remove an audit
 * entry, whatever code runs against it. (With binary logging on, creating triggers needs the TRIGGER privilege and
 * log_bin_trust_function_creators or SUPER: see docs/operations.md.)
 */
export class AuditAppendOnly1795709500000 implements MigrationInterface {
  name = 'AuditAppendOnly1795709500000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TRIGGER `audit_entry_no_update` BEFORE UPDATE ON `audit_entry` FOR EACH ROW SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit entries are append-only'");
    await queryRunner.query("CREATE TRIGGER `audit_entry_no_delete` BEFORE DELETE ON `audit_entry` FOR EACH ROW SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit entries are append-only'");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TRIGGER `audit_entry_no_delete`');
    await queryRunner.query('DROP TRIGGER `audit_entry_no_update`');
  }
}

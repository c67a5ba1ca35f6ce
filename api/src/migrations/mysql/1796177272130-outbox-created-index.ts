import type { MigrationInterface, QueryRunner } from 'typeorm';

export class OutboxCreatedIndex1796177272130 implements MigrationInterface {
  name = 'OutboxCreatedIndex1796177272130';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE INDEX `ix_outbox_created` ON `outbox_message` (`created_at`, `id`)");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX `ix_outbox_created` ON `outbox_message`");
  }
}

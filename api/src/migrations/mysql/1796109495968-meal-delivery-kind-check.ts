import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Written by hand (decision 0012): TypeORM's MySQL driver ignores `@Check`. A home visit has a centre's offering, a
 * service and a person; a meal-delivery run has none of them (decision 0015). The entity's check, word for word.
 */
const KIND_CHECK =
  "(kind = 'home_service' AND centre_service_id IS NOT NULL AND service_id IS NOT NULL AND resident_id IS NOT NULL) OR (kind = 'meal_delivery' AND centre_service_id IS NULL AND service_id IS NULL AND resident_id IS NULL)";

export class MealDeliveryKindCheck1796109495968 implements MigrationInterface {
  name = 'MealDeliveryKindCheck1796109495968';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`service_order\` ADD CONSTRAINT \`ck_service_order_kind\` CHECK (${KIND_CHECK})`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE `service_order` DROP CONSTRAINT `ck_service_order_kind`');
  }
}

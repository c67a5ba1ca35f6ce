import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Written by hand: TypeORM's MySQL driver ignores `@Check`, so the generated MySQL migrations never created the CHECK
 * constraints the SQLite ones have. MySQL 8.0.16+ and MariaDB 10.2+ enforce them; these are the entities' checks,
 * word for word, so both dialects refuse the same rows.
 */
const CHECKS: [table: string, name: string, expression: string][] = [
  ['worker', 'ck_worker_open_orders', 'open_orders >= 0 AND open_orders <= max_open_orders'],
  ['worker', 'ck_worker_rating', 'rating_count >= 0 AND rating_sum >= rating_count AND rating_sum <= 5 * rating_count'],
  ['order_rating', 'ck_order_rating_score', 'score BETWEEN 1 AND 5'],
  ['service_order', 'ck_service_order_window', 'window_ends_at > window_starts_at'],
  ['service_order', 'ck_service_order_photos', 'photo_count BETWEEN 0 AND 6'],
  ['provider', 'ck_provider_pending_applicant', "pending_applicant_id IS NULL OR status = 'pending'"],
];

export class CheckConstraints1795751800000 implements MigrationInterface {
  name = 'CheckConstraints1795751800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const [table, name, expression] of CHECKS) await queryRunner.query(`ALTER TABLE \`${table}\` ADD CONSTRAINT \`${name}\` CHECK (${expression})`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const [table, name] of [...CHECKS].reverse()) await queryRunner.query(`ALTER TABLE \`${table}\` DROP CONSTRAINT \`${name}\``);
  }
}

import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { LivenessReport, ReadinessReport } from '@linli/shared';
import { DomainError } from '../../common/errors/domain-error';

@Injectable()
export class HealthService {
  constructor(private readonly dataSource: DataSource) {}

  liveness(): LivenessReport {
    return { status: 'ok', uptimeSeconds: Math.round(process.uptime()) };
  }

  /** Ready = the database answers and every migration of this build is applied; otherwise 503 with the report. */
  async readiness(): Promise<ReadinessReport> {
    const dialect = this.dialect();
    let pendingMigrations = 0;
    try {
      await this.dataSource.query('SELECT 1');
      pendingMigrations = await this.countPendingMigrations();
    } catch {
      throw new DomainError('SERVICE_UNAVAILABLE', '数据库暂不可用', {
        status: 'not_ready',
        database: 'down',
        dialect,
        pendingMigrations,
      } satisfies ReadinessReport);
    }
    const report: ReadinessReport = { status: pendingMigrations ? 'not_ready' : 'ready', database: 'up', dialect, pendingMigrations };
    if (pendingMigrations) throw new DomainError('SERVICE_UNAVAILABLE', '数据库迁移尚未完成', report);
    return report;
  }

  private async countPendingMigrations(): Promise<number> {
    const applied = await this.dataSource.query('SELECT name FROM migrations');
    const appliedNames = new Set((applied as Array<{ name: string }>).map((row) => row.name));
    return this.dataSource.migrations.filter((migration) => !appliedNames.has(migration.name ?? migration.constructor.name)).length;
  }

  private dialect(): ReadinessReport['dialect'] {
    const type = this.dataSource.options.type;
    return type === 'better-sqlite3' ? 'sqlite' : type === 'mariadb' ? 'mariadb' : 'mysql';
  }
}

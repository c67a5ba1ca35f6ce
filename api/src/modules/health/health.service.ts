import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { LivenessReport, ReadinessReport } from '@linli/shared';
import { HolidayCalendar } from '../appointments';
import { databaseDown, migrationsPending } from './health.errors';
import { plainSelect } from '../../database/plain-select';

/**
 * How long readiness waits for the database. A database that accepts connections and never answers would
 * otherwise hang the probe itself; the load balancer needs a prompt "not ready" to route around this instance.
 */
export const READINESS_DEADLINE_MS = 1_000;

@Injectable()
export class HealthService {
  /** The database check under way, shared by every probe that arrives while it runs. */
  private databaseCheck: Promise<number> | null = null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly holidays: HolidayCalendar,
  ) {}

  liveness(): LivenessReport {
    return { status: 'ok', uptimeSeconds: Math.round(process.uptime()) };
  }

  /**
   * Ready = the database answers within READINESS_DEADLINE_MS and every migration of this build is applied;
   * otherwise 503 with the report. A ready report names the last year with an official holiday calendar, so
   * monitoring sees a missing State Council notice before residents book on the provisional one.
   */
  async readiness(): Promise<ReadinessReport> {
    const dialect = this.dialect();
    let pendingMigrations: number;
    try {
      pendingMigrations = await this.pendingMigrationsWithin(READINESS_DEADLINE_MS);
    } catch {
      throw databaseDown({ status: 'not_ready', database: 'down', dialect, pendingMigrations: 0, lastOfficialCalendarYear: null });
    }
    if (pendingMigrations) throw migrationsPending({ status: 'not_ready', database: 'up', dialect, pendingMigrations, lastOfficialCalendarYear: null });
    const lastOfficialCalendarYear = (await this.holidays.officialYears()).at(-1) ?? null;
    return { status: 'ready', database: 'up', dialect, pendingMigrations, lastOfficialCalendarYear };
  }

  /**
   * Probes that come while a check is still waiting on a stalled database join it instead of starting their
   * own, so a stall ties up one pooled connection, not one per probe.
   */
  private pendingMigrationsWithin(deadlineMs: number): Promise<number> {
    this.databaseCheck ??= this.countPendingMigrations().finally(() => (this.databaseCheck = null));
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => reject(new Error(`database did not answer within ${deadlineMs} ms`)), deadlineMs);
    });
    return Promise.race([this.databaseCheck, deadline]).finally(() => clearTimeout(timer));
  }

  private async countPendingMigrations(): Promise<number> {
    const applied = await plainSelect<{ name: string }>(this.dataSource, 'SELECT name FROM migrations');
    const appliedNames = new Set(applied.map((row) => row.name));
    return this.dataSource.migrations.filter((migration) => !appliedNames.has(migration.name ?? migration.constructor.name)).length;
  }

  private dialect(): ReadinessReport['dialect'] {
    const type = this.dataSource.options.type;
    return type === 'better-sqlite3' ? 'sqlite' : type === 'mariadb' ? 'mariadb' : 'mysql';
  }
}

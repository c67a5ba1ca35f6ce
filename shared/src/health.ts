export interface LivenessReport {
  status: 'ok';
  uptimeSeconds: number;
}

export interface ReadinessReport {
  status: 'ready' | 'not_ready';
  database: 'up' | 'down';
  dialect: 'sqlite' | 'mysql' | 'mariadb';
  pendingMigrations: number;
  /** The last year with an official holiday calendar (dataset or a city admin's import); null while not ready. */
  lastOfficialCalendarYear: number | null;
}

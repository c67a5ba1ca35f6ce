export interface LivenessReport {
  status: 'ok';
  uptimeSeconds: number;
}

export interface ReadinessReport {
  status: 'ready' | 'not_ready';
  database: 'up' | 'down';
  dialect: 'sqlite' | 'mysql' | 'mariadb';
  pendingMigrations: number;
}

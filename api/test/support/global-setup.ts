import { createConnection } from 'mysql2/promise';

/**
 * The e2e suite runs on SQLite by default and on MySQL/MariaDB when E2E_DATABASE_URL names a server. Fail at once,
 * with the reason, when that server cannot be reached, rather than in every test file.
 */
export default async function globalSetup(): Promise<void> {
  const serverUrl = process.env.E2E_DATABASE_URL;
  if (!serverUrl) return;
  const url = new URL(serverUrl);
  try {
    const connection = await createConnection({
      host: url.hostname,
      port: Number(url.port || 3306),
      user: decodeURIComponent(url.username || 'root'),
      password: decodeURIComponent(url.password),
    });
    await connection.end();
  } catch (error) {
    throw new Error(`E2E_DATABASE_URL ${url.protocol}//${url.host} is not reachable: ${(error as Error).message}`, { cause: error });
  }
}

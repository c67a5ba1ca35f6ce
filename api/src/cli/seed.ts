/** Applies migrations, then fills the database named by DATABASE_URL with demo data (idempotent). */
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { FieldCipher } from '../common/security/field-cipher';
import { loadConfig } from '../config/app-config';
import { buildDataSourceOptions } from '../database/data-source-options';
import { TransactionRunner } from '../database/transaction-runner';
import { seedDemoData } from '../seed/seed-demo-data';

async function main(): Promise<void> {
  const config = loadConfig();
  const dataSource = new DataSource(buildDataSourceOptions(config.database));
  await dataSource.initialize();
  try {
    await dataSource.runMigrations({ transaction: 'each' });
    const summary = await seedDemoData({ transactions: new TransactionRunner(dataSource), cipher: new FieldCipher(config) });
    const target = config.database.dialect === 'sqlite' ? config.database.file : config.database.dialect;
    console.log(
      `Seeded ${target}: ${summary.regionsInserted} regions, ${summary.centresInserted} centres, ${summary.accountsInserted} accounts, ${summary.servicesInserted} services added.`,
    );
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  console.error(`Seeding failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});

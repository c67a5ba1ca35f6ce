import { DataSource, type MigrationInterface } from 'typeorm';
import { buildDataSourceOptions } from '../src/database/data-source-options';
import { createScratchDatabase, type ScratchDatabase } from '../src/database/scratch-database';

/**
 * Upgrading a database that already holds home orders from before dispatch existed: the dispatch migration must keep
 * every order and fill its new columns (skill, community, place) from the centre, on this run's dialect.
 */
/** What buildDataSourceOptions lists as migrations: the generated classes, in the order they run. */
type MigrationClass = new () => MigrationInterface;

describe('migration upgrade: home orders made before dispatch', () => {
  let scratch: ScratchDatabase;
  afterAll(() => scratch?.drop());

  it('keeps the order and fills skill, community and place from its centre', async () => {
    scratch = await createScratchDatabase(process.env.E2E_DATABASE_URL, `upgrade_${process.env.JEST_WORKER_ID ?? '0'}`);
    const options = buildDataSourceOptions(scratch.config);
    const migrations = options.migrations as MigrationClass[];
    const dispatchIndex = migrations.findIndex((migration) => migration.name.startsWith('Dispatch'));
    const before = new DataSource({ ...options, entities: [], migrations: migrations.slice(0, dispatchIndex) });
    await before.initialize();
    await before.runMigrations();
    const region = '11111111-1111-5111-8111-111111111111';
    for (const sql of [
      `INSERT INTO region (id, code, name, level, parent_id, path) VALUES ('${region}', '999', '测试社区', 'community', NULL, '/999/')`,
      `INSERT INTO centre (id, code, name, region_id, address, phone, opening_hours, latitude_e6, longitude_e6) VALUES ('22222222-2222-5222-8222-222222222222', 'C999', '测试中心', '${region}', '路', '1', '全天', 31800000, 117200000)`,
      `INSERT INTO service_category (id, code, name, sort_order) VALUES ('33333333-3333-5333-8333-333333333333', 'cat', '类', 1)`,
      `INSERT INTO community_service (id, code, category_id, name, mode, needs_review, description, materials, min_age, max_active_bookings_per_person, sort_order) VALUES ('44444444-4444-5444-8444-444444444444', 'home_x', '33333333-3333-5333-8333-333333333333', '上门', 'home', 0, '说明', '[]', NULL, 3, 1)`,
      `INSERT INTO centre_service (id, centre_id, service_id, enabled, notes) VALUES ('55555555-5555-5555-8555-555555555555', '22222222-2222-5222-8222-222222222222', '44444444-4444-5444-8444-444444444444', 1, NULL)`,
      `INSERT INTO resident (id, name, community_id) VALUES ('66666666-6666-5666-8666-666666666666', '老人', '${region}')`,
      `INSERT INTO service_order (id, kind, status, centre_service_id, resident_id, region_path, address, window_starts_at, window_ends_at, description, created_by_account_id) VALUES ('77777777-7777-5777-8777-777777777777', 'home_service', 'pending_dispatch', '55555555-5555-5555-8555-555555555555', '66666666-6666-5666-8666-666666666666', '/999/', '地址一号', '2026-12-01 01:00:00.000', '2026-12-01 04:00:00.000', '打扫', '88888888-8888-5888-8888-888888888888')`,
    ]) {
      await before.query(sql);
    }
    await before.destroy();

    const after = new DataSource({ ...options, entities: [] });
    await after.initialize();
    await after.runMigrations();
    const rows = await after.query(
      'SELECT status, dispatch_mode AS mode, service_id AS service, community_id AS community, latitude_e6 AS lat, longitude_e6 AS lng, refusals, photo_count AS photos, address FROM service_order',
    );
    await after.destroy();
    expect(rows).toHaveLength(1);
    expect({ ...rows[0], lat: Number(rows[0].lat), lng: Number(rows[0].lng), refusals: Number(rows[0].refusals), photos: Number(rows[0].photos) }).toEqual({
      status: 'pending_dispatch',
      mode: 'assign',
      service: '44444444-4444-5444-8444-444444444444',
      community: region,
      lat: 31800000,
      lng: 117200000,
      refusals: 0,
      photos: 0,
      address: '地址一号',
    });
  });
});

/**
 * Upgrading a database that holds bookings from before short check-in codes: those that can still be checked in get
 * six digits, unique per centre and day; past, cancelled ones get none.
 */
describe('migration upgrade: bookings made before short check-in codes', () => {
  let scratch: ScratchDatabase;
  afterAll(() => scratch?.drop());

  it('gives upcoming pending and confirmed bookings a code each, and no one else', async () => {
    scratch = await createScratchDatabase(process.env.E2E_DATABASE_URL, `upgrade_codes_${process.env.JEST_WORKER_ID ?? '0'}`);
    const options = buildDataSourceOptions(scratch.config);
    const migrations = options.migrations as MigrationClass[];
    const codesIndex = migrations.findIndex((migration) => migration.name.startsWith('BookingShortCodes'));
    const before = new DataSource({ ...options, entities: [], migrations: migrations.slice(0, codesIndex) });
    await before.initialize();
    await before.runMigrations();
    const id = (prefix: string, n: number) => `${prefix}000000${n}-0000-5000-8000-000000000000`;
    const [region, centre, category, service, offering, resident] = [1, 2, 3, 4, 5, 6].map((n) => id('c', n));
    const slot = (n: number) => id('a', n);
    const booking = (n: number) => id('b', n);
    const insertBooking = (n: number, slotNumber: number, status: string, active: boolean) =>
      `INSERT INTO booking (id, slot_id, centre_service_id, resident_id, active_resident_id, status, booked_by_account_id) VALUES ('${booking(n)}', '${slot(slotNumber)}', '${offering}', '${resident}', ${active ? `'${resident}'` : 'NULL'}, '${status}', '${resident}')`;
    for (const sql of [
      `INSERT INTO region (id, code, name, level, parent_id, path) VALUES ('${region}', '999', '测试社区', 'community', NULL, '/999/')`,
      `INSERT INTO centre (id, code, name, region_id, address, phone, opening_hours, latitude_e6, longitude_e6) VALUES ('${centre}', 'C999', '测试中心', '${region}', '路', '1', '全天', 31800000, 117200000)`,
      `INSERT INTO service_category (id, code, name, sort_order) VALUES ('${category}', 'cat', '类', 1)`,
      `INSERT INTO community_service (id, code, category_id, name, mode, needs_review, description, materials, min_age, max_active_bookings_per_person, sort_order) VALUES ('${service}', 'visit_x', '${category}', '办事', 'visit', 0, '说明', '[]', NULL, 3, 1)`,
      `INSERT INTO centre_service (id, centre_id, service_id, enabled, notes) VALUES ('${offering}', '${centre}', '${service}', 1, NULL)`,
      `INSERT INTO resident (id, name, community_id) VALUES ('${resident}', '老人', '${region}')`,
      // Two slots on 2099-01-05 (09:00 and 10:00 in Shanghai), one long past.
      `INSERT INTO slot (id, centre_service_id, starts_at, ends_at, capacity, booked) VALUES ('${slot(1)}', '${offering}', '2099-01-05 01:00:00.000', '2099-01-05 01:30:00.000', 3, 1)`,
      `INSERT INTO slot (id, centre_service_id, starts_at, ends_at, capacity, booked) VALUES ('${slot(2)}', '${offering}', '2099-01-05 02:00:00.000', '2099-01-05 02:30:00.000', 3, 1)`,
      `INSERT INTO slot (id, centre_service_id, starts_at, ends_at, capacity, booked) VALUES ('${slot(3)}', '${offering}', '2020-01-06 01:00:00.000', '2020-01-06 01:30:00.000', 3, 1)`,
      insertBooking(1, 1, 'confirmed', true),
      insertBooking(2, 2, 'pending_review', true),
      insertBooking(3, 1, 'cancelled', false),
      insertBooking(4, 3, 'confirmed', true),
    ]) {
      await before.query(sql);
    }
    await before.destroy();

    const after = new DataSource({ ...options, entities: [] });
    await after.initialize();
    await after.runMigrations();
    const rows: Array<{ booking: string; centre: string; day: string; code: string }> = await after.query(
      'SELECT booking_id AS booking, centre_id AS centre, service_date AS day, code FROM booking_short_code ORDER BY booking_id',
    );
    await after.destroy();
    expect(rows.map(({ booking: id, centre: at, day }) => [id, at, day])).toEqual([
      [booking(1), centre, '2099-01-05'],
      [booking(2), centre, '2099-01-05'],
    ]);
    for (const row of rows) expect(row.code).toMatch(/^[1-9]\d{5}$/);
    expect(rows[0].code).not.toBe(rows[1].code);
  });
});

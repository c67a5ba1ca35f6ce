/**
 * A square grid over GCJ-02 coordinates, the spatial index of the outlet directory. Both SQLite and MySQL index an
 * integer column well and neither shares a spatial type with the other, so every outlet stores the number of the
 * grid cell it lies in; a nearest-first search reads the cells around the searcher ring by ring (each ring an index
 * range per grid row) and sorts only those rows by exact distance.
 *
 * Coordinates are integers in millionths of a degree (`latitudeE6`), as everywhere else in Linli. Coordinates are
 * positive everywhere in China, so cell numbers are too.
 */
import { distanceMeters, type GeoPoint } from './regions';

/** Side of a cell: 0.005° ≈ 555 m north–south and ≈ 475 m east–west at Hefei's latitude. */
export const GRID_CELL_E6 = 5_000;
/** Cells per grid row in the cell number; 180° / 0.005° = 36 000 columns, so rows never overlap. */
export const GRID_COLUMNS = 40_000;

const METERS_PER_DEGREE_LATITUDE = 111_195;

export interface GridCell {
  row: number;
  column: number;
}

/** An inclusive range of cell numbers (one grid row's stretch of cells), what one index range scan reads. */
export interface CellRange {
  from: number;
  to: number;
}

export function gridCellOf(latitudeE6: number, longitudeE6: number): GridCell {
  return { row: Math.floor(latitudeE6 / GRID_CELL_E6), column: Math.floor(longitudeE6 / GRID_CELL_E6) };
}

export function cellNumber(cell: GridCell): number {
  return cell.row * GRID_COLUMNS + cell.column;
}

/** The cell number stored with a point. */
export function cellNumberOf(latitudeE6: number, longitudeE6: number): number {
  return cellNumber(gridCellOf(latitudeE6, longitudeE6));
}

export function toE6(degrees: number): number {
  return Math.round(degrees * 1_000_000);
}

/**
 * The cells whose Chebyshev distance from `center` is more than `innerRing` and at most `outerRing`, as one range
 * per grid row: full rows above and below the inner square, and the strips left and right of it beside it.
 * `innerRing` -1 means nothing was read yet (ring 0 is the centre cell alone).
 */
export function ringRanges(center: GridCell, innerRing: number, outerRing: number): CellRange[] {
  if (outerRing < 0 || innerRing >= outerRing) return [];
  const ranges: CellRange[] = [];
  const rowRange = (row: number, fromColumn: number, toColumn: number) => ranges.push({ from: cellNumber({ row, column: fromColumn }), to: cellNumber({ row, column: toColumn }) });
  for (let row = center.row - outerRing; row <= center.row + outerRing; row++) {
    const left = center.column - outerRing;
    const right = center.column + outerRing;
    if (innerRing < 0 || Math.abs(row - center.row) > innerRing) {
      rowRange(row, left, right);
    } else {
      rowRange(row, left, center.column - innerRing - 1);
      rowRange(row, center.column + innerRing + 1, right);
    }
  }
  return ranges;
}

/**
 * The radius, in metres, within which every point lies inside the square of cells up to `ring` around the cell of
 * `point`: the distance to the nearest side of that square, shrunk by 1 % so the flat-earth approximation never
 * overstates it. A search that has read rings 0..ring has seen every point closer than this.
 */
export function coveredRadiusMeters(point: GeoPoint, ring: number): number {
  const latitudeE6 = toE6(point.latitude);
  const longitudeE6 = toE6(point.longitude);
  const cell = gridCellOf(latitudeE6, longitudeE6);
  const south = latitudeE6 - (cell.row - ring) * GRID_CELL_E6;
  const north = (cell.row + ring + 1) * GRID_CELL_E6 - latitudeE6;
  const west = longitudeE6 - (cell.column - ring) * GRID_CELL_E6;
  const east = (cell.column + ring + 1) * GRID_CELL_E6 - longitudeE6;
  // The parallel's length shrinks towards the pole: use the square's side farthest from the equator.
  const farLatitude = Math.abs(point.latitude) + ((ring + 1) * GRID_CELL_E6) / 1_000_000;
  const metersPerDegreeLongitude = METERS_PER_DEGREE_LATITUDE * Math.cos((Math.min(farLatitude, 89) * Math.PI) / 180);
  const meters = Math.min((Math.min(south, north) / 1_000_000) * METERS_PER_DEGREE_LATITUDE, (Math.min(west, east) / 1_000_000) * metersPerDegreeLongitude);
  return Math.max(0, meters * 0.99);
}

/** The smallest ring whose square covers `radiusMeters` around `point` (for "everything within 1 km"). */
export function ringCovering(point: GeoPoint, radiusMeters: number): number {
  let ring = 0;
  while (coveredRadiusMeters(point, ring) < radiusMeters) ring++;
  return ring;
}

/**
 * The ring whose square is expected to hold `count` entries within the radius it covers, at `density` entries per
 * cell: the circle a square of rings 0..k covers holds about 0.8·π·k² cells' worth of entries (a cell is 0.005° both
 * ways, so narrower east–west than north–south), and a quarter more is asked for, so one read usually suffices. At
 * least 1 (the centre cell and its neighbours); never past `lastRing`.
 */
export function ringHolding(density: number, count: number, lastRing: number): number {
  return Math.min(lastRing, Math.max(1, Math.ceil(Math.sqrt((count * 1.25) / (0.8 * Math.PI * density)))));
}

/**
 * How far a nearest-first search reads next, having read rings 0..`ring` and found `found` entries in them, when it
 * wants `count` entries within the radius it covers: at least twice as far (as plain doubling would), and further when
 * the density seen so far says `count` entries need more (`ringHolding`). Four times as far while nothing was found;
 * never past `lastRing`. One database round trip a ring: on sparse data (a rare kind, open at night) this reads the
 * rings in two or three queries where doubling took five or more.
 */
export function nextRing(ring: number, lastRing: number, found: number, count: number): number {
  const density = found / (2 * ring + 1) ** 2;
  const needed = density > 0 ? ringHolding(density, count, lastRing) : 4 * ring;
  return Math.min(lastRing, Math.max(2 * ring, ring + 1, needed));
}

/** Exact distance between two stored points, in metres. */
export function distanceE6(a: { latitudeE6: number; longitudeE6: number }, b: GeoPoint): number {
  return distanceMeters({ latitude: a.latitudeE6 / 1_000_000, longitude: a.longitudeE6 / 1_000_000 }, b);
}

import { cellNumber, cellNumberOf, coveredRadiusMeters, GRID_CELL_E6, gridCellOf, nextRing, ringCovering, ringHolding, ringRanges, toE6 } from './geo-grid';
import { distanceMeters } from './regions';

describe('grid cells', () => {
  it.each([
    ['inside a cell', 31_821_000, 117_227_000, { row: 6364, column: 23445 }],
    ['on the lower-left corner: the cell it starts', 31_820_000, 117_225_000, { row: 6364, column: 23445 }],
    ['one millionth below the corner: the previous cell', 31_819_999, 117_224_999, { row: 6363, column: 23444 }],
  ])('%s', (_name, latitudeE6, longitudeE6, cell) => {
    expect(gridCellOf(latitudeE6, longitudeE6)).toEqual(cell);
    expect(cellNumberOf(latitudeE6, longitudeE6)).toBe(cellNumber(cell));
  });

  it('numbers neighbouring cells of one row consecutively and rows apart', () => {
    const cell = gridCellOf(31_821_000, 117_227_000);
    expect(cellNumber({ ...cell, column: cell.column + 1 }) - cellNumber(cell)).toBe(1);
    expect(cellNumber({ ...cell, row: cell.row + 1 }) - cellNumber(cell)).toBeGreaterThan(30_000);
  });
});

describe('ringRanges', () => {
  const center = { row: 10, column: 20 };
  const cellsOf = (ranges: ReturnType<typeof ringRanges>) => ranges.flatMap((range) => Array.from({ length: range.to - range.from + 1 }, (_, i) => range.from + i));

  it.each([
    [-1, 0, 1],
    [-1, 1, 9],
    [0, 1, 8],
    [1, 3, 49 - 9],
    [2, 2, 0],
  ])('from ring %i (exclusive) to %i reads %i cells', (inner, outer, count) => {
    expect(cellsOf(ringRanges(center, inner, outer))).toHaveLength(count);
  });

  it('rings read once each, and together are the whole square', () => {
    const all = [...cellsOf(ringRanges(center, -1, 0)), ...cellsOf(ringRanges(center, 0, 2)), ...cellsOf(ringRanges(center, 2, 4))];
    expect(new Set(all).size).toBe(all.length);
    expect(all.sort((a, b) => a - b)).toEqual(cellsOf(ringRanges(center, -1, 4)).sort((a, b) => a - b));
  });
});

describe('coveredRadiusMeters', () => {
  it('is the distance to the nearest side of the square, never more', () => {
    const point = { latitude: 31.8212, longitude: 117.2271 };
    for (const ring of [0, 1, 3, 10]) {
      const radius = coveredRadiusMeters(point, ring);
      const cell = gridCellOf(toE6(point.latitude), toE6(point.longitude));
      const westEdge = { latitude: point.latitude, longitude: ((cell.column - ring) * GRID_CELL_E6) / 1e6 };
      const southEdge = { latitude: ((cell.row - ring) * GRID_CELL_E6) / 1e6, longitude: point.longitude };
      expect(radius).toBeLessThanOrEqual(Math.min(distanceMeters(point, westEdge), distanceMeters(point, southEdge)));
      expect(radius).toBeGreaterThan(Math.min(distanceMeters(point, westEdge), distanceMeters(point, southEdge)) * 0.97);
    }
  });

  it('is zero for a point on the corner of its cell at ring 0', () => {
    expect(coveredRadiusMeters({ latitude: 31.82, longitude: 117.225 }, 0)).toBe(0);
  });

  it('ringCovering gives a square that covers the radius', () => {
    const point = { latitude: 31.8212, longitude: 117.2271 };
    const ring = ringCovering(point, 1000);
    expect(coveredRadiusMeters(point, ring)).toBeGreaterThanOrEqual(1000);
    expect(coveredRadiusMeters(point, ring - 1)).toBeLessThan(1000);
  });
});

describe('ringHolding', () => {
  it('grows with the count and shrinks with the density, at least ring 1 and never past the last ring', () => {
    expect(ringHolding(13, 21, 100)).toBe(1);
    expect(ringHolding(0.65, 21, 100)).toBe(5);
    expect(ringHolding(0.65, 201, 100)).toBe(13);
    expect(ringHolding(0.01, 21, 20)).toBe(20);
    expect(ringHolding(0, 21, 20)).toBe(20);
    expect(ringHolding(5, Number.MAX_SAFE_INTEGER, 7)).toBe(7);
  });
});

describe('nextRing', () => {
  it('doubles at least, jumps by the density seen, four times as far when nothing was found, and stops at the last ring', () => {
    expect(nextRing(1, 100, 200, 21)).toBe(2);
    expect(nextRing(1, 100, 5, 21)).toBe(5);
    expect(nextRing(1, 100, 0, 21)).toBe(4);
    expect(nextRing(4, 100, 1, 21)).toBe(30);
    expect(nextRing(4, 20, 1, 21)).toBe(20);
  });

  it('on uniform data, the ring it picks covers the wanted count', () => {
    // One entry per cell, spread evenly: the circle the picked ring covers holds at least `count` cells' centres.
    for (const count of [5, 21, 101]) {
      const ring = nextRing(1, 1000, 9, count);
      const point = { latitude: 31.8025, longitude: 117.2525 };
      const radius = coveredRadiusMeters(point, ring);
      const center = gridCellOf(toE6(point.latitude), toE6(point.longitude));
      let within = 0;
      for (let row = center.row - ring; row <= center.row + ring; row++) {
        for (let column = center.column - ring; column <= center.column + ring; column++) {
          const cellCentre = { latitude: ((row + 0.5) * GRID_CELL_E6) / 1e6, longitude: ((column + 0.5) * GRID_CELL_E6) / 1e6 };
          if (distanceMeters(point, cellCentre) <= radius) within++;
        }
      }
      expect(within).toBeGreaterThanOrEqual(count);
    }
  });
});

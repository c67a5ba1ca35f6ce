import { FilterDensities } from './outlet-search';

describe('FilterDensities', () => {
  it('remembers entries per cell by filter, as a moving average', () => {
    const densities = new FilterDensities();
    expect(densities.of('bank|2')).toBeUndefined();
    densities.record('bank|2', 9, 1);
    expect(densities.of('bank|2')).toBe(1);
    densities.record('bank|2', 125, 2);
    expect(densities.of('bank|2')).toBe(2);
    expect(densities.of('pharmacy|2')).toBeUndefined();
  });

  it('learns nothing from a search that found nothing, or from a keyword search', () => {
    // Else a few searches from an empty area would make every later search read the whole radius at once.
    const densities = new FilterDensities();
    densities.record('bank|2', 0, 40);
    expect(densities.of('bank|2')).toBeUndefined();
    densities.record('bank|2', 9, 1);
    densities.record('bank|2', 0, 40);
    expect(densities.of('bank|2')).toBe(1);
    densities.record(null, 9, 1);
    expect(densities.of(null)).toBeUndefined();
  });
});

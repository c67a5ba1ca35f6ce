import { MAX_STOPS_PER_DELIVERY_RUN, planDeliveryRuns, withinDeliveryRadius, type DeliveryStopCandidate } from './meal-delivery';
import type { GeoPoint } from './regions';

const POINT: GeoPoint = { latitude: 31.8421, longitude: 117.2543 };
/** A position `north` and `east` metres (about) from the meal point. */
const at = (north: number, east: number): GeoPoint => ({ latitude: POINT.latitude + north / 111_000, longitude: POINT.longitude + east / 94_500 });
const stop = (orderId: string, areaId: string | null, position: GeoPoint | null, address = ''): DeliveryStopCandidate => ({ orderId, areaId, address, position });
const ids = (runs: ReturnType<typeof planDeliveryRuns>) => runs.map((run) => run.stops.map((entry) => entry.orderId));

describe('planDeliveryRuns', () => {
  it('batches per area and orders each run nearest neighbour from the meal point', () => {
    const runs = planDeliveryRuns(POINT, [
      stop('a-far', 'anda', at(900, 0)),
      stop('a-near', 'anda', at(100, 0)),
      stop('a-mid', 'anda', at(500, 0)),
      stop('j-east', 'jinzhailu', at(0, 300)),
      stop('j-back', 'jinzhailu', at(0, 200)),
    ]);
    expect(runs.map((run) => run.areaId)).toEqual(['anda', 'jinzhailu']);
    expect(ids(runs)).toEqual([
      ['a-near', 'a-mid', 'a-far'],
      ['j-back', 'j-east'],
    ]);
    // 100 + 400 + 400 metres along the way.
    expect(runs[0].knownDistanceMeters).toBeGreaterThan(890);
    expect(runs[0].knownDistanceMeters).toBeLessThan(910);
  });

  it('follows the nearest next stop, not the nearest to the meal point', () => {
    // From B (400 m north) the next nearest is C beside it, although D is nearer the meal point.
    const runs = planDeliveryRuns(POINT, [stop('B', 'x', at(400, 0)), stop('C', 'x', at(400, 60)), stop('D', 'x', at(-450, 0)), stop('A', 'x', at(300, 0))]);
    expect(ids(runs)).toEqual([['A', 'B', 'C', 'D']]);
  });

  it('puts stops without a position after the located ones, by address in natural order', () => {
    const runs = planDeliveryRuns(POINT, [
      stop('z', 'anda', null, '肥西路3号12栋1单元'),
      stop('y', 'anda', null, '肥西路3号3栋2单元'),
      stop('x', 'anda', at(50, 50)),
      stop('w', 'anda', null, '肥西路3号3栋1单元'),
    ]);
    expect(ids(runs)).toEqual([['x', 'w', 'y', 'z']]);
    expect(runs[0].knownDistanceMeters).toBeLessThan(80);
  });

  it('cuts a long area into runs of at most a box each, along the order', () => {
    const many = Array.from({ length: MAX_STOPS_PER_DELIVERY_RUN * 2 + 1 }, (_, index) => stop(`s${String(index).padStart(2, '0')}`, 'anda', at(10 * (index + 1), 0)));
    const runs = planDeliveryRuns(POINT, [...many].reverse());
    expect(runs.map((run) => run.stops.length)).toEqual([MAX_STOPS_PER_DELIVERY_RUN, MAX_STOPS_PER_DELIVERY_RUN, 1]);
    expect(ids(runs).flat()).toEqual(many.map((entry) => entry.orderId));
    expect(planDeliveryRuns(POINT, many, 5).map((run) => run.stops.length)).toEqual([5, 5, 5, 5, 5]);
  });

  it('orders runs by their first stop, areas without positions and elders without a community last, deterministically', () => {
    const runs = planDeliveryRuns(POINT, [
      stop('n1', null, null, '未知'),
      stop('b1', 'b', null, '1号'),
      stop('far', 'far', at(2000, 0)),
      stop('near', 'near', at(200, 0)),
      stop('a1', 'a', null, '2号'),
    ]);
    expect(runs.map((run) => run.areaId)).toEqual(['near', 'far', 'a', 'b', null]);
    expect(planDeliveryRuns(POINT, [])).toEqual([]);
  });

  it('breaks equal distances by order id', () => {
    const runs = planDeliveryRuns(POINT, [stop('b', 'x', at(100, 0)), stop('a', 'x', at(-100, 0))]);
    expect(ids(runs)).toEqual([['a', 'b']]);
  });
});

describe('withinDeliveryRadius', () => {
  it.each<[string, number, GeoPoint, boolean]>([
    ['inside the radius', 1500, at(1000, 0), true],
    ['just inside', 1500, at(1490, 0), true],
    ['just outside', 1500, at(1510, 0), false],
    ['far outside', 1500, at(3000, 4000), false],
    ['no radius set (0): anywhere', 0, at(50_000, 0), true],
  ])('%s', (_name, radius, home, expected) => {
    expect(withinDeliveryRadius(POINT, radius, home)).toBe(expected);
  });
});

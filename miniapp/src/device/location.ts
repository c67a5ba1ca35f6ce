import Taro from '@tarojs/taro';
import { wgs84ToGcj02 } from '@linli/shared';

import type { WorkerPosition } from '../services/worker';

/**
 * The phone's position in GCJ-02. WeChat gives GCJ-02 itself; Taro's H5 getLocation refuses anything but WGS-84 (a
 * browser knows no other), so on H5 the browser's WGS-84 position is converted here, a few hundred metres' shift.
 */
async function askPosition(): Promise<WorkerPosition> {
  try {
    const { latitude, longitude } = await Taro.getLocation({ type: 'gcj02' });
    return { latitude, longitude };
  } catch (refusal) {
    if (process.env.TARO_ENV !== 'h5') throw refusal;
    const { latitude, longitude } = await Taro.getLocation({ type: 'wgs84' });
    return wgs84ToGcj02({ latitude, longitude });
  }
}

/** Where the phone is (GCJ-02), or null when the person said no or there is no fix: work goes on without it. */
export async function currentPosition(): Promise<WorkerPosition | null> {
  try {
    return await askPosition();
  } catch {
    return null;
  }
}

/** The position, or null when the phone has not answered within `ms`: a phone that never answers must not hold a list. */
export function currentPositionWithin(ms: number): Promise<WorkerPosition | null> {
  return Promise.race([currentPosition(), new Promise<null>((resolve) => setTimeout(() => resolve(null), ms))]);
}

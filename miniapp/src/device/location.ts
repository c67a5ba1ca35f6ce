import Taro from '@tarojs/taro';

import type { WorkerPosition } from '../services/worker';

/** Where the phone is (GCJ-02), or null when the person said no or there is no fix: work goes on without it. */
export async function currentPosition(): Promise<WorkerPosition | null> {
  try {
    const { latitude, longitude } = await Taro.getLocation({ type: 'gcj02' });
    return { latitude, longitude };
  } catch {
    return null;
  }
}

/** The position, or null when the phone has not answered within `ms`: a phone that never answers must not hold a list. */
export function currentPositionWithin(ms: number): Promise<WorkerPosition | null> {
  return Promise.race([currentPosition(), new Promise<null>((resolve) => setTimeout(() => resolve(null), ms))]);
}

import { useEffect, useRef, useState } from 'react';

import { liveSocket, type LiveFrame } from '../services/live-socket';

/**
 * Listens to the live socket while `active` (the one socket is shared by every page listening) and answers whether
 * it is up: callers poll, more slowly, only while it is not.
 */
export function useLive(active: boolean, onFrame: (frame: LiveFrame) => void): boolean {
  const [up, setUp] = useState(false);
  const latest = useRef(onFrame);
  latest.current = onFrame;
  useEffect(() => {
    if (!active) {
      setUp(false);
      return undefined;
    }
    return liveSocket.listen({ frame: (frame) => latest.current(frame), status: setUp });
  }, [active]);
  return up;
}

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

/** Frames of one burst (an order offered, then accepted) are answered with one reload this long after the first. */
export const LIVE_RELOAD_COALESCE_MS = 300;

/**
 * A screen that shows data the live socket announces changes of (the staff board, a resident's orders): while
 * `active`, a frame `concerns` makes it `reload` (once per burst), and so does the socket coming up (what changed while
 * it was down); while the socket is down it reloads every `fallbackPollMs` instead (0: never). Answers whether the
 * socket is up. The worker's offers do the same in provider/hooks/useOffer.
 */
export function useLiveRefresh(active: boolean, concerns: (frame: LiveFrame) => boolean, reload: () => void, fallbackPollMs: number): boolean {
  const latestReload = useRef(reload);
  latestReload.current = reload;
  const latestConcerns = useRef(concerns);
  latestConcerns.current = concerns;
  const pending = useRef<ReturnType<typeof setTimeout> | null>(null);
  const up = useLive(active, (frame) => {
    if (!latestConcerns.current(frame) || pending.current) return;
    pending.current = setTimeout(() => {
      pending.current = null;
      latestReload.current();
    }, LIVE_RELOAD_COALESCE_MS);
  });
  const wasUp = useRef(false);
  useEffect(() => {
    if (up && !wasUp.current && active) latestReload.current();
    wasUp.current = up;
  }, [up, active]);
  useEffect(
    () => () => {
      if (pending.current) clearTimeout(pending.current);
      pending.current = null;
    },
    [],
  );
  useEffect(() => {
    if (!active || up || fallbackPollMs <= 0) return undefined;
    const timer = setInterval(() => latestReload.current(), fallbackPollMs);
    return () => clearInterval(timer);
  }, [active, up, fallbackPollMs]);
  return up;
}

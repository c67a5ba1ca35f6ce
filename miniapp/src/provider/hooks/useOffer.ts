import { useCallback, useEffect, useRef, useState } from 'react';

import type { DispatchOfferView, ServiceOrderView } from '@linli/shared';

import { EMPTY_REASON, reasonProblem, reasonText } from '../../forms/reason';
import { useLive } from '../../hooks/useLive';
import { useInterval } from '../../hooks/usePolling';
import { ApiError } from '../../services/api-error';
import { acceptOffer, fetchWorkerOffer, rejectOffer } from '../../services/worker';
import { secondsLeftAfter } from '../../texts/order-messages';

import type { ReasonValue } from '../../forms/reason';
import type { CardRequestsHandle } from './useCardRequests';

/**
 * How often, while online and on screen, the workbench looks for an offer when the live socket is down. While it is
 * up, an offer arrives by the socket and nothing is polled.
 */
export const OFFER_POLL_MS = 15_000;

export const REJECT_REASONS = ['距离太远', '时间冲突', '技能不符', '其他'] as const;

export interface OfferHandle {
  /** The one offer waiting for 接单 or 拒单; null when there is none. */
  current: DispatchOfferView | null;
  /**
   * Seconds left to answer it: the server's `secondsLeft` when the offer arrived, counted down every second on the
   * phone (whose own clock may be minutes off, so `expiresAt` is not compared with it).
   */
  secondsLeft: number;
  /** Whether the 拒单 reason is open, and the reason picked. */
  rejecting: boolean;
  openReject: (open: boolean) => void;
  reason: ReasonValue;
  setReason: (value: ReasonValue) => void;
  accept: () => void;
  reject: () => void;
}

/**
 * The offer the dispatcher made this worker: pushed by the live socket while `active` (online and on screen) — an
 * `offer` frame, or a change of one of the worker's orders (an offer withdrawn), makes it look at once — and looked
 * for every OFFER_POLL_MS only while the socket is down,
 * counted down, dropped when its time is up. 接单 hands the order to `takeJob`; 拒单 needs a reason.
 */
export function useOffer(active: boolean, cards: CardRequestsHandle, takeJob: (saved: ServiceOrderView, notice: string) => void, say: (notice: string) => void): OfferHandle {
  const [offer, setOffer] = useState<DispatchOfferView | null>(null);
  /** When the shown offer's answer arrived (phone time: only differences of it are used). */
  const [receivedAt, setReceivedAt] = useState(() => Date.now());
  const [now, setNow] = useState(() => Date.now());
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState<ReasonValue>(EMPTY_REASON);

  const shownOfferId = useRef<string | null>(null);
  /** Offers whose time ran out here: a poll that still returns one (the server's sweep is a moment behind) is ignored. */
  const expiredOfferIds = useRef(new Set<string>());
  const poll = useCallback(() => {
    fetchWorkerOffer().then(
      (answer) => {
        const found = answer && !expiredOfferIds.current.has(answer.id) ? answer : null;
        const id = found?.id ?? null;
        // A new offer opens without the previous one's half-typed reason.
        if (id !== shownOfferId.current) {
          setRejecting(false);
          setReason(EMPTY_REASON);
        }
        shownOfferId.current = id;
        setOffer(found);
        const arrived = Date.now();
        setReceivedAt(arrived);
        setNow(arrived);
      },
      (error: unknown) => {
        if (!(error instanceof ApiError)) throw error;
      },
    );
  }, []);

  const live = useLive(active, (frame) => {
    if (frame.type === 'offer' || frame.type === 'order') poll();
  });
  useEffect(() => {
    // Also when the socket comes up: what was offered while it was down is looked for once.
    if (active) poll();
    else setOffer(null);
  }, [active, live, poll]);
  useInterval(poll, OFFER_POLL_MS, active && !live);
  useInterval(() => setNow(Date.now()), 1000, offer !== null);

  const secondsLeft = offer ? secondsLeftAfter(offer.secondsLeft, now - receivedAt) : 0;
  useEffect(() => {
    // Time is up: the dispatcher has moved on; look again rather than show a dead offer.
    if (offer && secondsLeft === 0) {
      expiredOfferIds.current.add(offer.id);
      setOffer(null);
      say('派单已超时，系统已转给其他服务人员');
    }
  }, [offer, secondsLeft, say]);

  const accept = () => {
    if (!offer) return;
    const { id } = offer;
    cards.send(
      id,
      () => acceptOffer(id),
      (saved) => {
        setOffer(null);
        takeJob(saved, '接单成功，请按时上门');
      },
    );
  };

  const reject = () => {
    if (!offer) return;
    const problem = reasonProblem(reason, true);
    if (problem) {
      cards.fail(offer.id, problem);
      return;
    }
    const { id } = offer;
    cards.send(
      id,
      () => rejectOffer(id, reasonText(reason)),
      () => {
        setOffer(null);
        setRejecting(false);
        setReason(EMPTY_REASON);
        say('已拒单');
      },
    );
  };

  const openReject = (open: boolean) => {
    setRejecting(open);
    setReason(EMPTY_REASON);
    if (offer) cards.reset(offer.id);
  };

  return { current: offer, secondsLeft, rejecting, openReject, reason, setReason, accept, reject };
}

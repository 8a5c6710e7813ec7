import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiClient } from '../api/api-client';
import type { FlushOutcome, Outbox } from '../api/outbox';
import { failureNotice, type NoticeMessage } from '../components/Notice';
import { bothLanguages } from '../i18n/messages';

/** Waiting submissions are sent again this often, besides when the browser comes back online. */
const FLUSH_EVERY_MS = 60_000;

export interface OutboxState {
  /** How many submissions wait in the outbox. */
  waiting: number;
  /** Sends what waits now. */
  flush(): Promise<void>;
  /** Sends what waits after this many seconds (a busy server's Retry-After). */
  flushAfter(seconds: number): void;
  /** Counts the outbox again after a submission was queued. */
  recount(): void;
}

/**
 * The outbox of submissions that found no network or a busy server: flushed on sign-in, every minute,
 * when the browser is online again and when a busy server said to try again. What a flush did is told through onNotice.
 */
export function useOutbox(api: ApiClient, outbox: Outbox, onNotice: (notice: NoticeMessage) => void): OutboxState {
  const [waiting, setWaiting] = useState(() => outbox.list().length);
  // flushAfter's timer calls the latest flush, which itself may schedule flushAfter: a ref breaks the cycle.
  const flushLater = useRef<() => void>(() => undefined);
  const flushAfter = useCallback((seconds: number) => void window.setTimeout(() => flushLater.current(), seconds * 1000), []);

  const flushOnce = useCallback(async (): Promise<FlushOutcome | null> => (outbox.list().length === 0 ? null : outbox.flush(api)), [api, outbox]);
  const show = useCallback(
    (outcome: FlushOutcome | null) => {
      if (!outcome) return;
      setWaiting(outcome.waiting);
      if (outcome.retryAfterSeconds !== undefined) flushAfter(outcome.retryAfterSeconds);
      if (outcome.refused.length > 0) onNotice(failureNotice(outcome.refused[0].failure));
      else if (outcome.sent.length > 0) onNotice({ intent: 'success', ...bothLanguages('outboxSent', { count: outcome.sent.length }) });
    },
    [flushAfter, onNotice],
  );
  const flush = useCallback(() => flushOnce().then(show), [flushOnce, show]);

  useEffect(() => {
    flushLater.current = () => void flush();
  }, [flush]);

  useEffect(() => {
    void flushOnce().then(show);
    const onOnline = () => void flush();
    window.addEventListener('online', onOnline);
    const timer = window.setInterval(onOnline, FLUSH_EVERY_MS);
    return () => {
      window.removeEventListener('online', onOnline);
      window.clearInterval(timer);
    };
  }, [flush, flushOnce, show]);

  const recount = useCallback(() => setWaiting(outbox.list().length), [outbox]);
  return { waiting, flush, flushAfter, recount };
}

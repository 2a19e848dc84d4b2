/** IntelliProve plug-in URLs live six hours unless the token endpoint says otherwise. */
const DEFAULT_LIFETIME_MS = 6 * 60 * 60 * 1000;
/** Refresh this long before expiry (or a tenth of the lifetime, if shorter). */
const REFRESH_MARGIN_MS = 5 * 60 * 1000;
/**
 * A working plug-in iframe is replaced for its expiry at most this often, whatever
 * `expires_at` says (in the past, seconds away, or skewed by the user's clock).
 */
export const MIN_REFRESH_DELAY_MS = 5 * 60 * 1000;

/** How long a plug-in URL that expires at `expiresAt` is kept before a fresh one is fetched. */
export function refreshDelay(expiresAt: Date | undefined, now = Date.now()): number {
  const lifetime = (expiresAt?.getTime() ?? now + DEFAULT_LIFETIME_MS) - now;
  const margin = Math.min(REFRESH_MARGIN_MS, lifetime / 10);
  // Never longer than a plug-in URL lives (also keeps far-future dates within setTimeout's range).
  return Math.min(DEFAULT_LIFETIME_MS, Math.max(MIN_REFRESH_DELAY_MS, lifetime - margin));
}

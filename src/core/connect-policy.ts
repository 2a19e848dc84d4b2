/**
 * The page's Content-Security-Policy blocking the kit's requests (connect-src): to a token
 * endpoint or an API origin the kit is about to call. One console message per cause, naming
 * the directive and the value to add; other requests' violations are not the kit's to report.
 */
import { originOf } from '../protocol/origins.js';

/** connect-src, else default-src decides (CSP 3). */
const CONNECT = ['connect-src', 'default-src'];
const watched = new Set<string>();
const said = new Set<string>();

/** The directive of `policy` (a violation's `originalPolicy`) that decided, of `chain`. */
export function decidingDirective(policy: string, chain: readonly string[]): string {
  const names = policy.split(';').map((part) => part.trim().split(/\s+/)[0]!.toLowerCase());
  return chain.find((name) => names.includes(name)) ?? chain[0]!;
}

function onViolation(event: SecurityPolicyViolationEvent): void {
  if (event.disposition !== 'enforce' || !CONNECT.includes(event.effectiveDirective)) return;
  let origin: string;
  try {
    origin = new URL(event.blockedURI).origin;
  } catch {
    return;
  }
  if (!watched.has(origin)) return;
  const directive = decidingDirective(event.originalPolicy, CONNECT);
  const value = origin === location.origin ? "'self'" : origin;
  const cause =
    `The page's Content-Security-Policy (${directive}) blocks the kit's requests to ${origin}: ` +
    `add ${value} to ${directive}.`;
  if (said.has(cause)) return;
  said.add(cause);
  console.error(`[intelliprove-widgets] ${cause}`);
}

/** Watches for the page's policy blocking requests to `url`'s origin (call before fetching). */
export function watchConnect(url: string): void {
  if (typeof document === 'undefined') return;
  const origin = originOf(url, document.baseURI);
  if (!origin) return;
  if (watched.size === 0) document.addEventListener('securitypolicyviolation', onViolation);
  watched.add(origin);
}

import { IpError } from '../core/errors.js';

/** Directives that decide whether a frame may load (CSP 3 falls back in this order). */
const FRAME_DIRECTIVES = ['frame-src', 'child-src', 'default-src'];

/**
 * Watches for the page's own CSP blocking the plug-in frame at `url`. A blocked frame still
 * fires `load` (with an error page in it): the violation report is what tells. While the frame
 * is `loading()`, a block of any other origin counts too (where the plug-in redirected to,
 * which the report names instead). Returns the function that stops watching.
 */
export function watchFramePolicy(
  tag: string,
  url: URL,
  loading: () => boolean,
  blocked: (error: IpError) => void,
): () => void {
  const onViolation = (event: SecurityPolicyViolationEvent) => {
    // A report-only policy blocks nothing.
    if (event.disposition !== 'enforce' || !FRAME_DIRECTIVES.includes(event.effectiveDirective))
      return;
    let origin: string;
    try {
      origin = new URL(event.blockedURI).origin;
    } catch {
      return;
    }
    if (origin !== url.origin && !(loading() && origin !== location.origin)) return;
    blocked(
      new IpError(
        'frame-blocked',
        `<${tag}>: this page's Content-Security-Policy (${event.effectiveDirective}) blocks ` +
          `the plug-in at ${origin}. Add it to the policy: "frame-src ${origin}".`,
      ),
    );
  };
  document.addEventListener('securitypolicyviolation', onViolation);
  return () => document.removeEventListener('securitypolicyviolation', onViolation);
}

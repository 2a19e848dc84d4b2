import { IpError } from '../core/errors.js';

/** Directives that decide whether a frame may load (CSP 3 falls back in this order). */
const FRAME_DIRECTIVES = ['frame-src', 'child-src', 'default-src'];

/** Whether a frame of the page itself (an ad, a chat widget) is at `origin`: its block is its own. */
const pageFrameAt = (origin: string) =>
  [...document.querySelectorAll('iframe')].some(
    (frame) => URL.canParse(frame.src) && new URL(frame.src).origin === origin,
  );

/**
 * Watches for the page's own CSP blocking the plug-in frame at `url` in `host`. A blocked frame
 * still fires `load` (with an error page in it): the violation report is what tells. A report
 * about a frame of another element is not the plug-in's; one about the host's frame is, whatever
 * origin it names (where the plug-in redirected to); one that names no element counts for the
 * plug-in's origin, and while the frame is `loading()`, for any other origin but the page's and
 * those of the page's own frames.
 * Returns the function that stops watching.
 */
export function watchFramePolicy(
  host: Element,
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
    // The frame's element, where the browser names it (Chromium does not, for frames): through
    // the shadow roots the host may sit in, and the host's own.
    const path = event.composedPath();
    if (!path.includes(host)) {
      if (path[0] instanceof Element) return; // another element's frame
      // While it loads, where the plug-in may have redirected to: not the page's own origin, nor
      // that of a frame of the page's own.
      const redirect = loading() && origin !== location.origin && !pageFrameAt(origin);
      if (origin !== url.origin && !redirect) return;
    }
    blocked(
      new IpError(
        'frame-blocked',
        `<${host.localName}>: this page's Content-Security-Policy (${event.effectiveDirective}) blocks ` +
          `the plug-in at ${origin}. Add it to the policy: "frame-src ${origin}".`,
      ),
    );
  };
  document.addEventListener('securitypolicyviolation', onViolation);
  return () => document.removeEventListener('securitypolicyviolation', onViolation);
}

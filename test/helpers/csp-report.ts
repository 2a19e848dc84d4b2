// A page CSP's report of a blocked frame, as a browser fires it (for tests that need one at an
// exact moment, or at an element, where a real policy would not give it).

/**
 * Fires at `target` (an element, where a browser names the frame; the document, where it names
 * none, as Chromium's reports for frames) the report of an enforced `frame-src` that blocked
 * `blockedURI`.
 */
export const reportBlockedFrame = (target: EventTarget, blockedURI: string) =>
  target.dispatchEvent(
    new SecurityPolicyViolationEvent('securitypolicyviolation', {
      blockedURI,
      disposition: 'enforce',
      documentURI: location.href,
      effectiveDirective: 'frame-src',
      originalPolicy: "frame-src 'self'",
      statusCode: 200,
      violatedDirective: 'frame-src',
      bubbles: true,
      composed: true,
    }),
  );

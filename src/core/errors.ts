/** Every error code an element reports in `ip-error` (`detail.code`). */
export type IpErrorCode =
  /** No `token-endpoint` attribute, `data-token-endpoint` or `configure({tokenEndpoint})`. */
  | 'missing-token-endpoint'
  /** The token endpoint answered non-2xx or could not be reached. */
  | 'token-endpoint-failed'
  /** The token endpoint answered 2xx with a body the kit cannot use. */
  | 'invalid-response'
  /** A plug-in URL failed the origin check and was not loaded. */
  | 'invalid-url'
  /** An attribute has a value the element does not know. */
  | 'invalid-attribute'
  /** The IntelliProve (or Sahha) API answered with an error. */
  | 'api-error'
  /** The page is not a secure context, so the camera cannot work. */
  | 'insecure-context'
  /** The page's Content-Security-Policy (`frame-src`) does not let the plug-in load. */
  | 'frame-blocked'
  /** The page's Permissions-Policy does not let the plug-in use the camera. */
  | 'camera-blocked'
  /** The browser has no camera API. */
  | 'camera-unavailable'
  /** The plug-in reported an error stage. */
  | 'plugin-error'
  /** The element's code could not be loaded (script-tag pages: a missing chunk, a CSP). */
  | 'load-failed';

/** An error with a code the elements can report as-is. */
export class IpError extends Error {
  constructor(
    readonly code: IpErrorCode,
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'IpError';
  }

  /**
   * `error` itself if it is an `IpError` — also one made by another copy of the kit on the
   * page, which `instanceof` does not see — else one with `code` and its text.
   */
  static from(error: unknown, code: IpErrorCode = 'api-error'): IpError {
    if (error instanceof IpError) return error;
    const other = error as IpError | null;
    if (other instanceof Error && other.name === 'IpError' && typeof other.code === 'string')
      return new IpError(other.code, other.message, other.status);
    return new IpError(code, String(error));
  }
}

/** The error of an attribute with a value the element does not know: it names the valid ones. */
export const invalidAttribute = (
  element: Element,
  attribute: string,
  value: string,
  what: string,
  valid: readonly string[],
) =>
  new IpError(
    'invalid-attribute',
    `<${element.localName}> ${attribute}="${value}" is not ${what}; use one of: ${valid.join(', ')}.`,
  );

/** The error of an element without a token endpoint: it names the three ways to give one. */
export const missingTokenEndpoint = (tag: string) =>
  new IpError(
    'missing-token-endpoint',
    `<${tag}> has no token endpoint. Add token-endpoint="/api/ip-token" to the element, ` +
      `data-token-endpoint to the kit's <script> tag, or call configure({ tokenEndpoint }).`,
  );

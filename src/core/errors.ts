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
  /** The page's Permissions-Policy does not let the plug-in use the camera. */
  | 'camera-blocked'
  /** The browser has no camera API. */
  | 'camera-unavailable'
  /** The plug-in reported an error stage. */
  | 'plugin-error';

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

  /** `error` itself if it is an `IpError`, else one with `code` and its text. */
  static from(error: unknown, code: IpErrorCode = 'api-error'): IpError {
    return error instanceof IpError ? error : new IpError(code, String(error));
  }
}

/** The error of an element without a token endpoint: it names the three ways to give one. */
export const missingTokenEndpoint = (tag: string) =>
  new IpError(
    'missing-token-endpoint',
    `<${tag}> has no token endpoint. Add token-endpoint="/api/ip-token" to the element, ` +
      `data-token-endpoint to the kit's <script> tag, or call configure({ tokenEndpoint }).`,
  );

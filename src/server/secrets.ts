/**
 * Redaction: the secrets a handler holds (API key, client secret, account token) never appear in
 * an answer or a report, in whatever shape an upstream may have echoed them.
 */
import { HttpError } from './http-error.js';

/** Runtime secrets kept for redaction: a renewed token's predecessors may still be echoed. */
const LEARNED_SECRETS = 8;

/**
 * The secrets a handler must never echo: fixed ones (API key, client secret) and those it
 * learns at run time (the Sahha account token). Each is matched verbatim, URL-encoded
 * (`encodeURIComponent`, `encodeURI`, form-encoded with `+`), JSON-escaped, and in any letter
 * case, because an upstream error text may quote a credential in any of these shapes.
 */
export class Secrets {
  readonly #fixed: string[];
  #learned: string[] = [];
  #pattern: RegExp | null | undefined;

  constructor(fixed: readonly string[]) {
    this.#fixed = fixed.filter(Boolean);
  }

  /** Adds a secret obtained at run time. */
  learn(secret: string): void {
    if (!secret || this.#learned.includes(secret)) return;
    this.#learned = [...this.#learned, secret].slice(-LEARNED_SECRETS);
    this.#pattern = undefined;
  }

  /** `text` with every shape of every secret replaced by `[redacted]`. */
  redact(text: string): string {
    const pattern = this.#compile();
    return pattern ? text.replace(pattern, '[redacted]') : text;
  }

  /** Whether any shape of any secret appears in `text`. */
  foundIn(text: string): boolean {
    const pattern = this.#compile();
    return pattern ? text.search(pattern) !== -1 : false;
  }

  #compile(): RegExp | null {
    if (this.#pattern !== undefined) return this.#pattern;
    const secrets = [...new Set([...this.#fixed, ...this.#learned])];
    // Longest first, so that a secret is not cut short by a shorter one it starts with.
    const alternatives = secrets.sort((a, b) => b.length - a.length).map(anyShapeOf);
    this.#pattern = alternatives.length ? new RegExp(alternatives.join('|'), 'gi') : null;
    return this.#pattern;
  }
}

/**
 * A pattern for `secret` however an upstream may have written it: each character as itself,
 * percent-encoded (any encoder: `encodeURIComponent`, `encodeURI`, Python's `quote`), as `+`
 * for a space (form encoding), or JSON-escaped; and, with the `i` flag, in any letter case.
 */
function anyShapeOf(secret: string): string {
  return [...secret]
    .map((char) => {
      const bytes = [...new TextEncoder().encode(char)];
      const percent = bytes.map((byte) => `%${byte.toString(16).padStart(2, '0')}`).join('');
      const json = JSON.stringify(char).slice(1, -1);
      const unicode = `\\\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;
      const shapes = new Set([escapeRegExp(char), percent, escapeRegExp(json), unicode]);
      if (char === ' ') shapes.add('\\+');
      return `(?:${[...shapes].join('|')})`;
    })
    .join('');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A handler's `onError` (default `console.error`), fed only redacted errors. */
export function reporter(
  onError: ((error: Error) => void) | undefined,
  secrets: Secrets,
): (error: Error) => void {
  const sink =
    onError ?? ((error: Error) => console.error(`[intelliprove-widgets/server] ${error.message}`));
  return (error) => {
    // A fresh error, so that neither its message nor its stack holds the original text.
    const message = secrets.redact(error.message);
    sink(
      error instanceof HttpError
        ? new HttpError(error.status, error.code, message)
        : new Error(message),
    );
  };
}

/** The doctor's command line: `doctor <page> [options]`. */
import type { ProviderId } from '../protocol/origins.js';
import type { DoctorOptions } from './doctor.js';
import { DoctorError } from './report.js';

export const USAGE = `Usage: intelliprove-widgets doctor <page-url> [options]

Checks an integration of intelliprove-widgets from outside: the page's Content-Security-Policy
and Permissions-Policy, and the token endpoint's answers (CONTRACT §5).

Options:
  --token-endpoint <url>   the token endpoint, relative to the page (default: the page's
                           data-token-endpoint); repeatable
  --provider <name>        intelliprove (default) or sahha: for the --token-endpoint after it
  --header '<Name: value>' sent with every request, e.g. the signed-in session's cookie;
                           repeatable
  --allowed-origins <list> plug-in origins the page allows (default: its data-allowed-origins)
  --api-base <origin>      IntelliProve's API origin (default: the page's data-api-base)
  --timeout <seconds>      per request (default 10)
  --json                   the report as JSON, for CI
  --help                   this text

Exit status: 0 all checks passed, 1 a check failed, 2 the doctor could not run.`;

/** The options `argv` (after the command name) gives, or a DoctorError. */
export function parseArgs(argv: readonly string[]): DoctorOptions & { json: boolean } {
  const rest = [...argv];
  if (rest[0] !== 'doctor')
    throw new DoctorError(rest[0] ? `Unknown command "${rest[0]}".` : 'No command.');
  rest.shift();
  const endpoints: Array<{ url: string; provider: ProviderId }> = [];
  const headers: Array<[string, string]> = [];
  let page: string | undefined;
  let provider: ProviderId | undefined;
  let json = false;
  const options: Partial<DoctorOptions> = {};
  while (rest.length) {
    const arg = rest.shift()!;
    const value = () => {
      const next = rest.shift();
      if (next === undefined || next.startsWith('--'))
        throw new DoctorError(`${arg} needs a value.`);
      return next;
    };
    if (arg === '--json') json = true;
    else if (arg === '--token-endpoint') {
      endpoints.push({ url: value(), provider: provider ?? 'intelliprove' });
      provider = undefined;
    } else if (arg === '--provider') {
      const name = value();
      if (name !== 'intelliprove' && name !== 'sahha')
        throw new DoctorError(`--provider ${name}: use intelliprove or sahha.`);
      provider = name;
    } else if (arg === '--header') {
      const header = value();
      const colon = header.indexOf(':');
      if (colon < 1) throw new DoctorError(`--header "${header}": write it as "Name: value".`);
      headers.push([header.slice(0, colon).trim(), header.slice(colon + 1).trim()]);
    } else if (arg === '--allowed-origins') options.allowedOrigins = value().split(/[\s,]+/);
    else if (arg === '--api-base') options.apiBase = value();
    else if (arg === '--timeout') {
      const seconds = Number(value());
      if (!(seconds > 0)) throw new DoctorError('--timeout needs a number of seconds.');
      options.timeoutMs = seconds * 1000;
    } else if (arg.startsWith('--')) throw new DoctorError(`Unknown option ${arg}.`);
    else if (page === undefined) page = arg;
    else throw new DoctorError(`One page at a time ("${arg}" too).`);
  }
  if (provider) {
    // `--provider sahha` after the last endpoint: it names that one.
    const last = endpoints.at(-1);
    if (!last) throw new DoctorError(`--provider ${provider} needs a --token-endpoint after it.`);
    last.provider = provider;
  }
  if (!page) throw new DoctorError('Which page? Give its URL, e.g. https://example.com/health.');
  return { ...options, page, headers, json, ...(endpoints.length && { endpoints }) };
}

// `intelliprove-widgets doctor` against the demo host (all ✔, exit 0) and against hosts broken
// on purpose, one flaw at a time: each flaw is named with its fix, and only it fails.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { startSandbox, type Sandbox } from '../../demo/sandbox/index.js';
import type { Running } from '../../demo/sandbox/http-util.js';
import { runDoctor } from '../../src/doctor/doctor.js';
import type { Check, Report } from '../../src/doctor/report.js';
import { SESSION, startBrokenHost } from './broken-host.js';

const CLI = fileURLToPath(new URL('../../dist/doctor/cli.js', import.meta.url));
const run = promisify(execFile);

/** The built bin, as `npx intelliprove-widgets` runs it: its output and exit status. */
async function doctor(
  ...args: string[]
): Promise<{ stdout: string; stderr: string; code: number }> {
  assert.ok(existsSync(CLI), 'dist/doctor/cli.js is missing: run `npm run build` first.');
  try {
    // Run as npx runs it: the file itself (its #! line), so it must be executable as built.
    const { stdout, stderr } = await run(CLI, ['doctor', ...args]);
    return { stdout, stderr, code: 0 };
  } catch (error) {
    const { stdout, stderr, code } = error as { stdout: string; stderr: string; code: number };
    return { stdout, stderr, code };
  }
}

const failed = (report: Report) => report.checks.filter((check) => !check.ok);
const header = (line: string) => {
  const colon = line.indexOf(':');
  return [line.slice(0, colon), line.slice(colon + 1).trim()] as const;
};

describe('doctor', () => {
  let sandbox: Sandbox;
  let broken: Running;
  before(async () => {
    sandbox = await startSandbox();
    broken = await startBrokenHost(sandbox);
  });
  after(async () => {
    await broken.close();
    await sandbox.close();
  });

  /** The doctor on the broken host's `page`, asking `endpoint`, with the session. */
  const check = (page: string, endpoint = '/token/good') =>
    runDoctor({
      page: `${broken.url}/page/${page}`,
      endpoints: [{ url: endpoint, provider: 'intelliprove' }],
      headers: [header(SESSION)],
    });

  /** The one check that failed (or each of `count`), its text and fix matching. */
  function onlyFailure(report: Report, text: RegExp, fix: RegExp, count = 1): Check[] {
    const failures = failed(report);
    assert.equal(
      failures.length,
      count,
      failures.map((f) => f.text).join('\n') || 'nothing failed',
    );
    for (const failure of failures) {
      assert.match(failure.text, text);
      assert.match(failure.fix ?? '', fix);
    }
    assert.equal(report.ok, false);
    return failures;
  }

  it('passes the demo host, IntelliProve and Sahha, with exit 0', async () => {
    const demo = sandbox.host.url;
    const cookie = 'Cookie: demo_user=demo@example.com';
    const args = [`${demo}/`, '--header', cookie, '--token-endpoint', '/api/ip-token'];
    const { stdout, code } = await doctor(
      ...args,
      '--provider',
      'sahha',
      '--token-endpoint',
      '/api/sahha-token',
    );
    assert.equal(code, 0, stdout);
    assert.doesNotMatch(stdout, /✘/);
    assert.match(stdout, /All \d+ checks passed\./);
    for (const expected of [
      /✔ script-src allows the kit's code and its chunks/,
      new RegExp(`✔ connect-src allows IntelliProve's API \\(${sandbox.engine.url}/\\)`),
      new RegExp(`✔ connect-src allows Sahha's API \\(${sandbox.sahha.url}/\\)`),
      new RegExp(`✔ frame-src allows the face-scan plug-in \\(${sandbox.plugins.url}\\)`),
      /✔ img-src allows the recommendations' images \(IntelliProve's CDN\) \(https:\/\/cdn\.intelliprove\.com\/\)/,
      new RegExp(
        `✔ img-src allows the recommendations' images \\(IntelliProve's API\\) \\(${sandbox.engine.url}/\\)`,
      ),
      /✔ Trusted Types are required, and any policy name is allowed: Lit's "lit-html" too\./,
      /purpose "face-scan"\n( {2}✔ .*\n){7}/,
      /\/api\/ip-token, without the session\n {2}✔ It answers 401/,
      /\/api\/sahha-token \(Sahha\), without the session\n {2}✔ It answers 401/,
    ])
      assert.match(stdout, expected);
    // --json, for CI: the same checks.
    const json = await doctor(...args, '--json');
    assert.equal(json.code, 0);
    const report = JSON.parse(json.stdout) as Report;
    assert.equal(report.ok, true);
    assert.ok(report.checks.length > 20 && report.checks.every((c) => c.ok && !c.fix));
  });

  it('passes the broken host where it is not broken', async () => {
    const report = await check('good');
    assert.deepEqual(failed(report), []);
  });

  it('names a missing frame-src, with the directive to add', async () => {
    const report = await check('no-frame-src');
    const [failure] = onlyFailure(
      report,
      /default-src does not allow the face-scan plug-in/,
      /frame-src/,
    );
    assert.equal(
      failure!.fix,
      `Add the directive "frame-src 'self' ${sandbox.plugins.url}" (the policy has no frame-src, so default-src decides).`,
    );
  });

  it("names an img-src that keeps out the recommendations' images: the CDN's and the API's", async () => {
    const report = await check('no-img-src');
    const failures = onlyFailure(
      report,
      /default-src does not allow the recommendations' images/,
      /img-src/,
      2,
    );
    assert.deepEqual(
      failures.map((failure) => failure.fix),
      [
        `Add the directive "img-src 'self' https://*.intelliprove.com" (the policy has no img-src, so default-src decides).`,
        `Add the directive "img-src 'self' ${sandbox.engine.url}" (the policy has no img-src, so default-src decides).`,
      ],
    );
  });

  it('names a connect-src without the API', async () => {
    const report = await check('no-connect-src-for-the-api');
    const [failure] = onlyFailure(
      report,
      /connect-src does not allow IntelliProve's API/,
      /connect-src/,
    );
    assert.equal(failure!.fix, `Add ${sandbox.engine.url} to connect-src.`);
  });

  it('names a Trusted Types policy list without lit-html', async () => {
    const report = await check('trusted-types-without-lit');
    onlyFailure(
      report,
      /trusted-types does not allow Lit's policy "lit-html"/,
      /^Add lit-html to trusted-types\.$/,
    );
  });

  it('names a Permissions-Policy that keeps the camera from the plug-in', async () => {
    const report = await check('camera-for-self-only');
    const [failure] = onlyFailure(
      report,
      /does not let the face-scan plug-in .* use the camera/,
      /camera=/,
    );
    assert.equal(failure!.fix, `Set camera=(self "${sandbox.plugins.url}").`);
  });

  it('checks a <meta> policy too', async () => {
    const report = await check('meta-policy-without-the-kit');
    // The header's policy allows everything; the page's own blocks the API.
    onlyFailure(
      report,
      /^connect-src does not allow IntelliProve's API .*\(<meta> policy\)\.$/,
      /connect-src/,
    );
  });

  it('names a token endpoint without Cache-Control: no-store, for each purpose', async () => {
    const report = await check('good', '/token/without-no-store');
    onlyFailure(report, /Cache-Control: private, max-age=60/, /no-store/, 3);
  });

  it('names an expires_at without a UTC offset', async () => {
    const report = await check('good', '/token/expires-at-without-offset');
    onlyFailure(report, /"expires_at" \(\d{4}-\d\d-\d\dT[\d:]+\) has no UTC offset/, /"Z"/, 3);
  });

  it('names a plug-in URL too long for a browser to load, for each plug-in', async () => {
    const report = await check('good', '/token/too-long-a-url');
    onlyFailure(
      report,
      /plug-in URL is \d+ characters long, more than a browser loads/,
      /unaltered/,
      2,
    );
  });

  it('names an answer in HTML', async () => {
    const report = await check('good', '/token/answering-html');
    onlyFailure(
      report,
      /text\/html; charset=utf-8, not JSON \(an HTML page/,
      /application\/json/,
      3,
    );
  });

  it('names a redirect to a login page, with and without the session', async () => {
    const report = await check('good', '/token/redirecting-to-login');
    const failures = onlyFailure(report, /redirects \(302\) to .*\/login\?next=\/health/, /401/, 4);
    assert.match(failures.at(-1)!.group, /without the session/);
  });

  it('names a key-shaped string in the answer', async () => {
    const report = await check('good', '/token/leaking-a-key');
    onlyFailure(report, /looks like a secret: the key-shaped value of "customer"/, /API key/, 3);
  });

  it('names an endpoint that answers without a session', async () => {
    const report = await check('good', '/token/without-a-session-too');
    const [failure] = onlyFailure(report, /answers 200 to a request without the session/, /401/);
    assert.match(failure!.group, /without the session/);
  });

  it('names a token endpoint on another origin without CORS, and the connect-src it needs', async () => {
    const elsewhere = sandbox.host.url; // the demo host: another origin, no CORS headers
    const report = await runDoctor({
      page: `${broken.url}/page/good`,
      endpoints: [{ url: `${elsewhere}/api/ip-token`, provider: 'intelliprove' }],
      headers: [['Cookie', 'demo_user=demo@example.com']],
    });
    const failures = failed(report);
    assert.deepEqual(
      failures.map((f) => f.fix),
      [
        `Add ${elsewhere} to connect-src.`,
        ...Array(3).fill(
          `Answer with "Access-Control-Allow-Origin: ${broken.url}" (and "Access-Control-Allow-Credentials: true" with credentials="include" on the elements), or serve the endpoint from the page's origin.`,
        ),
      ],
    );
    assert.match(
      failures[1]!.text,
      /another origin than the page and sends no Access-Control-Allow-Origin/,
    );
  });

  it('exits 1 on a failed check, 2 when it cannot run', async () => {
    const flawed = await doctor(`${broken.url}/page/no-frame-src`, '--header', SESSION);
    assert.equal(flawed.code, 1);
    assert.match(
      flawed.stdout,
      /✘ default-src does not allow the face-scan plug-in .* Fix: Add the directive "frame-src/,
    );
    assert.match(flawed.stdout, /1 of \d+ checks failed\./);
    const missing = await doctor(`${broken.url}/nowhere`);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /answered 404: give the URL of a page that has the kit on it/);
    const usage = await doctor('--header', 'no colon here', `${broken.url}/page/good`);
    assert.equal(usage.code, 2);
    assert.match(
      usage.stderr,
      /write it as "Name: value"[\s\S]*Usage: intelliprove-widgets doctor/,
    );
  });

  it('says to pass the session when the endpoint answers 401 to the headers given', async () => {
    const report = await runDoctor({ page: `${broken.url}/page/good` });
    const failures = onlyFailure(report, /answers 401 with the headers given/, /--header/, 3);
    assert.match(failures[0]!.fix!, /Pass the signed-in session with --header/);
  });
});

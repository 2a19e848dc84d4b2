/**
 * What the framework app tests share: the sandbox (whose demo host serves each built app at
 * /<name>/ under its strict CSP), Chromium, a census of what the kit leaves on a page, and
 * the ways the tests look at a page: the text a kit element shows, the requests that went over
 * the wire, the face-scan plug-in's frame.
 * Also what the session tests (these and the demo page's) share: each user's values from the
 * sandbox engine, and a record of everything an element showed across a switch of user.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { after, before } from 'node:test';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import type { Browser, Frame, Page } from 'playwright-core';
import { DEFAULT_USER } from '../../demo/host/host.js';
import { SANDBOX_API_KEY } from '../../demo/sandbox/engine.js';
import { startSandbox, type Sandbox } from '../../demo/sandbox/index.js';
import { browserFor, waitForStatus, watch } from './browser.js';
import { call } from './http.js';
import { poll } from './wait.js';

export interface AppSession {
  sandbox: Sandbox;
  browser: Browser;
  /** Opens `path` of the app (e.g. '/vue/') in a new page, watching its console and CSP. */
  open(path: string): Promise<{ page: Page; errors: string[]; violations: string[] }>;
  close(): Promise<void>;
}

export async function startAppSession(name: 'vue' | 'react' | 'angular'): Promise<AppSession> {
  const index = fileURLToPath(new URL(`../../demo/${name}/dist/index.html`, import.meta.url));
  assert.ok(existsSync(index), `demo/${name} is not built: run \`npm run demo:frameworks\`.`);
  const sandbox = await startSandbox({ scanSeconds: 1, checkSeconds: 0.2 });
  const { browser, release } = await browserFor();
  return {
    sandbox,
    browser,
    async open(path) {
      const page = await browser.newPage();
      const seen = await watch(page);
      // tsx names the functions it compiles; evaluated code needs its helper in the page.
      await page.addInitScript('window.__name = (f) => f');
      await page.goto(sandbox.host.url + path);
      return { page, ...seen };
    },
    async close() {
      await release();
      await sandbox.close();
    },
  };
}

/**
 * For the `describe` block it is called in: the app session of demo/`name`, started before
 * the block's tests and closed after them.
 */
export function appSession(name: 'vue' | 'react' | 'angular'): AppSession {
  const session = {} as AppSession;
  before(async () => Object.assign(session, await startAppSession(name)));
  after(() => session.close?.());
  return session;
}

export interface KitCensus {
  /** iframes anywhere in the page, shadow roots included. */
  iframes: number;
  /** `message` listeners on window (the kit's plug-in bridge adds one while a plug-in lives). */
  messageListeners: number;
  /** The kit's page-wide "scan completed" subscriptions (one per data element on the page). */
  scanListeners: number;
  /** Connected kit elements. */
  elements: number;
}

/** Counts what the kit holds on the page, to compare before mounting and after unmounting. */
export async function census(page: Page): Promise<KitCensus> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { result } = await cdp.send('Runtime.evaluate', { expression: 'window' });
    const { listeners } = await cdp.send('DOMDebugger.getEventListeners', {
      objectId: result.objectId!,
    });
    const counts = await page.evaluate(() => {
      const all = (root: Document | ShadowRoot): Element[] =>
        [...root.querySelectorAll('*')].flatMap((el) =>
          el.shadowRoot ? [el, ...all(el.shadowRoot)] : [el],
        );
      const elements = all(document);
      const held = globalThis as unknown as Record<symbol, unknown>;
      // The global that src/core/scan-signal.ts keeps them in.
      const scan = held[Symbol.for('intelliprove-widgets.scan-signal.v1')] as
        Set<unknown> | undefined;
      return {
        iframes: elements.filter((el) => el.localName === 'iframe').length,
        scanListeners: scan?.size ?? 0,
        elements: elements.filter((el) => el.localName.startsWith('ip-')).length,
      };
    });
    return {
      ...counts,
      messageListeners: listeners.filter((l) => l.type === 'message').length,
    };
  } finally {
    await cdp.detach();
  }
}

/**
 * Waits (up to WAIT_MS) until the kit's census matches `expected` in the fields it names, then
 * asserts it: after an unmount, `settlesTo(page, baseline)` checks that nothing is left behind.
 */
export async function settlesTo(page: Page, expected: Partial<KitCensus>): Promise<void> {
  const pick = (all: KitCensus) =>
    Object.fromEntries(Object.keys(expected).map((key) => [key, all[key as keyof KitCensus]]));
  const now = await poll(
    async () => pick(await census(page)),
    (now) => isDeepStrictEqual(now, expected),
  );
  assert.deepEqual(now, expected);
}

/** Waits (up to WAIT_MS) until the page has cards or gauges, each with `status="ready"`. */
export const waitForReady = (page: Page) =>
  waitForStatus(page, 'ip-biomarker-card, ip-metric-gauge');

/**
 * What a user sees in each element matching `selector` (document order, light DOM): the
 * `innerText` of its shadow `[part="base"]`, whitespace collapsed; '' while it has none.
 */
export const shownTexts = (page: Page, selector: string): Promise<string[]> =>
  page.evaluate(
    (selector) =>
      [...document.querySelectorAll(selector)].map((el) => {
        const base = el.shadowRoot?.querySelector<HTMLElement>('[part="base"]');
        return base ? base.innerText.replace(/\s+/g, ' ').trim() : '';
      }),
    selector,
  );

/** What a user sees in the `index`th element matching `selector` (see `shownTexts`). */
export const shownText = async (page: Page, selector: string, index = 0): Promise<string> =>
  (await shownTexts(page, selector))[index] ?? '';

/**
 * Waits (up to WAIT_MS) until the `index`th element matching `selector` shows text matching
 * `pattern`, and returns that text; fails showing what it shows if it never does.
 */
export async function waitForShown(
  page: Page,
  selector: string,
  pattern: RegExp,
  index = 0,
): Promise<string> {
  const text = await poll(
    () => shownText(page, selector, index),
    (text) => pattern.test(text),
  );
  assert.match(
    text,
    pattern,
    `${selector} #${index} shows ${JSON.stringify(text)}, not ${pattern}`,
  );
  return text;
}

/**
 * Waits (up to WAIT_MS) until exactly as many elements match `selector` as there are `patterns`
 * and each shows text matching its pattern, in document order; returns their texts, or fails
 * showing what they show.
 */
export async function waitForAllShown(
  page: Page,
  selector: string,
  patterns: readonly RegExp[],
): Promise<string[]> {
  const matches = (texts: string[]) =>
    texts.length === patterns.length && patterns.every((pattern, n) => pattern.test(texts[n]!));
  const texts = await poll(() => shownTexts(page, selector), matches);
  assert.ok(
    matches(texts),
    `${selector} show ${JSON.stringify(texts)}, expected ${patterns.join(', ')}`,
  );
  return texts;
}

/** A request the page sent, as `recordRequests` records it. */
export interface SentRequest {
  method: string;
  url: URL;
  /** The URL's path (`url.pathname`). */
  path: string;
  /** The body parsed as JSON; its raw text if it is not JSON; null without a body. */
  body: any;
  /** The request's Authorization header, if it had one. */
  authorization: string | undefined;
  /** What the page asked with: `fetch` (the kit's API reads), `image`, `document`, … */
  type: string;
}

/**
 * Records every request the page sends from now on, in order, into the array it returns (which
 * keeps filling; empty it with `length = 0` to start afresh).
 */
export function recordRequests(page: Page): SentRequest[] {
  const sent: SentRequest[] = [];
  page.on('request', (request) => {
    const data = request.postData();
    let body: unknown = null;
    try {
      body = JSON.parse(data ?? 'null');
    } catch {
      body = data;
    }
    const url = new URL(request.url());
    sent.push({
      method: request.method(),
      url,
      path: url.pathname,
      body,
      authorization: request.headers()['authorization'],
      type: request.resourceType(),
    });
  });
  return sent;
}

/** The bodies of the POST requests among `sent` to `path` (a token endpoint, say), in order. */
export const postedTo = (sent: readonly SentRequest[], path: string): any[] =>
  sent.filter((r) => r.method === 'POST' && r.path === path).map((r) => r.body);

/** Waits (up to WAIT_MS) for a frame of the page loaded from `origin`: the face-scan plug-in's. */
export async function pluginFrame(page: Page, origin: string): Promise<Frame> {
  const frame = await poll(
    () => page.frames().find((f) => f.url().startsWith(origin)),
    (frame) => frame !== undefined,
  );
  assert.ok(frame, `no plug-in frame from ${origin}`);
  return frame;
}

/** The id of the latest face scan the sandbox engine holds for `user` (the demo host's user). */
export async function latestScanId(sandbox: Sandbox, user = DEFAULT_USER): Promise<string> {
  const latest = await call(
    sandbox.engine.url,
    'GET',
    `/v2/face-scans/latest?external_user_id=${encodeURIComponent(user)}`,
    { key: SANDBOX_API_KEY },
  );
  return latest.body[0].face_scan_id;
}

/** What the sandbox engine holds for a user, read with the API key: what their elements show. */
export interface Readings {
  /** The latest scan's biomarkers, by name (`heart_rate`, …). */
  biomarkers: Record<string, number | null>;
  /** Metric and wellbeing scores, by the gauges' `metric` names (`mental_stress`, `wellbeing_mental`, …). */
  metrics: Record<string, number | null>;
}

/** Reads what the sandbox engine holds for `user` (a demo-host user id). */
export async function readingsOf(sandbox: Sandbox, user: string): Promise<Readings> {
  const get = async (path: string) => {
    const query = `external_user_id=${encodeURIComponent(user)}`;
    const answer = await call(sandbox.engine.url, 'GET', `${path}?${query}`, {
      key: SANDBOX_API_KEY,
    });
    assert.equal(answer.status, 200, `${path} for ${user}`);
    return answer.body;
  };
  const [[scan], { metrics }, wellbeing] = await Promise.all([
    get('/v2/face-scans/latest'),
    get('/v2/metrics'),
    get('/v2/userprofiles/wellbeing'),
  ]);
  const metricScores = Object.entries(metrics as Record<string, { score: number } | null>).map(
    ([name, metric]) => [name, metric?.score ?? null],
  );
  const wellbeingScores = Object.entries(wellbeing as Record<string, number | null>).map(
    ([name, score]) => [`wellbeing_${name}`, score],
  );
  return {
    biomarkers: scan,
    metrics: Object.fromEntries([...metricScores, ...wellbeingScores]),
  };
}

/** What the sandbox engine holds for each of `users`, and their user ids (see `userIdOf`). */
export async function usersOf(sandbox: Sandbox, ...users: string[]) {
  const readings: Record<string, Readings> = {};
  const ids: Record<string, string> = {};
  for (const user of users) {
    readings[user] = await readingsOf(sandbox, user);
    ids[user] = await userIdOf(sandbox, user);
  }
  return { readings, ids };
}

/** The sandbox engine's user id (an action token's `sub`) of `user` (a demo-host user id). */
export async function userIdOf(sandbox: Sandbox, user: string): Promise<string> {
  const answer = await call(
    sandbox.engine.url,
    'GET',
    `/v2/users?external_user_id=${encodeURIComponent(user)}`,
    { key: SANDBOX_API_KEY },
  );
  return answer.body.user_id;
}

/** The user (`sub`) an `Authorization: Token <action token>` header is for; null for others. */
export function tokenSubject(authorization: string | undefined): string | null {
  const payload = /^Token [\w-]+\.([\w-]+)\.[\w-]+$/.exec(authorization ?? '')?.[1];
  return payload ? JSON.parse(Buffer.from(payload, 'base64url').toString()).sub : null;
}

/** Asserts that `sent` holds API calls to the sandbox engine, and that each had a token of `userId`. */
export function assertEngineCallsAs(
  sandbox: Sandbox,
  sent: readonly SentRequest[],
  userId: string,
): void {
  const calls = sent.filter((r) => r.url.origin === sandbox.engine.url && r.type === 'fetch');
  assert.ok(calls.length > 0, 'API calls to the sandbox engine');
  assert.deepEqual(
    calls.filter((r) => tokenSubject(r.authorization) !== userId).map((r) => r.path),
    [],
    `API calls with another token than ${userId}'s`,
  );
}

/** A card or gauge, as a test names it: its tag, provider, and biomarker or metric. */
export interface KitElement {
  tag: string;
  /** Its `provider` (property, else attribute); '' for IntelliProve. */
  provider: string;
  /** Its `biomarker` or `metric` (property, else attribute). */
  what: string;
}

/** The value an English IntelliProve card or gauge shows for `element` from `readings`. */
export function valueFor(readings: Readings, element: KitElement): string | null {
  const number = (n: number | null | undefined, digits = 0) =>
    typeof n === 'number'
      ? new Intl.NumberFormat('en', { maximumFractionDigits: digits }).format(n)
      : null;
  if (element.provider !== '') return null;
  if (element.tag === 'ip-metric-gauge') return number(readings.metrics[element.what], 1);
  const { biomarkers } = readings;
  if (element.what !== 'blood_pressure') return number(biomarkers[element.what]);
  const [systolic, diastolic] = [
    biomarkers.systolic_blood_pressure,
    biomarkers.diastolic_blood_pressure,
  ];
  return systolic == null || diastolic == null ? null : `${number(systolic)}/${number(diastolic)}`;
}

/** The value a card's or gauge's text shows: its first number ("Blood pressure 120/83 mmHg" → "120/83"). */
export const valueIn = (text: string): string | null =>
  /\d[\d,.]*(?:\/\d[\d,.]*)?/.exec(text)?.[0]?.replace(/[.,]$/, '') ?? null;

/** What one card or gauge showed at one moment, as `recordShown` records it. */
export interface ShownRecord extends KitElement {
  /** The test's phase then (see `ShownLog.phase`). */
  phase: string;
  /** Its `status` attribute. */
  status: string | null;
  /** What it showed (as `shownTexts` reads it). */
  text: string;
}

export interface ShownLog {
  /** Names what the test does from now on: the records made after it carry `name`. */
  phase(name: string): Promise<void>;
  /** Every change of what an element showed (text or status), in order, since recording began. */
  records(): Promise<ShownRecord[]>;
}

/**
 * Records, from now on, every text and status each element matching `selector` shows (elements
 * mounted later too): a MutationObserver in the page writes down each change as it is made,
 * before the browser paints it, so no state the user could have seen is missed.
 */
export async function recordShown(
  page: Page,
  selector = 'ip-biomarker-card, ip-metric-gauge',
): Promise<ShownLog> {
  await page.evaluate((selector) => {
    const log = { phase: '', records: [] as unknown[] };
    (window as unknown as { __ipShown: typeof log }).__ipShown = log;
    const last = new WeakMap<Element, string>();
    const observed = new WeakSet<Node>();
    const observer = new MutationObserver(() => look());
    const observe = (node: Node, options: MutationObserverInit) => {
      if (observed.has(node)) return;
      observed.add(node);
      observer.observe(node, options);
    };
    function look() {
      for (const el of document.querySelectorAll(selector)) {
        observe(el, { attributes: true });
        if (el.shadowRoot) {
          observe(el.shadowRoot, {
            subtree: true,
            childList: true,
            characterData: true,
            attributes: true,
          });
        }
        const base = el.shadowRoot?.querySelector<HTMLElement>('[part="base"]');
        // Frameworks set properties rather than attributes (Vue does): read those first.
        const held = el as Element & Partial<Record<'provider' | 'biomarker' | 'metric', string>>;
        const provider = held.provider ?? el.getAttribute('provider') ?? '';
        const record = {
          phase: log.phase,
          tag: el.localName,
          provider: provider === 'intelliprove' ? '' : provider,
          what:
            held.biomarker ??
            held.metric ??
            el.getAttribute('biomarker') ??
            el.getAttribute('metric') ??
            '',
          status: el.getAttribute('status'),
          text: base ? base.innerText.replace(/\s+/g, ' ').trim() : '',
        };
        const seen = JSON.stringify({ ...record, phase: '' });
        if (last.get(el) === seen) continue;
        last.set(el, seen);
        log.records.push(record);
      }
    }
    observer.observe(document, { childList: true, subtree: true });
    look();
  }, selector);
  type Held = { __ipShown: { phase: string; records: ShownRecord[] } };
  return {
    async phase(name) {
      await page.evaluate((name) => {
        (window as unknown as Held).__ipShown.phase = name;
      }, name);
    },
    records: () => page.evaluate(() => (window as unknown as Held).__ipShown.records),
  };
}

/**
 * The records of `phase` in which an IntelliProve card or gauge showed `stale`'s value, where
 * `fresh`'s differs: after switching from `stale`'s user to `fresh`'s, there must be none.
 */
export const staleRecords = (
  records: readonly ShownRecord[],
  phase: string,
  stale: Readings,
  fresh: Readings,
): ShownRecord[] =>
  records.filter((r) => {
    if (r.phase !== phase) return false;
    const old = valueFor(stale, r);
    return old !== null && old !== valueFor(fresh, r) && valueIn(r.text) === old;
  });

/**
 * Waits (up to WAIT_MS) until every IntelliProve card and gauge on the page shows its value from
 * `readings` (see `valueFor`); fails naming those that do not.
 */
export async function waitForValues(page: Page, readings: Readings): Promise<void> {
  const read = () =>
    page.$$eval('ip-biomarker-card, ip-metric-gauge', (els) =>
      els.map((el) => {
        const held = el as Element & Partial<Record<'provider' | 'biomarker' | 'metric', string>>;
        const base = el.shadowRoot?.querySelector<HTMLElement>('[part="base"]');
        const provider = held.provider ?? el.getAttribute('provider') ?? '';
        return {
          tag: el.localName,
          provider: provider === 'intelliprove' ? '' : provider,
          what: held.biomarker ?? held.metric ?? '',
          text: base ? base.innerText.replace(/\s+/g, ' ').trim() : '',
        };
      }),
    );
  const wrong = (shown: Awaited<ReturnType<typeof read>>) =>
    shown.filter((el) => {
      const value = valueFor(readings, el);
      return value !== null && valueIn(el.text) !== value;
    });
  const shown = await poll(read, (shown) => wrong(shown).length === 0);
  assert.deepEqual(wrong(shown), [], 'cards and gauges not showing their values');
}

/**
 * The message bridge between plug-in iframes and their elements: one `message` listener on each
 * window their frames post to (the page's; a pop-out's, such as Document Picture-in-Picture,
 * for an element moved there), present only while some frame there is registered. A message is
 * acted on only when it comes from a registered frame's window **and** that frame's origin.
 */
import type { PluginStage } from '../core/events.js';

export interface PluginMessage {
  stage: PluginStage | (string & {});
  data: Record<string, unknown>;
}

const STAGES: PluginStage[] = [
  'startNewMeasurement',
  'recordingStarted',
  'recordingStopped',
  'faceScanSuccessful',
  'userFinished',
  'dismiss',
  'error',
];
const BY_LOWER = new Map(STAGES.map((stage) => [stage.toLowerCase(), stage]));

/**
 * Reads a plug-in message: a JSON object, or a string holding one, with a `stage` field
 * (compared case-insensitively; unknown stages are passed on as sent). Null otherwise.
 */
export function parsePluginMessage(raw: unknown): PluginMessage | null {
  let data = raw;
  if (typeof data === 'string') {
    try {
      data = JSON.parse(data);
    } catch {
      return null;
    }
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return null;
  const stage = (data as { stage?: unknown }).stage;
  if (typeof stage !== 'string' || stage === '') return null;
  return {
    stage: BY_LOWER.get(stage.toLowerCase()) ?? stage,
    data: data as Record<string, unknown>,
  };
}

/** The face scan id in a message: `face_scan_id` or `faceScanId`, at the top or inside `data`. */
export function faceScanIdOf(data: Record<string, unknown>): string | null {
  const nested =
    typeof data.data === 'object' && data.data !== null
      ? (data.data as Record<string, unknown>)
      : {};
  for (const source of [data, nested]) {
    for (const key of ['face_scan_id', 'faceScanId']) {
      const value = source[key];
      if (typeof value === 'string' && value) return value;
    }
  }
  return null;
}

interface Registration {
  origin: string;
  onMessage: (message: PluginMessage) => void;
}

const frames = new Map<MessageEventSource, Registration>();
/** The windows listened on, with how many registered frames post to each. */
const listening = new Map<Window, number>();

function listener(event: MessageEvent): void {
  if (!event.source) return;
  const registration = frames.get(event.source);
  if (!registration || event.origin !== registration.origin) return;
  const message = parsePluginMessage(event.data);
  if (message) registration.onMessage(message);
}

/**
 * Routes messages from `source` (an iframe's `contentWindow`) sent from `origin` to
 * `onMessage`. Returns the function that stops it.
 */
export function listenToFrame(
  source: Window,
  origin: string,
  onMessage: (message: PluginMessage) => void,
): () => void {
  // The window of the document the frame is in, which its messages reach (cross-origin, a
  // frame may still read its parent).
  const target = source.parent ?? window;
  // Registered anew, a frame counts once: the stop of its old registration does nothing.
  if (!frames.has(source)) {
    const count = listening.get(target) ?? 0;
    if (count === 0) target.addEventListener('message', listener);
    listening.set(target, count + 1);
  }
  const registration = { origin, onMessage };
  frames.set(source, registration);
  return () => {
    if (frames.get(source) !== registration) return;
    frames.delete(source);
    const left = listening.get(target)! - 1;
    if (left > 0) listening.set(target, left);
    else {
      listening.delete(target);
      target.removeEventListener('message', listener);
    }
  };
}

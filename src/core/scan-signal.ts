/**
 * "A face scan just completed on this page": the face-scan element announces it, data
 * elements showing the same user reload. Page-wide, shared by copies of the kit.
 */
export interface ScanCompleted {
  /** Token endpoint the scan's user came from: elements sharing it show the same user. */
  tokenEndpoint: string;
  faceScanId: string | null;
}

type Listener = (scan: ScanCompleted) => void;

// A global, versioned: where two separately built copies of the kit on one page must meet (a
// face scan of one, cards of the other).
const KEY = Symbol.for('intelliprove-widgets.scan-signal.v1');
function listeners(): Set<Listener> {
  const holder = globalThis as unknown as Record<symbol, Set<Listener> | undefined>;
  return (holder[KEY] ??= new Set());
}

export function announceScan(scan: ScanCompleted): void {
  for (const listener of [...listeners()]) listener(scan);
}

/** Calls `listener` after each completed scan; returns the unsubscribe function. */
export function onScanCompleted(listener: Listener): () => void {
  listeners().add(listener);
  return () => listeners().delete(listener);
}

/** Scans an element remembers having acted on. */
const REMEMBERED = 20;

/** Records `id` in `seen` (the last few only); false when it was there already. */
export function firstTime(seen: Set<string>, id: string): boolean {
  if (seen.has(id)) return false;
  seen.add(id);
  if (seen.size > REMEMBERED) seen.delete(seen.values().next().value!);
  return true;
}

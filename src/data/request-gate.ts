/**
 * At most `MAX_IN_FLIGHT` API reads per origin on the wire at once; the rest wait their turn,
 * in order. A browser keeps only six HTTP/1.1 connections per host and queues the rest out of
 * sight, so without this a page of many cards would count that queue against each read's own
 * time (`API_TIMEOUT_MS`): the last cards of a long page would time out behind the first, on a
 * server that answers every read. Here a read's time starts when it goes on the wire. A read
 * whose element stops waiting leaves the queue. (The element's whole read, queue included,
 * still has its own limit, reading.ts: a queue behind a hung server does not wait forever.)
 */
import { waitFor } from '../core/abort.js';

export const MAX_IN_FLIGHT = 6;

interface Gate {
  inFlight: number;
  waiting: (() => void)[];
}

const gates = new Map<string, Gate>();

/** Runs `send` once fewer than `MAX_IN_FLIGHT` reads to `origin` are on the wire, or until `aborted`. */
export async function throughGate<T>(
  origin: string,
  aborted: AbortSignal,
  send: () => Promise<T>,
): Promise<T> {
  let gate = gates.get(origin);
  if (!gate) gates.set(origin, (gate = { inFlight: 0, waiting: [] }));
  if (gate.inFlight >= MAX_IN_FLIGHT) {
    let turn!: () => void;
    const mine = new Promise<void>((resolve) => (turn = resolve));
    gate.waiting.push(turn);
    try {
      await waitFor(mine, aborted);
    } catch (error) {
      // Left the queue; a turn handed over in the meantime goes to the next in line.
      const at = gate.waiting.indexOf(turn);
      if (at >= 0) gate.waiting.splice(at, 1);
      else next(origin, gate);
      throw error;
    }
  } else gate.inFlight++;
  try {
    return await send();
  } finally {
    next(origin, gate);
  }
}

/** A read to `origin` is done: its place goes to the next in line, or is freed. */
function next(origin: string, gate: Gate): void {
  const turn = gate.waiting.shift();
  if (turn) turn();
  else if (--gate.inFlight === 0) gates.delete(origin);
}

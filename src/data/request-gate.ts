/**
 * At most `MAX_IN_FLIGHT` API reads per origin on the wire at once; the rest wait their turn,
 * in order. A browser keeps only six HTTP/1.1 connections per host and queues the rest out of
 * sight, so without this a page of many cards would count that queue against each read's own
 * time: the last cards of a long page would time out behind the first, on a server that answers
 * every read. Here a read has `API_TIMEOUT_MS` from when it goes on the wire, and the time it
 * waits for its turn does not count against its element's whole read either (`queued`).
 *
 * A queue only waits while it moves. When a read gets no answer in its time, nothing of that
 * origin answered meanwhile, and the reads still out have been out half their time or more,
 * the server is not answering: the reads waiting behind them fail at once, with the same "no
 * answer in time", rather than one round after the other. A read whose element stops waiting
 * leaves the queue.
 */
import { waitFor } from '../core/abort.js';
import { clock } from '../core/deadline.js';

export const MAX_IN_FLIGHT = 6;

/** A read that has no answer by then (from when it went on the wire) gives up. */
export const API_TIMEOUT_MS = 8_000;

interface Turn {
  go(): void;
  fail(reason: unknown): void;
  /** It was given a place on the wire. */
  given?: boolean;
}

interface Gate {
  /** Places taken: reads on the wire, and turns handed over that are about to go. */
  inFlight: number;
  /** When each read on the wire went out (`clock()`). */
  sent: Set<{ at: number }>;
  waiting: Turn[];
  /** How many reads of this origin had an answer (or failed of their own), so far. */
  answers: number;
}

const gates = new Map<string, Gate>();

/**
 * Runs `send` with a signal that ends its time on the wire, once fewer than `MAX_IN_FLIGHT`
 * reads to `origin` are out; until then, `queued(true)`, and `queued(false)` when its turn
 * comes (or it leaves). Gives up when `aborted`, or when its time is up even if `send` does not.
 */
export async function throughGate<T>(
  origin: string,
  aborted: AbortSignal,
  send: (signal: AbortSignal) => Promise<T>,
  queued?: (waiting: boolean) => void,
): Promise<T> {
  aborted.throwIfAborted();
  let gate = gates.get(origin);
  if (!gate) gates.set(origin, (gate = { inFlight: 0, sent: new Set(), waiting: [], answers: 0 }));
  if (gate.inFlight >= MAX_IN_FLIGHT) {
    let turn!: Turn;
    const mine = new Promise<void>((go, fail) => (turn = { go, fail }));
    mine.catch(() => {}); // a turn that fails after its read left is nobody's error
    gate.waiting.push(turn);
    queued?.(true);
    try {
      await waitFor(mine, aborted);
    } catch (error) {
      // Left the queue; a place handed over in the meantime goes to the next in line.
      const at = gate.waiting.indexOf(turn);
      if (at >= 0) gate.waiting.splice(at, 1);
      else if (turn.given) next(origin, gate);
      throw error;
    } finally {
      queued?.(false);
    }
  } else gate.inFlight++;
  const read = { at: clock() };
  gate.sent.add(read);
  const answersBefore = gate.answers;
  const timeout = AbortSignal.timeout(API_TIMEOUT_MS);
  const ends = AbortSignal.any([aborted, timeout]);
  try {
    const answer = await waitFor(send(ends), ends);
    gate.answers++;
    return answer;
  } catch (error) {
    if (!timeout.aborted) {
      if (!aborted.aborted) gate.answers++;
    } else if (gate.answers === answersBefore && silent(gate)) {
      // No answer in its time, none for any other read meanwhile, and all still out (this one
      // too) have had time to answer: the server is not answering.
      for (const waiting of gate.waiting.splice(0)) waiting.fail(timeout.reason);
    }
    throw error;
  } finally {
    gate.sent.delete(read);
    next(origin, gate);
  }
}

/** Every read on the wire has been out for half its time or more. */
const silent = (gate: Gate) =>
  [...gate.sent].every((read) => clock() - read.at >= API_TIMEOUT_MS / 2);

/** A read to `origin` is done: its place goes to the next in line, or is freed. */
function next(origin: string, gate: Gate): void {
  const turn = gate.waiting.shift();
  if (turn) {
    turn.given = true;
    turn.go();
  } else if (--gate.inFlight === 0) gates.delete(origin);
}

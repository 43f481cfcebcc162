// What kubelet unit tests share: let promises, just-bash's lazy module loads and log writes run
// out, and move the fake clock in steps so timers set while it moves fire too.
import type { FakeClock } from '../controllers/framework/testing.js';

/** Lets pending work settle (microtasks, immediates, a few real milliseconds for lazy imports). */
export async function settle(rounds = 3): Promise<void> {
  for (let r = 0; r < rounds; r++) {
    for (let i = 0; i < 30; i++) await new Promise((res) => setImmediate(res));
    await new Promise((res) => setTimeout(res, 2));
  }
}

/** Advances the clock by ms in steps of step, settling after each. */
export async function tick(clock: FakeClock, ms: number, step = 500): Promise<void> {
  for (let done = 0; done < ms; done += step) {
    clock.advance(Math.min(step, ms - done));
    await settle(1);
  }
  await settle();
}

/** Settles until `done()` holds (a loaded machine may take longer over a lazy import), at most `ms`. */
export async function settleUntil(done: () => boolean, ms = 5_000): Promise<void> {
  for (const deadline = Date.now() + ms; !done() && Date.now() < deadline;) await settle(1);
  await settle();
}

/** tick(), then more small steps until `done()` holds (a loaded machine runs behind the fake clock). */
export async function tickUntil(clock: FakeClock, ms: number, done: () => boolean, realMs = 10_000): Promise<void> {
  await tick(clock, ms);
  for (const deadline = Date.now() + realMs; !done() && Date.now() < deadline;) {
    clock.advance(100);
    await settle(1);
  }
}

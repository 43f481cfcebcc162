// What controller unit tests need: a fake client, a hand-moved clock, timers that fire only when
// the clock is advanced past them, and a context over them — seed, reconcile one key, assert.
import { FakeClient } from './fake-client.js';
import { InformerFactory } from './informer.js';
import { CoreEventRecorder } from './events.js';
import type { ControllerContext } from './controller.js';
import type { Timers } from './queue.js';

export class FakeClock implements Timers {
  private pending: { at: number; fn: () => void; id: number }[] = [];
  private seq = 0;
  constructor(public ms = Date.parse('2026-01-01T00:00:00Z')) {}
  now = (): number => this.ms;
  setTimeout(fn: () => void, ms: number): unknown {
    const id = ++this.seq;
    this.pending.push({ at: this.ms + ms, fn, id });
    return id;
  }
  clearTimeout(h: unknown): void {
    this.pending = this.pending.filter((p) => p.id !== h);
  }
  /** Moves time forward, firing timers that come due in order. */
  advance(ms: number): void {
    const until = this.ms + ms;
    for (;;) {
      this.pending.sort((a, b) => a.at - b.at);
      const next = this.pending[0];
      if (!next || next.at > until) break;
      this.pending.shift();
      this.ms = next.at;
      next.fn();
    }
    this.ms = until;
  }
}

export interface FakeEnv {
  fake: FakeClient;
  clock: FakeClock;
  ctx: ControllerContext;
  logs: string[];
}

export function fakeEnv(flags: Record<string, string> = {}): FakeEnv {
  const clock = new FakeClock();
  const fake = new FakeClient(clock.now);
  const logs: string[] = [];
  const log = (m: string) => logs.push(m);
  const ctx: ControllerContext = {
    client: fake,
    informers: new InformerFactory(fake, { log }),
    recorder: new CoreEventRecorder(fake, { component: 'test-controller', now: clock.now, log }),
    now: clock.now,
    log,
    timers: clock,
    flags,
  };
  return { fake, clock, ctx, logs };
}

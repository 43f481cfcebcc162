import { describe, expect, it } from 'vitest';
import type { Obj } from '../../client/types.js';
import { REFS } from '../../client/refs.js';
import { COMBINED_PREFIX, CoreEventRecorder, eventName } from './events.js';
import { FakeClient } from './fake-client.js';

const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web', namespace: 'default' } } as Obj;

describe('eventName', () => {
  it('is the object name and hex nanoseconds of the given millisecond', () => {
    const ms = Date.UTC(2026, 10, 24, 9, 0, 0);
    const [name, hex] = eventName(pod, ms).split('.');
    expect(name).toBe('web');
    const nanos = BigInt(`0x${hex}`);
    expect(nanos / 1_000_000n).toBeGreaterThanOrEqual(BigInt(ms));
  });

  it('sorts in the order events are made, even within one millisecond (Created before Started)', () => {
    const ms = Date.UTC(2026, 10, 24, 9, 0, 1);
    const names = Array.from({ length: 50 }, () => eventName(pod, ms));
    const nanos = names.map((n) => BigInt(`0x${n.split('.')[1]}`));
    for (let i = 1; i < nanos.length; i++) expect(nanos[i]! > nanos[i - 1]!).toBe(true);
    expect([...names].sort()).toEqual(names);
  });
});

describe('CoreEventRecorder aggregation (client-go EventCorrelator)', () => {
  const boundPod = { ...pod, metadata: { ...pod.metadata, uid: 'u1' } } as Obj;
  type Ev = Obj & { message: string; count: number; reportingComponent: string; lastTimestamp: string };

  async function record(messages: string[], stepMs = 10_000, reason = 'FailedCreatePodSandBox') {
    let now = Date.UTC(2026, 10, 24, 9, 0, 0);
    const client = new FakeClient(() => now);
    const r = new CoreEventRecorder(client, { component: 'kubelet', host: 'node01', now: () => now });
    const send = async (m: string, why = reason) => {
      r.event(boundPod, 'Warning', why, m);
      await r.flush();
      now += stepMs;
    };
    for (const m of messages) await send(m);
    return { all: () => client.all<Ev>(REFS.events, 'default'), send, later: (ms: number) => (now += ms) };
  }

  it('a repeated message is counted on one event', async () => {
    const evs = (await record(['same', 'same', 'same'])).all();
    expect(evs.map((e) => [e.message, e.count])).toEqual([['same', 3]]);
  });

  it('the tenth different message within ten minutes, and each after it, goes into one combined event', async () => {
    const evs = (await record(Array.from({ length: 14 }, (_, i) => `try ${i}`))).all();
    const combined = evs.filter((e) => e.message.startsWith(COMBINED_PREFIX));
    expect(evs.length).toBe(10);
    expect(combined.map((e) => [e.message, e.count, e.reportingComponent])).toEqual([[`${COMBINED_PREFIX}try 13`, 5, '']]);
    expect(evs.filter((e) => !e.message.startsWith(COMBINED_PREFIX)).map((e) => e.message)).toEqual(Array.from({ length: 9 }, (_, i) => `try ${i}`));
  });

  it('messages more than ten minutes apart start over', async () => {
    const evs = (await record(Array.from({ length: 12 }, (_, i) => `try ${i}`), 11 * 60_000)).all();
    expect(evs.every((e) => !e.message.startsWith(COMBINED_PREFIX))).toBe(true);
  });

  it('a repeat of an event the apiserver has deleted (event TTL) creates it again, counted on', async () => {
    let now = Date.UTC(2026, 10, 24, 9, 0, 0);
    const client = new FakeClient(() => now);
    const r = new CoreEventRecorder(client, { component: 'kubelet', host: 'node01', now: () => now });
    r.event(boundPod, 'Normal', 'Pulled', 'image present');
    await r.flush();
    const [first] = client.all<Ev>(REFS.events, 'default');
    await client.delete(REFS.events, 'default', first!.metadata.name!);
    now += 2 * 3600_000;
    r.event(boundPod, 'Normal', 'Pulled', 'image present');
    await r.flush();
    expect(client.all<Ev & { firstTimestamp: string }>(REFS.events, 'default').map((e) => [e.count, e.firstTimestamp, e.lastTimestamp])).toEqual([[2, '2026-11-24T09:00:00Z', '2026-11-24T11:00:00Z']]);
  });

  it('spam filter: 25 writes per object, then one every 5 minutes carrying the count kept meanwhile', async () => {
    const r = await record(Array.from({ length: 30 }, () => 'Back-off restarting failed container'), 1000, 'BackOff');
    expect(r.all().map((e) => e.count)).toEqual([25]);
    // another reason about the same object shares the bucket: held back, not even created
    await r.send('Created container: app', 'Created');
    expect(r.all().length).toBe(1);
    r.later(5 * 60_000);
    await r.send('Created container: app', 'Created');
    const created = r.all().find((e) => e.reason === 'Created') as Ev & { firstTimestamp: string };
    expect([created.count, created.firstTimestamp]).toEqual([2, '2026-11-24T09:00:30Z']);
    r.later(5 * 60_000);
    await r.send('Back-off restarting failed container', 'BackOff');
    expect(r.all().find((e) => e.reason === 'BackOff')?.count).toBe(31);
  });
});

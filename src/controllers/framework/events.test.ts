import { describe, expect, it } from 'vitest';
import type { Obj } from '../../client/types.js';
import { eventName } from './events.js';

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

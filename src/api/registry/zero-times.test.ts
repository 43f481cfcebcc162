import { describe, expect, it } from 'vitest';
import { fillZeroTimes } from './zero-times.js';

describe('fillZeroTimes', () => {
  it('puts a pod condition\'s missing lastProbeTime back as null, in declaration order', () => {
    const pod = {
      metadata: { name: 'p', creationTimestamp: '2026-01-01T00:00:00Z' },
      status: { conditions: [{ type: 'Ready', status: 'True', lastTransitionTime: '2026-01-01T00:00:01Z' }, { status: 'True', type: 'PodScheduled' }] },
    };
    fillZeroTimes('v1', 'Pod', pod);
    expect(JSON.stringify(pod.status.conditions)).toBe(JSON.stringify([
      { type: 'Ready', status: 'True', lastProbeTime: null, lastTransitionTime: '2026-01-01T00:00:01Z' },
      { type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: null },
    ]));
  });

  it('leaves pointer times absent and present values alone', () => {
    const job = { metadata: { name: 'j', creationTimestamp: '2026-01-01T00:00:00Z' }, status: { active: 1 } };
    fillZeroTimes('batch/v1', 'Job', job);
    expect(job.status).toEqual({ active: 1 });
  });

  it('an event\'s eventTime and its series\' times; a container state\'s startedAt', () => {
    const ev = { metadata: { name: 'e' }, involvedObject: { kind: 'Pod' }, reason: 'Started', firstTimestamp: '2026-01-01T00:00:00Z', lastTimestamp: '2026-01-01T00:00:00Z' };
    fillZeroTimes('v1', 'Event', ev);
    expect(ev).toMatchObject({ eventTime: null });
    const pod = { metadata: {}, status: { containerStatuses: [{ name: 'c', state: { terminated: { exitCode: 0 } } }] } };
    fillZeroTimes('v1', 'Pod', pod);
    expect(pod.status.containerStatuses[0]!.state.terminated).toEqual({ exitCode: 0, startedAt: null, finishedAt: null });
    expect(pod.metadata).toEqual({ creationTimestamp: null });
  });

  it('ignores kinds the scheme does not know', () => {
    const cr = { metadata: {}, status: { conditions: [{ type: 'X' }] } };
    fillZeroTimes('example.com/v1', 'Widget', cr);
    expect(cr).toEqual({ metadata: {}, status: { conditions: [{ type: 'X' }] } });
  });
});

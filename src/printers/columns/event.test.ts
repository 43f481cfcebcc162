import { describe, expect, it } from 'vitest';
import type { KObject } from '../../api/types.js';
import { eventColumns, eventsV1Columns } from './event.js';

const NOW = Date.parse('2025-01-15T12:00:00Z');
const at = (secondsAgo: number) => new Date(NOW - secondsAgo * 1000).toISOString().replace('.000Z', 'Z');
const micro = (secondsAgo: number) => new Date(NOW - secondsAgo * 1000).toISOString().replace('Z', '123Z');

function event(body: Record<string, unknown>): KObject {
  return {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: { name: 'crash.17a2', namespace: 'default', creationTimestamp: at(3000) },
    involvedObject: { kind: 'Pod', name: 'crash', namespace: 'default', fieldPath: 'spec.containers{crash}' },
    type: 'Warning',
    reason: 'BackOff',
    message: 'Back-off restarting failed container\n',
    source: { component: 'kubelet', host: 'node01' },
    ...body,
  };
}

describe('core events', () => {
  it.each<[string, Record<string, unknown>, string, string, number]>([
    ['first and last timestamps', { firstTimestamp: at(2580), lastTimestamp: at(20), count: 25 }, '20s', '43m', 25],
    ['no last timestamp: last = first', { firstTimestamp: at(300) }, '5m', '5m', 1],
    ['only an event time', { eventTime: micro(90) }, '90s', '90s', 1],
    ['series wins', { eventTime: micro(600), series: { count: 7, lastObservedTime: micro(30) } }, '30s', '10m', 7],
    ['no time at all', {}, '<unknown>', '<unknown>', 1],
  ])('%s', (_name, body, last, first, count) => {
    expect(eventColumns.cells(event(body), { now: NOW })).toEqual([
      last,
      'Warning',
      'BackOff',
      'pod/crash',
      'spec.containers{crash}',
      'kubelet, node01',
      'Back-off restarting failed container',
      first,
      count,
      'crash.17a2',
    ]);
  });

  it.each<[string, Record<string, unknown>, string, string]>([
    ['object without a name', { involvedObject: { kind: 'Node' } }, 'node', 'kubelet, node01'],
    ['reporting controller when source is empty', { source: {}, reportingComponent: 'default-scheduler', reportingInstance: 'default-scheduler-cp' }, 'pod/crash', 'default-scheduler, default-scheduler-cp'],
    ['component without host', { source: { component: 'deployment-controller' } }, 'pod/crash', 'deployment-controller'],
  ])('%s', (_name, body, target, source) => {
    const cells = eventColumns.cells(event(body), { now: NOW });
    expect([cells[3], cells[5]]).toEqual([target, source]);
  });

  it('orders columns as upstream, wide ones in between', () => {
    expect(eventColumns.columns.map((c) => `${c.name}:${c.priority}`)).toEqual([
      'Last Seen:0', 'Type:0', 'Reason:0', 'Object:0', 'Subobject:1', 'Source:1', 'Message:0', 'First Seen:1', 'Count:1', 'Name:1',
    ]);
    expect(eventColumns.columns[9]!.format).toBe('name');
  });
});

describe('events.k8s.io/v1 events', () => {
  it('reads the new field names through the core conversion', () => {
    const ev: KObject = {
      apiVersion: 'events.k8s.io/v1',
      kind: 'Event',
      metadata: { name: 'web.1', namespace: 'default', creationTimestamp: at(2700) },
      eventTime: micro(2700),
      series: { count: 3, lastObservedTime: micro(60) },
      reportingController: 'deployment-controller',
      reportingInstance: '',
      action: 'ScalingReplicaSet',
      reason: 'ScalingReplicaSet',
      regarding: { kind: 'Deployment', name: 'web', apiVersion: 'apps/v1' },
      note: 'Scaled up replica set web-7d4b9c8f6d from 0 to 2',
      type: 'Normal',
    };
    expect(eventsV1Columns.cells(ev, { now: NOW })).toEqual([
      '60s', 'Normal', 'ScalingReplicaSet', 'deployment/web', '', 'deployment-controller',
      'Scaled up replica set web-7d4b9c8f6d from 0 to 2', '45m', 3, 'web.1',
    ]);
  });

  it('prints a core-shaped event unchanged', () => {
    const ev = event({ firstTimestamp: at(60) });
    expect(eventsV1Columns.cells(ev, { now: NOW })).toEqual(eventColumns.cells(ev, { now: NOW }));
  });
});

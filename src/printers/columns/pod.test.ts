import { describe, expect, it } from 'vitest';
import type { KObject } from '../../api/types.js';
import { podColumns } from './pod.js';

const NOW = Date.parse('2025-01-15T12:00:00Z');
const ago = (seconds: number): string => new Date(NOW - seconds * 1000).toISOString().replace('.000Z', 'Z');

const running = { running: { startedAt: ago(600) } };
const waiting = (reason: string) => ({ waiting: { reason } });
const terminated = (exitCode: number, reason?: string, signal?: number) => ({
  terminated: { exitCode, ...(reason ? { reason } : {}), ...(signal ? { signal } : {}) },
});

function cs(name: string, state: object, extra: Record<string, unknown> = {}) {
  return { name, state, ready: false, restartCount: 0, ...extra };
}

interface PodSpecIn {
  containers?: string[];
  init?: { name: string; sidecar?: boolean }[];
  statuses?: object[];
  initStatuses?: object[];
  phase?: string;
  reason?: string;
  conditions?: object[];
  deleting?: boolean;
}

function pod(p: PodSpecIn): KObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: 'p',
      namespace: 'default',
      creationTimestamp: ago(2700),
      ...(p.deleting ? { deletionTimestamp: ago(5) } : {}),
    },
    spec: {
      containers: (p.containers ?? ['app']).map((name) => ({ name, image: 'nginx' })),
      ...(p.init
        ? { initContainers: p.init.map((c) => ({ name: c.name, image: 'busybox', ...(c.sidecar ? { restartPolicy: 'Always' } : {}) })) }
        : {}),
    },
    status: {
      phase: p.phase ?? 'Running',
      ...(p.reason ? { reason: p.reason } : {}),
      conditions: p.conditions ?? [],
      containerStatuses: p.statuses ?? [],
      ...(p.initStatuses ? { initContainerStatuses: p.initStatuses } : {}),
    },
  };
}

const readyCond = (status: string) => ({ type: 'Ready', status });
const lastExit = (secondsAgo: number) => ({ lastState: { terminated: { exitCode: 1, finishedAt: ago(secondsAgo) } } });

describe('pod READY / STATUS / RESTARTS', () => {
  it.each<[string, PodSpecIn, string, string, string]>([
    ['running', { statuses: [cs('app', running, { ready: true })] }, '1/1', 'Running', '0'],
    ['pending, unscheduled', { phase: 'Pending' }, '0/1', 'Pending', '0'],
    ['creating', { phase: 'Pending', statuses: [cs('app', waiting('ContainerCreating'))] }, '0/1', 'ContainerCreating', '0'],
    [
      'crash loop with last restart',
      { statuses: [cs('app', waiting('CrashLoopBackOff'), { restartCount: 5, ...lastExit(150) })] },
      '0/1',
      'CrashLoopBackOff',
      '5 (2m30s ago)',
    ],
    ['restarts without a finish time', { statuses: [cs('app', running, { ready: true, restartCount: 3 })] }, '1/1', 'Running', '3'],
    ['completed', { phase: 'Succeeded', statuses: [cs('app', terminated(0, 'Completed'))] }, '0/1', 'Completed', '0'],
    ['error', { phase: 'Failed', statuses: [cs('app', terminated(1, 'Error'))] }, '0/1', 'Error', '0'],
    ['oom', { statuses: [cs('app', terminated(137, 'OOMKilled'), { restartCount: 2, ...lastExit(190) })] }, '0/1', 'OOMKilled', '2 (3m10s ago)'],
    ['exit code without reason', { statuses: [cs('app', terminated(3))] }, '0/1', 'ExitCode:3', '0'],
    ['signal without reason', { statuses: [cs('app', terminated(137, undefined, 9))] }, '0/1', 'Signal:9', '0'],
    [
      'first container in spec order wins',
      { containers: ['a', 'b'], statuses: [cs('a', waiting('ErrImagePull')), cs('b', waiting('CrashLoopBackOff'))] },
      '0/2',
      'ErrImagePull',
      '0',
    ],
    [
      'multi, one ready',
      { containers: ['a', 'b'], statuses: [cs('a', running, { ready: true }), cs('b', running)] },
      '1/2',
      'Running',
      '0',
    ],
    [
      'completed sidecar-less container next to a running one, pod ready',
      {
        containers: ['a', 'b'],
        statuses: [cs('a', terminated(0, 'Completed')), cs('b', running, { ready: true })],
        conditions: [readyCond('True')],
      },
      '1/2',
      'Running',
      '0',
    ],
    [
      'completed container next to a running one, pod not ready',
      {
        containers: ['a', 'b'],
        statuses: [cs('a', terminated(0, 'Completed')), cs('b', running, { ready: true })],
        conditions: [readyCond('False')],
      },
      '1/2',
      'NotReady',
      '0',
    ],
    ['evicted', { phase: 'Failed', reason: 'Evicted' }, '0/1', 'Evicted', '0'],
    [
      'scheduling gated',
      { phase: 'Pending', conditions: [{ type: 'PodScheduled', status: 'False', reason: 'SchedulingGated' }] },
      '0/1',
      'SchedulingGated',
      '0',
    ],
    ['terminating', { deleting: true, statuses: [cs('app', running, { ready: true })] }, '1/1', 'Terminating', '0'],
    [
      'deleted but already succeeded',
      { deleting: true, phase: 'Succeeded', statuses: [cs('app', terminated(0, 'Completed'))] },
      '0/1',
      'Completed',
      '0',
    ],
    ['node lost while deleting', { deleting: true, reason: 'NodeLost', statuses: [cs('app', running, { ready: true })] }, '1/1', 'Unknown', '0'],
  ])('%s', (_name, spec, ready, status, restarts) => {
    const cells = podColumns.cells(pod(spec), { now: NOW });
    expect(cells.slice(1, 5)).toEqual([ready, status, restarts, '45m']);
  });
});

describe('pod init containers', () => {
  const init = [{ name: 'i1' }, { name: 'i2' }];
  it.each<[string, PodSpecIn, string, string]>([
    ['first still running', { phase: 'Pending', init, initStatuses: [cs('i1', running), cs('i2', waiting('PodInitializing'))] }, 'Init:0/2', '0'],
    [
      'second running',
      { phase: 'Pending', init, initStatuses: [cs('i1', terminated(0, 'Completed')), cs('i2', running)] },
      'Init:1/2',
      '0',
    ],
    [
      'crash looping init container, restarts counted',
      { phase: 'Pending', init, initStatuses: [cs('i1', waiting('CrashLoopBackOff'), { restartCount: 4, ...lastExit(30) })] },
      'Init:CrashLoopBackOff',
      '4 (30s ago)',
    ],
    ['init image pull', { phase: 'Pending', init, initStatuses: [cs('i1', waiting('ErrImagePull'))] }, 'Init:ErrImagePull', '0'],
    ['init failed with reason', { phase: 'Pending', init, initStatuses: [cs('i1', terminated(1, 'Error'))] }, 'Init:Error', '0'],
    ['init failed, exit code', { phase: 'Pending', init, initStatuses: [cs('i1', terminated(2))] }, 'Init:ExitCode:2', '0'],
    ['init killed by a signal', { phase: 'Pending', init, initStatuses: [cs('i1', terminated(137, undefined, 9))] }, 'Init:Signal:9', '0'],
    [
      'all init done, main container running',
      {
        init,
        initStatuses: [cs('i1', terminated(0, 'Completed'), { restartCount: 1 }), cs('i2', terminated(0, 'Completed'))],
        statuses: [cs('app', running, { ready: true })],
      },
      'Running',
      '0',
    ],
  ])('%s', (_name, spec, status, restarts) => {
    const cells = podColumns.cells(pod(spec), { now: NOW });
    expect([cells[2], cells[3]]).toEqual([status, restarts]);
  });

  it('counts a started sidecar towards READY and its restarts always', () => {
    const p = pod({
      init: [{ name: 'proxy', sidecar: true }],
      initStatuses: [cs('proxy', running, { started: true, ready: true, restartCount: 2, ...lastExit(400) })],
      statuses: [cs('app', running, { ready: true, restartCount: 1 })],
    });
    expect(podColumns.cells(p, { now: NOW }).slice(1, 4)).toEqual(['2/2', 'Running', '3 (6m40s ago)']);
  });

  it('shows a sidecar that has not started as initializing', () => {
    const p = pod({
      phase: 'Pending',
      init: [{ name: 'proxy', sidecar: true }],
      initStatuses: [cs('proxy', running, { started: false })],
    });
    expect(podColumns.cells(p, { now: NOW }).slice(1, 3)).toEqual(['0/2', 'Init:0/1']);
  });
});

describe('pod wide columns and age', () => {
  it('prints IP, node, nominated node and readiness gates', () => {
    const p = pod({ statuses: [cs('app', running, { ready: true })], conditions: [{ type: 'example.com/lb', status: 'True' }] });
    (p.spec as Record<string, unknown>).nodeName = 'node01';
    (p.spec as Record<string, unknown>).readinessGates = [{ conditionType: 'example.com/lb' }, { conditionType: 'x/y' }];
    Object.assign(p.status as object, { podIPs: [{ ip: '10.244.1.5' }, { ip: 'fd00::5' }], nominatedNodeName: 'node02' });
    expect(podColumns.cells(p, { now: NOW }).slice(5)).toEqual(['10.244.1.5', 'node01', 'node02', '1/2']);
  });

  it('prints <none> for an unscheduled pod', () => {
    expect(podColumns.cells(pod({ phase: 'Pending' }), { now: NOW }).slice(5)).toEqual(['<none>', '<none>', '<none>', '<none>']);
  });

  it('prefers status.podIP over podIPs', () => {
    const p = pod({});
    Object.assign(p.status as object, { podIP: '10.0.0.9', podIPs: [{ ip: '10.0.0.1' }] });
    expect(podColumns.cells(p, { now: NOW })[5]).toBe('10.0.0.9');
  });

  it.each([
    [undefined, '<unknown>'],
    ['0001-01-01T00:00:00Z', '<unknown>'],
    [ago(-10), '<invalid>'],
    [ago(-1), '0s'],
    [ago(3 * 86400 + 3600), '3d1h'],
  ])('AGE of %s is %s', (created, want) => {
    const p = pod({});
    p.metadata.creationTimestamp = created;
    expect(podColumns.cells(p, { now: NOW })[4]).toBe(want);
  });

  it('declares upstream columns', () => {
    expect(podColumns.columns.map((c) => [c.name, c.type, c.format, c.priority])).toEqual([
      ['Name', 'string', 'name', 0],
      ['Ready', 'string', '', 0],
      ['Status', 'string', '', 0],
      ['Restarts', 'string', '', 0],
      ['Age', 'string', '', 0],
      ['IP', 'string', '', 1],
      ['Node', 'string', '', 1],
      ['Nominated Node', 'string', '', 1],
      ['Readiness Gates', 'string', '', 1],
    ]);
    expect(podColumns.columns[0]!.description).toMatch(/^Name must be unique within a namespace\./);
    expect(podColumns.columns[4]!.description).toMatch(/^CreationTimestamp is a timestamp representing the server time/);
  });
});

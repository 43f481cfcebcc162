import { describe, expect, it } from 'vitest';
import type { KObject } from '../../api/types.js';
import { horizontalPodAutoscalerColumns } from './horizontalpodautoscaler.js';
import { formatHPAMetrics } from './horizontalpodautoscaler-metrics.js';

const NOW = Date.parse('2025-01-15T12:00:00Z');
const cpu = (utilization?: number) => ({ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', ...(utilization === undefined ? {} : { averageUtilization: utilization }) } } });
const cpuNow = (utilization: number) => ({ type: 'Resource', resource: { name: 'cpu', current: { averageUtilization: utilization, averageValue: '12m' } } });
const memValue = { type: 'Resource', resource: { name: 'memory', target: { type: 'AverageValue', averageValue: '512Mi' } } };
const memNow = { type: 'Resource', resource: { name: 'memory', current: { averageValue: '268435456' } } };

describe('HPA TARGETS (formatHPAMetrics)', () => {
  it.each<[string, unknown[], unknown[], string]>([
    ['no metrics', [], [], '<none>'],
    ['cpu before metrics arrive', [cpu(50)], [], 'cpu: <unknown>/50%'],
    ['cpu utilisation', [cpu(50)], [cpuNow(20)], 'cpu: 20%/50%'],
    ['utilisation target unset', [cpu()], [], 'cpu: <unknown>/<auto>'],
    ['memory average value (a plain decimal stays decimal)', [memValue], [memNow], 'memory: 268435456/512Mi'],
    [
      'pods metric',
      [{ type: 'Pods', pods: { metric: { name: 'qps' }, target: { type: 'AverageValue', averageValue: '1k' } } }],
      [{ type: 'Pods', pods: { current: { averageValue: '250' } } }],
      '250/1k',
    ],
    [
      'object value and external average',
      [
        { type: 'Object', object: { target: { type: 'Value', value: '10' } } },
        { type: 'External', external: { target: { type: 'AverageValue', averageValue: '30' } } },
      ],
      [{ type: 'Object', object: { current: { value: '8' } } }],
      '8/10, <unknown>/30 (avg)',
    ],
    [
      'container resource',
      [{ type: 'ContainerResource', containerResource: { name: 'cpu', container: 'app', target: { type: 'Utilization', averageUtilization: 60 } } }],
      [{ type: 'ContainerResource', containerResource: { name: 'cpu', container: 'app', current: { averageUtilization: 75 } } }],
      'cpu: 75%/60%',
    ],
    ['unknown type', [{ type: 'Mystery' }], [], '<unknown type>'],
    ['more than two', [cpu(50), memValue, cpu(70), cpu(90)], [cpuNow(20)], 'cpu: 20%/50%, memory: <unknown>/512Mi + 2 more...'],
  ])('%s', (_name, specs, statuses, want) => {
    expect(formatHPAMetrics(specs, statuses)).toBe(want);
  });
});

describe('HPA rows', () => {
  const meta = { name: 'web', creationTimestamp: '2025-01-15T11:15:00Z' };
  const ref = { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' };

  it('autoscaling/v2', () => {
    const hpa: KObject = {
      apiVersion: 'autoscaling/v2',
      metadata: meta,
      spec: { scaleTargetRef: ref, minReplicas: 1, maxReplicas: 10, metrics: [cpu(50)] },
      status: { currentReplicas: 2, currentMetrics: [cpuNow(23)] },
    };
    expect(horizontalPodAutoscalerColumns.cells(hpa, { now: NOW })).toEqual(['web', 'Deployment/web', 'cpu: 23%/50%', '1', 10, 2, '45m']);
  });

  it.each<[string, Record<string, unknown>, Record<string, unknown>, Record<string, string> | undefined, string]>([
    ['target cpu', { targetCPUUtilizationPercentage: 50 }, { currentCPUUtilizationPercentage: 10 }, undefined, 'cpu: 10%/50%'],
    ['implicit 80% default', {}, {}, undefined, 'cpu: <unknown>/80%'],
    [
      'annotation metrics come first',
      { targetCPUUtilizationPercentage: 50 },
      {},
      {
        'autoscaling.alpha.kubernetes.io/metrics': JSON.stringify([{ type: 'Resource', resource: { name: 'memory', targetAverageValue: '1Gi' } }]),
        'autoscaling.alpha.kubernetes.io/current-metrics': JSON.stringify([{ type: 'Resource', resource: { name: 'memory', currentAverageValue: '512Mi' } }]),
      },
      'memory: 512Mi/1Gi, cpu: <unknown>/50%',
    ],
  ])('autoscaling/v1: %s', (_name, spec, status, annotations, want) => {
    const hpa: KObject = {
      apiVersion: 'autoscaling/v1',
      metadata: { ...meta, ...(annotations ? { annotations } : {}) },
      spec: { scaleTargetRef: ref, maxReplicas: 5, ...spec },
      status: { currentReplicas: 1, ...status },
    };
    expect(horizontalPodAutoscalerColumns.cells(hpa, { now: NOW })).toEqual(['web', 'Deployment/web', want, '<unset>', 5, 1, '45m']);
  });
});

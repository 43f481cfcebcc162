import { describe, expect, it } from 'vitest';

import { applyPatch, STRATEGIC_MERGE_PATCH } from '../index.js';
import type { JsonMap } from '../values.js';

const DEPLOYMENT = { group: 'apps', version: 'v1', kind: 'Deployment' };

function deployment(podSpec: JsonMap, extra: JsonMap = {}): JsonMap {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', namespace: 'default', labels: { app: 'web', tier: 'front' } },
    spec: {
      replicas: 2,
      selector: { matchLabels: { app: 'web' } },
      template: { metadata: { labels: { app: 'web' } }, spec: podSpec },
      ...extra,
    },
  };
}

const nginx = (image = 'nginx:1.25', more: JsonMap = {}): JsonMap => ({ name: 'nginx', image, ...more });

interface Case {
  name: string;
  original: JsonMap;
  patch: JsonMap;
  expected: JsonMap;
}

const KUBECTL_APPLY_CASES: Case[] = [
  {
    name: 'changing the image of one container keeps the others and their order',
    original: deployment({ containers: [nginx('nginx:1.25'), { name: 'sidecar', image: 'busybox' }] }),
    patch: {
      spec: {
        template: {
          spec: {
            '$setElementOrder/containers': [{ name: 'nginx' }, { name: 'sidecar' }],
            containers: [{ image: 'nginx:1.27', name: 'nginx' }],
          },
        },
      },
    },
    expected: deployment({ containers: [nginx('nginx:1.27'), { name: 'sidecar', image: 'busybox' }] }),
  },
  {
    name: 'adding an env var merges env by name',
    original: deployment({ containers: [nginx('nginx', { env: [{ name: 'A', value: '1' }] })] }),
    patch: {
      spec: {
        template: {
          spec: {
            '$setElementOrder/containers': [{ name: 'nginx' }],
            containers: [
              {
                '$setElementOrder/env': [{ name: 'A' }, { name: 'B' }],
                env: [{ name: 'B', value: '2' }],
                name: 'nginx',
              },
            ],
          },
        },
      },
    },
    expected: deployment({
      containers: [nginx('nginx', { env: [{ name: 'A', value: '1' }, { name: 'B', value: '2' }] })],
    }),
  },
  {
    name: 'null removes a label, other labels stay',
    original: deployment({ containers: [nginx()] }),
    patch: { metadata: { labels: { tier: null, team: 'blue' } } },
    expected: (() => {
      const d = deployment({ containers: [nginx()] });
      (d.metadata as JsonMap).labels = { app: 'web', team: 'blue' };
      return d;
    })(),
  },
  {
    name: '$setElementOrder puts live and patched containers in the given order',
    original: deployment({ containers: [{ name: 'a', image: 'a' }, { name: 'b', image: 'b' }] }),
    patch: {
      spec: {
        template: {
          spec: {
            '$setElementOrder/containers': [{ name: 'b' }, { name: 'c' }, { name: 'a' }],
            containers: [{ name: 'c', image: 'c' }],
          },
        },
      },
    },
    expected: deployment({
      containers: [
        { name: 'b', image: 'b' },
        { name: 'c', image: 'c' },
        { name: 'a', image: 'a' },
      ],
    }),
  },
  {
    name: 'retainKeys on a volume switches its source (emptyDir → configMap)',
    original: deployment({
      containers: [nginx()],
      volumes: [
        { name: 'data', emptyDir: {} },
        { name: 'keep', hostPath: { path: '/x' } },
      ],
    }),
    patch: {
      spec: {
        template: {
          spec: {
            '$setElementOrder/volumes': [{ name: 'data' }, { name: 'keep' }],
            volumes: [
              {
                $retainKeys: ['configMap', 'name'],
                configMap: { name: 'cfg' },
                emptyDir: null,
                name: 'data',
              },
            ],
          },
        },
      },
    },
    expected: deployment({
      containers: [nginx()],
      volumes: [
        { name: 'data', configMap: { name: 'cfg' } },
        { name: 'keep', hostPath: { path: '/x' } },
      ],
    }),
  },
  {
    name: '$patch: delete removes a container by name',
    original: deployment({ containers: [nginx(), { name: 'sidecar', image: 'busybox' }] }),
    patch: {
      spec: {
        template: {
          spec: {
            '$setElementOrder/containers': [{ name: 'nginx' }],
            containers: [{ $patch: 'delete', name: 'sidecar' }],
          },
        },
      },
    },
    expected: deployment({ containers: [nginx()] }),
  },
  {
    name: 'retainKeys on the deployment strategy drops rollingUpdate when switching to Recreate',
    original: deployment(
      { containers: [nginx()] },
      { strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } } },
    ),
    patch: { spec: { strategy: { $retainKeys: ['type'], rollingUpdate: null, type: 'Recreate' } } },
    expected: deployment({ containers: [nginx()] }, { strategy: { type: 'Recreate' } }),
  },
  {
    name: 'a removed container port goes away through $patch: delete keyed by containerPort',
    original: deployment({
      containers: [nginx('nginx', { ports: [{ containerPort: 80 }, { containerPort: 443 }] })],
    }),
    patch: {
      spec: {
        template: {
          spec: {
            '$setElementOrder/containers': [{ name: 'nginx' }],
            containers: [
              {
                '$setElementOrder/ports': [{ containerPort: 80 }],
                name: 'nginx',
                ports: [{ $patch: 'delete', containerPort: 443 }],
              },
            ],
          },
        },
      },
    },
    expected: deployment({ containers: [nginx('nginx', { ports: [{ containerPort: 80 }] })] }),
  },
];

describe('strategic merge patch: what kubectl apply sends', () => {
  it.each(KUBECTL_APPLY_CASES)('$name', ({ original, patch, expected }) => {
    const result = applyPatch(STRATEGIC_MERGE_PATCH, original, JSON.stringify(patch), DEPLOYMENT);
    expect(result).toEqual(expected);
  });

  it('leaves its inputs untouched', () => {
    const original = deployment({ containers: [nginx()] });
    const before = structuredClone(original);
    applyPatch(STRATEGIC_MERGE_PATCH, original, '{"metadata":{"labels":{"app":null}}}', DEPLOYMENT);
    expect(original).toEqual(before);
  });
});

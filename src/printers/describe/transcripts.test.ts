// The describe-* transcripts of /work/shared/reference/kubectl/mock-server.jsonl (the real
// kubectl v1.32.4 against a mock API server): our describers, fed the same objects through a
// fake client, must print the same bytes. Every seed timestamp is shifted to the record's
// capture time, so ages come out exactly as recorded.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ApiError, type Obj } from '../../client/types.js';
import type { DescribeEnv, Describer } from './context.js';
import { describeDeployment } from './deployment.js';
import { describeConfigMap } from './configmap.js';
import { describeNamespace } from './namespace.js';
import { describeNode } from './node.js';
import { describePod } from './pod.js';
import { describeRole } from './rbac.js';
import { describeService } from './service.js';

const REF = new URL('file:///work/shared/reference/kubectl/');
const TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

interface Seeded { group: string; resource: string; object: Obj }

const DESCRIBERS: Record<string, { describer: Describer; resource: string; group: string }> = {
  pod: { describer: describePod, resource: 'pods', group: '' },
  deployment: { describer: describeDeployment, resource: 'deployments', group: 'apps' },
  deploy: { describer: describeDeployment, resource: 'deployments', group: 'apps' },
  node: { describer: describeNode, resource: 'nodes', group: '' },
  svc: { describer: describeService, resource: 'services', group: '' },
  cm: { describer: describeConfigMap, resource: 'configmaps', group: '' },
  role: { describer: describeRole, resource: 'roles', group: 'rbac.authorization.k8s.io' },
  ns: { describer: describeNamespace, resource: 'namespaces', group: '' },
};

function shifted<T>(value: T, byMs: number): T {
  if (typeof value === 'string' && TIME.test(value)) return new Date(Date.parse(value) + byMs).toISOString().replace('.000Z', 'Z') as T;
  if (Array.isArray(value)) return value.map((v) => shifted(v, byMs)) as T;
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shifted(v, byMs)])) as T;
  return value;
}

function field(obj: Obj, path: string): string {
  let cur: unknown = obj;
  for (const key of path.split('.')) cur = cur && typeof cur === 'object' ? (cur as Record<string, unknown>)[key] : undefined;
  return typeof cur === 'string' ? cur : '';
}

/** `a=b,c!=d` field selectors and `k=v` label selectors, as the mock server applied them. */
function matches(obj: Obj, q: URLSearchParams): boolean {
  for (const term of (q.get('fieldSelector') ?? '').split(',').filter((t) => t !== '')) {
    const [, key = '', op, value = ''] = /^([^!=]+)(!=|==|=)(.*)$/.exec(term) ?? [];
    if ((field(obj, key) === value) !== (op !== '!=')) return false;
  }
  for (const term of (q.get('labelSelector') ?? '').split(',').filter((t) => t !== '')) {
    const [key = '', value = ''] = term.split('=');
    if (obj.metadata.labels?.[key] !== value) return false;
  }
  return true;
}

function fakeEnv(seed: Seeded[], now: number): DescribeEnv {
  const get = async (path: string): Promise<unknown> => {
    const url = new URL(path, 'https://mock');
    const parts = url.pathname.split('/').filter((p) => p !== '');
    const group = parts[0] === 'api' ? '' : parts[1] ?? '';
    const rest = parts.slice(parts[0] === 'api' ? 2 : 3);
    const ns = rest[0] === 'namespaces' && rest.length > 2 ? rest[1] : undefined;
    const [resource = '', name] = ns === undefined ? rest : rest.slice(2);
    const objects = seed.filter((s) => s.group === group && s.resource === resource && (ns === undefined || s.object.metadata.namespace === ns)).map((s) => s.object);
    const key = (o: Obj): string => `${o.metadata.namespace ?? ''}/${o.metadata.name ?? ''}`;
    if (name === undefined) return { items: objects.filter((o) => matches(o, url.searchParams)).sort((a, b) => (key(a) < key(b) ? -1 : 1)), metadata: {} };
    const found = objects.find((o) => o.metadata.name === name);
    if (found) return found;
    throw new ApiError({ kind: 'Status', code: 404, reason: 'NotFound', message: `${group === '' ? resource : `${resource}.${group}`} "${name}" not found` });
  };
  return { client: { get }, settings: { showEvents: true, chunkSize: 500 }, now, zone: 'UTC' };
}

interface Record_ { id: string; captured_at: string; steps: { argv: string[]; stdout: string; stderr: string; exit: number }[] }

const records: Record_[] = existsSync(REF)
  ? readFileSync(new URL('mock-server.jsonl', REF), 'utf8').split('\n').filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as Record_).filter((r) => r.steps.some((s) => s.argv[1] === 'describe'))
  : [];
const seedFile = existsSync(REF) ? (JSON.parse(readFileSync(new URL('mock-server-seed.json', REF), 'utf8')) as { reference_now: string; objects: Seeded[] }) : undefined;

describe.skipIf(records.length === 0 || !seedFile)('describe transcripts of the real kubectl against the mock server', () => {
  for (const r of records) {
    const step = r.steps.find((s) => s.argv[1] === 'describe')!;
    it(`${r.id}: ${step.argv.join(' ')}`, async () => {
      // captured_at is whole seconds and the mock was seeded first: kubectl ran a second or so later
      const captured = Date.parse(r.captured_at);
      const now = captured + 1500;
      const seed = shifted(seedFile!.objects, captured - Date.parse(seedFile!.reference_now));
      const [type = '', name = ''] = step.argv.slice(2);
      const d = DESCRIBERS[type]!;
      const env = fakeEnv(seed, now);
      if (step.exit !== 0) {
        await expect(d.describer(env, 'default', name)).rejects.toThrow(step.stderr.replace(/^Error from server \(NotFound\): /, '').trim());
        return;
      }
      const namespace = d.resource === 'nodes' || d.resource === 'namespaces' ? '' : 'default';
      expect(await d.describer(env, namespace, name)).toBe(step.stdout);
    });
  }
});

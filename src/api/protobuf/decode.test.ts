// Hand-built bodies, field by field as gogo writes them, decoded to Go's encoding/json output.
import { describe, expect, it } from 'vitest';
import { decodeKubernetesProtobuf } from './index.js';
import { body, pb } from './testdata/pb.js';

/** ObjectMeta as gogo writes a mostly empty one: every non-pointer field, creationTimestamp empty. */
const meta = (name: string) => pb().str(1, name).str(2, '').str(3, '').str(4, '').str(5, '').str(6, '').varint(7, 0).msg(8, pb());
const order = (v: unknown): string => JSON.stringify(v);

describe('decodeKubernetesProtobuf', () => {
  it('decodes kubectl create deployment web --image=nginx --replicas=0', () => {
    const labels = () => pb().entry(1, 'app', 'web');
    const container = pb().str(1, 'nginx').str(2, 'nginx').msg(8, pb()).str(13, '').str(14, '');
    const template = pb().msg(1, pb().msg(8, pb()).msg(11, pb().str(1, 'app').str(2, 'web'))).msg(2, pb().msg(2, container));
    const spec = pb().varint(1, 0).msg(2, labels()).msg(3, template).msg(4, pb()).varint(5, 0).varint(7, false);
    const got = decodeKubernetesProtobuf(body('apps/v1', 'Deployment', pb().msg(1, meta('web')).msg(2, spec).msg(3, pb())));
    expect(got.apiVersion).toBe('apps/v1');
    expect(got.kind).toBe('Deployment');
    expect(order(got.object)).toBe(order({
      kind: 'Deployment',
      apiVersion: 'apps/v1',
      metadata: { name: 'web', creationTimestamp: null },
      spec: {
        replicas: 0,
        selector: { matchLabels: { app: 'web' } },
        template: { metadata: { creationTimestamp: null, labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx', resources: {} }] } },
        strategy: {},
      },
      status: {},
    }));
  });

  it('keeps a pointer field that was on the wire and drops one that was not', () => {
    const withReplicas = decodeKubernetesProtobuf(body('apps/v1', 'Deployment', pb().msg(2, pb().varint(1, 0))));
    const without = decodeKubernetesProtobuf(body('apps/v1', 'Deployment', pb().msg(2, pb().varint(5, 0))));
    expect((withReplicas.object.spec as Record<string, unknown>).replicas).toBe(0);
    expect(without.object.spec).toEqual({ selector: null, template: { metadata: { creationTimestamp: null }, spec: { containers: null } }, strategy: {} });
  });

  it('decodes a SelfSubjectAccessReview', () => {
    const attrs = pb().str(1, 'dev').str(2, 'list').str(3, '').str(4, '').str(5, 'pods').str(6, '').str(7, '');
    const ssar = pb().msg(1, meta('')).msg(2, pb().msg(1, attrs)).msg(3, pb().varint(1, false).str(2, '').str(3, '').varint(4, false));
    const { object } = decodeKubernetesProtobuf(body('authorization.k8s.io/v1', 'SelfSubjectAccessReview', ssar));
    expect(order(object)).toBe(order({
      kind: 'SelfSubjectAccessReview',
      apiVersion: 'authorization.k8s.io/v1',
      metadata: { creationTimestamp: null },
      spec: { resourceAttributes: { namespace: 'dev', verb: 'list', resource: 'pods' } },
      status: { allowed: false },
    }));
  });

  it('decodes a TokenRequest with expirationSeconds', () => {
    const spec = pb().str(1, 'https://kubernetes.default.svc').varint(4, 600);
    const { object } = decodeKubernetesProtobuf(body('authentication.k8s.io/v1', 'TokenRequest', pb().msg(1, meta('')).msg(2, spec).msg(3, pb().str(1, '').msg(2, pb()))));
    expect(object.spec).toEqual({ audiences: ['https://kubernetes.default.svc'], expirationSeconds: 600, boundObjectRef: null });
    expect(object.status).toEqual({ token: '', expirationTimestamp: null });
  });

  it('decodes a Secret: data bytes as base64, map keys sorted, an empty value kept', () => {
    const secret = pb().msg(1, meta('creds')).entry(2, 'user', Buffer.from('admin')).entry(2, 'bin', Buffer.from([0, 255, 1])).entry(2, 'empty', Buffer.alloc(0)).str(3, 'Opaque');
    const { object } = decodeKubernetesProtobuf(body('v1', 'Secret', secret));
    expect(order(object)).toBe(order({
      kind: 'Secret', apiVersion: 'v1', metadata: { name: 'creds', creationTimestamp: null },
      data: { bin: 'AP8B', empty: '', user: 'YWRtaW4=' }, type: 'Opaque',
    }));
  });

  it('decodes a Service: IntOrString targetPort as a number or a string', () => {
    const port = (name: string, n: number, target: ReturnType<typeof pb>) => pb().str(1, name).str(2, 'TCP').varint(3, n).msg(4, target).varint(5, 0);
    const spec = pb().msg(1, port('http', 80, pb().varint(1, 0).varint(2, 8080).str(3, ''))).msg(1, port('https', 443, pb().varint(1, 1).varint(2, 0).str(3, 'https')))
      .msg(1, port('none', 53, pb())).str(4, 'ClusterIP');
    const { object } = decodeKubernetesProtobuf(body('v1', 'Service', pb().msg(1, meta('web')).msg(2, spec).msg(3, pb().msg(1, pb()))));
    expect(order(object.spec)).toBe(order({
      ports: [
        { name: 'http', protocol: 'TCP', port: 80, targetPort: 8080 },
        { name: 'https', protocol: 'TCP', port: 443, targetPort: 'https' },
        { name: 'none', protocol: 'TCP', port: 53, targetPort: 0 },
      ],
      type: 'ClusterIP',
    }));
    expect(object.status).toEqual({ loadBalancer: {} });
  });

  it('formats Time (seconds only), MicroTime (micros) and leaves a zero Time null', () => {
    const lease = pb().msg(1, pb().str(1, 'n1').msg(8, pb().varint(1, 1767323045).varint(2, 999))).msg(2, pb()
      .str(1, 'n1').varint(2, 40).msg(3, pb().varint(1, 1767323045).varint(2, 123456789)).msg(4, pb()));
    const { object } = decodeKubernetesProtobuf(body('coordination.k8s.io/v1', 'Lease', lease));
    expect((object.metadata as Record<string, unknown>).creationTimestamp).toBe('2026-01-02T03:04:05Z');
    expect(object.spec).toEqual({ holderIdentity: 'n1', leaseDurationSeconds: 40, acquireTime: '2026-01-02T03:04:05.123456Z', renewTime: null });
  });

  it('decodes resource quantities in maps and as pointers', () => {
    const q = (s: string) => pb().str(1, s);
    const container = pb().str(1, 'c').msg(8, pb().msg(1, pb().str(1, 'memory').msg(2, q('1Gi'))).msg(2, pb().str(1, 'cpu').msg(2, q('250m'))));
    const volume = pb().str(1, 'tmp').msg(2, pb().msg(2, pb().str(1, 'Memory').msg(2, q('64Mi'))));
    const { object } = decodeKubernetesProtobuf(body('v1', 'Pod', pb().msg(2, pb().msg(1, volume).msg(2, container))));
    const spec = object.spec as { containers: Record<string, unknown>[]; volumes: unknown[] };
    expect(spec.containers[0]!.resources).toEqual({ limits: { memory: '1Gi' }, requests: { cpu: '250m' } });
    expect(spec.volumes).toEqual([{ name: 'tmp', emptyDir: { medium: 'Memory', sizeLimit: '64Mi' } }]);
  });

  it('decodes a RawExtension as the JSON it holds, absent as null', () => {
    const rev = (data?: string) => body('apps/v1', 'ControllerRevision', data === undefined ? pb().varint(3, 2) : pb().msg(2, pb().bytes(1, data)).varint(3, 2));
    expect(decodeKubernetesProtobuf(rev('{"spec":{"x":1}}')).object).toMatchObject({ data: { spec: { x: 1 } }, revision: 2 });
    expect(decodeKubernetesProtobuf(rev()).object).toMatchObject({ data: null, revision: 2 });
  });

  it('decodes map values that are named Go slices (SubjectAccessReview extra)', () => {
    const spec = pb().str(3, 'jane').entry(5, 'scopes', pb().str(1, 'a').str(1, 'b')).entry(5, 'none', pb());
    const { object } = decodeKubernetesProtobuf(body('authorization.k8s.io/v1', 'SubjectAccessReview', pb().msg(2, spec)));
    expect(object.spec).toEqual({ user: 'jane', extra: { none: null, scopes: ['a', 'b'] } });
  });

  it('decodes an Eviction with its DeleteOptions', () => {
    const opts = pb().varint(1, 0).str(4, 'Background').str(5, 'All');
    const { object } = decodeKubernetesProtobuf(body('policy/v1', 'Eviction', pb().msg(1, pb().str(1, 'web-1').str(3, 'default')).msg(2, opts)));
    expect(order(object)).toBe(order({
      kind: 'Eviction', apiVersion: 'policy/v1', metadata: { name: 'web-1', namespace: 'default', creationTimestamp: null },
      deleteOptions: { gracePeriodSeconds: 0, propagationPolicy: 'Background', dryRun: ['All'] },
    }));
  });

  it('decodes DeleteOptions under any group-version', () => {
    const got = decodeKubernetesProtobuf(body('apps/v1', 'DeleteOptions', pb().msg(2, pb().str(1, 'uid-1'))));
    expect(got.object).toEqual({ kind: 'DeleteOptions', apiVersion: 'apps/v1', preconditions: { uid: 'uid-1' } });
  });

  it('fills an empty kind or apiVersion from the request defaults', () => {
    const got = decodeKubernetesProtobuf(body('', '', pb().msg(1, pb().str(1, 'cfg'))), { apiVersion: 'v1', kind: 'ConfigMap' });
    expect(got).toEqual({ apiVersion: 'v1', kind: 'ConfigMap', object: { kind: 'ConfigMap', apiVersion: 'v1', metadata: { name: 'cfg', creationTimestamp: null } } });
  });

  it('reads negative ten-byte int32s, packed and unpacked repeated int64s', () => {
    const sc = pb().varint(2, -5).bytes(4, Buffer.from([1, 2, 0x80, 0x01])).varint(4, 7);
    const { object } = decodeKubernetesProtobuf(body('v1', 'Pod', pb().msg(2, pb().varint(25, -1).msg(14, sc))));
    const spec = object.spec as Record<string, unknown>;
    expect(spec.priority).toBe(-1);
    expect(spec.securityContext).toEqual({ runAsUser: -5, supplementalGroups: [1, 2, 128, 7] });
  });

  it('skips unknown fields and merges a message that appears twice', () => {
    const unknown = pb().varint(99, 5).bytes(98, 'x').raw([0xf5, 0x06, 1, 2, 3, 4]); // fields 99, 98, 94 (fixed32)
    const got = decodeKubernetesProtobuf(body('v1', 'ConfigMap', pb().raw(unknown.finish()).msg(1, pb().str(1, 'a')).msg(1, pb().str(3, 'ns'))));
    expect(got.object.metadata).toEqual({ name: 'a', namespace: 'ns', creationTimestamp: null });
  });

  it('writes promoted fields of inline structs in place (Volume, Probe)', () => {
    const probe = pb().msg(1, pb().msg(2, pb().str(1, '/healthz').msg(2, pb().varint(1, 0).varint(2, 8080)))).varint(2, 3);
    const container = pb().str(1, 'c').msg(10, probe);
    const { object } = decodeKubernetesProtobuf(body('v1', 'Pod', pb().msg(2, pb().msg(2, container))));
    const c = (object.spec as { containers: Record<string, unknown>[] }).containers[0]!;
    expect(order(c.livenessProbe)).toBe(order({ httpGet: { path: '/healthz', port: 8080 }, initialDelaySeconds: 3 }));
  });

  it('decodes a RuntimeClass: quantities of its overhead, a node selector, no scheduling tolerations', () => {
    const overhead = pb().entry(1, 'cpu', pb().str(1, '250m'));
    const scheduling = pb().entry(1, 'runtime', 'gvisor');
    const { object } = decodeKubernetesProtobuf(body('node.k8s.io/v1', 'RuntimeClass', pb().msg(1, meta('gvisor')).str(2, 'runsc').msg(3, overhead).msg(4, scheduling)));
    expect(order(object)).toBe(order({
      kind: 'RuntimeClass', apiVersion: 'node.k8s.io/v1', metadata: { name: 'gvisor', creationTimestamp: null },
      handler: 'runsc', overhead: { podFixed: { cpu: '250m' } }, scheduling: { nodeSelector: { runtime: 'gvisor' } },
    }));
  });

  it('decodes a FlowSchema: a pointer distinguisher, its rules and an empty status', () => {
    const subject = pb().str(1, 'Group').msg(3, pb().str(1, 'system:nodes'));
    const rule = pb().msg(1, subject).msg(3, pb().str(1, 'get').str(6, '/healthz'));
    const spec = pb().msg(1, pb().str(1, 'system')).varint(2, 500).msg(3, pb().str(1, 'ByUser')).msg(4, rule);
    const { object } = decodeKubernetesProtobuf(body('flowcontrol.apiserver.k8s.io/v1', 'FlowSchema', pb().msg(1, meta('nodes')).msg(2, spec).msg(3, pb())));
    expect(order(object.spec)).toBe(order({
      priorityLevelConfiguration: { name: 'system' }, matchingPrecedence: 500, distinguisherMethod: { type: 'ByUser' },
      rules: [{ subjects: [{ kind: 'Group', group: { name: 'system:nodes' } }], nonResourceRules: [{ verbs: ['get'], nonResourceURLs: ['/healthz'] }] }],
    }));
    expect(object.status).toEqual({});
  });
});

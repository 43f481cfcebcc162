import { describe, expect, it } from 'vitest';
import { createErrors, meta, updateErrors } from '../testing.js';

const SUBDOMAIN = "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
const LABEL = "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";

const pod = (spec: Record<string, unknown>, name = 'web') => ({ apiVersion: 'v1', kind: 'Pod', metadata: meta(name), spec });
const nginx = { name: 'web', image: 'nginx:1.25' };

describe('Pod create', () => {
  it.each([
    ['a valid pod', pod({ containers: [nginx] }), []],
    ['missing image', pod({ containers: [{ name: 'web' }] }), ['spec.containers[0].image: Required value']],
    ['no containers', pod({ containers: [] }), ['spec.containers: Required value']],
    ['bad pod name', pod({ containers: [nginx] }, 'Web_1'), [`metadata.name: Invalid value: "Web_1": ${SUBDOMAIN}`]],
    ['bad container name', pod({ containers: [{ name: 'Web', image: 'nginx' }] }), [`spec.containers[0].name: Invalid value: "Web": ${LABEL}`]],
    ['duplicate container names', pod({ containers: [nginx, { name: 'web', image: 'redis' }] }), ['spec.containers[1].name: Duplicate value: "web"']],
    ['invalid restartPolicy', pod({ containers: [nginx], restartPolicy: 'Sometimes' }), ['spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"']],
    ['invalid dnsPolicy', pod({ containers: [nginx], dnsPolicy: 'Cluster' }), ['spec.dnsPolicy: Unsupported value: "Cluster": supported values: "ClusterFirstWithHostNet", "ClusterFirst", "Default", "None"']],
    ['container port out of range', pod({ containers: [{ ...nginx, ports: [{ containerPort: 70000 }] }] }), ['spec.containers[0].ports[0].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive']],
    ['bad protocol', pod({ containers: [{ ...nginx, ports: [{ containerPort: 80, protocol: 'tcp' }] }] }), ['spec.containers[0].ports[0].protocol: Unsupported value: "tcp": supported values: "SCTP", "TCP", "UDP"']],
    ['mount of a missing volume', pod({ containers: [{ ...nginx, volumeMounts: [{ name: 'data', mountPath: '/data' }] }] }), ['spec.containers[0].volumeMounts[0].name: Not found: "data"']],
    ['volume with two sources', pod({ containers: [nginx], volumes: [{ name: 'v', emptyDir: {}, hostPath: { path: '/tmp' } }] }), ['spec.volumes[0].hostPath: Forbidden: may not specify more than 1 volume type']],
    ['configMap volume without name', pod({ containers: [nginx], volumes: [{ name: 'v', configMap: {} }] }), ['spec.volumes[0].configMap.name: Required value']],
    ['requests above limits', pod({ containers: [{ ...nginx, resources: { requests: { memory: '500Mi' }, limits: { memory: '200Mi' } } }] }), ['spec.containers[0].resources.requests: Invalid value: "500Mi": must be less than or equal to memory limit of 200Mi']],
    ['bad env name', pod({ containers: [{ ...nginx, env: [{ name: '1ENV', value: 'x' }] }] }), ["spec.containers[0].env[0].name: Invalid value: \"1ENV\": a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit (e.g. 'my.env-name',  or 'MY_ENV.NAME',  or 'MyEnvName1', regex used for validation is '[-._a-zA-Z][-._a-zA-Z0-9]*')"]],
    ['env fieldRef outside the supported set', pod({ containers: [{ ...nginx, env: [{ name: 'L', valueFrom: { fieldRef: { fieldPath: 'metadata.labels' } } }] }] }), ['spec.containers[0].env[0].valueFrom.fieldRef.fieldPath: Unsupported value: "metadata.labels": supported values: "metadata.name", "metadata.namespace", "metadata.uid", "spec.nodeName", "spec.serviceAccountName", "status.hostIP", "status.hostIPs", "status.podIP", "status.podIPs"']],
    ['probe without a handler', pod({ containers: [{ ...nginx, livenessProbe: { initialDelaySeconds: 5 } }] }), ['spec.containers[0].livenessProbe: Required value: must specify a handler type']],
    ['liveness probe successThreshold', pod({ containers: [{ ...nginx, livenessProbe: { exec: { command: ['true'] }, successThreshold: 2 } }] }), ['spec.containers[0].livenessProbe.successThreshold: Invalid value: 2: must be 1']],
    ['non-standard resource', pod({ containers: [{ ...nginx, resources: { requests: { cpus: '1' } } }] }), ['spec.containers[0].resources.requests[cpus]: Invalid value: "cpus": must be a standard resource type or fully qualified', 'spec.containers[0].resources.requests[cpus]: Invalid value: "cpus": must be a standard resource for containers']],
    ['ephemeral containers on create', pod({ containers: [nginx], ephemeralContainers: [{ name: 'dbg', image: 'busybox' }] }), ['spec.ephemeralContainers: Forbidden: cannot be set on create']],
    ['bad toleration', pod({ containers: [nginx], tolerations: [{ operator: 'Equal', value: 'x' }] }), ['spec.tolerations[0].operator: Invalid value: "Equal": operator must be Exists when `key` is empty, which means "match all values and all keys"']],
    ['missing name', { kind: 'Pod', metadata: { namespace: 'default' }, spec: { containers: [nginx] } }, ['metadata.name: Required value: name or generateName is required']],
  ])('%s', (_, obj, want) => expect(createErrors('Pod', obj)).toEqual(want));
});

describe('Pod update', () => {
  const old = pod({ containers: [nginx] });

  it('allows changing the image', () => {
    expect(updateErrors('Pod', pod({ containers: [{ ...nginx, image: 'nginx:1.26' }] }), old)).toEqual([]);
  });

  it('forbids other spec changes with upstream text and a diff', () => {
    const errs = updateErrors('Pod', pod({ containers: [{ ...nginx, env: [{ name: 'A', value: 'b' }] }] }), old);
    expect(errs).toHaveLength(1);
    expect(errs[0]).toMatch(/^spec: Forbidden: pod updates may not change fields other than `spec\.containers\[\*\]\.image`,`spec\.initContainers\[\*\]\.image`,`spec\.activeDeadlineSeconds`,`spec\.tolerations` \(only additions to existing tolerations\),`spec\.terminationGracePeriodSeconds` \(allow it to be set to 1 if it was previously negative\)\n  core\.PodSpec\{\n/);
    expect(errs[0]).toContain('+ \t\t\tEnv: {{Name: "A", Value: "b"}},');
  });

  it('lets pods/binding assign a node to an unscheduled pod, but not move it', () => {
    expect(updateErrors('Pod', pod({ containers: [nginx], nodeName: 'worker-1' }), old)).toEqual([]);
    const moved = updateErrors('Pod', pod({ containers: [nginx], nodeName: 'worker-2' }), pod({ containers: [nginx], nodeName: 'worker-1' }));
    expect(moved[0]).toMatch(/^spec: Forbidden: pod updates may not change fields other than/);
  });

  it('forbids adding containers', () => {
    expect(updateErrors('Pod', pod({ containers: [nginx, { name: 'b', image: 'busybox' }] }), old)).toEqual(['spec.containers: Forbidden: pod updates may not add or remove containers']);
  });

  it('keeps metadata.name immutable', () => {
    const renamed = { ...pod({ containers: [nginx] }), metadata: { ...meta('web'), name: 'other' } };
    expect(updateErrors('Pod', renamed, old)).toEqual(['metadata.name: Invalid value: "other": field is immutable']);
  });
});

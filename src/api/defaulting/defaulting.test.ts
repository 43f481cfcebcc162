import { describe, expect, it } from 'vitest';
import type { KObject } from '../types.js';
import { applyDefaults, applyServiceIPFamilies, defaultPodPriority, generateJobSelector } from './index.js';
import { imageTag } from './image.js';

const defaulted = (kind: string, o: Record<string, unknown>): KObject => {
  const obj = structuredClone(o) as KObject;
  applyDefaults(kind, obj);
  return obj;
};

const DEFAULT_CONTAINER = { imagePullPolicy: 'Always', resources: {}, terminationMessagePath: '/dev/termination-log', terminationMessagePolicy: 'File' };
const DEFAULT_POD_SPEC = { dnsPolicy: 'ClusterFirst', restartPolicy: 'Always', schedulerName: 'default-scheduler', securityContext: {}, terminationGracePeriodSeconds: 30 };

describe('Pod defaults', () => {
  it('fills what `kubectl run nginx --image=nginx` shows (admission fields aside)', () => {
    const pod = defaulted('Pod', { metadata: { name: 'nginx' }, spec: { containers: [{ name: 'nginx', image: 'nginx', ports: [{ containerPort: 80 }] }] } });
    expect(pod.spec).toEqual({
      containers: [{ name: 'nginx', image: 'nginx', ports: [{ containerPort: 80, protocol: 'TCP' }], ...DEFAULT_CONTAINER }],
      ...DEFAULT_POD_SPEC,
      enableServiceLinks: true,
    });
  });

  it.each([
    ['nginx', 'latest'], ['nginx:latest', 'latest'], ['nginx:1.25', '1.25'], ['registry.local:5000/team/app', 'latest'],
    ['nginx@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef', ''], ['Nginx', ''],
  ])('image %s has tag %j', (image, tag) => expect(imageTag(image)).toBe(tag));

  it('pulls tagged images IfNotPresent, copies limits to requests, canonicalises quantities', () => {
    const pod = defaulted('Pod', { metadata: { name: 'p' }, spec: { containers: [{ name: 'c', image: 'nginx:1.25', resources: { limits: { memory: '1024Mi', cpu: 0.5 } } }] } });
    const c = (pod.spec as { containers: Array<Record<string, unknown>> }).containers[0]!;
    expect(c.imagePullPolicy).toBe('IfNotPresent');
    expect(c.resources).toEqual({ limits: { memory: '1Gi', cpu: '500m' }, requests: { memory: '1Gi', cpu: '500m' } });
  });

  it('defaults probes, handlers, env field refs and volumes', () => {
    const pod = defaulted('Pod', {
      metadata: { name: 'p' },
      spec: {
        containers: [{ name: 'c', image: 'nginx', livenessProbe: { httpGet: { port: 80 } }, env: [{ name: 'N', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } }] }],
        volumes: [{ name: 'scratch' }, { name: 'cfg', configMap: { name: 'cfg' } }, { name: 'host', hostPath: { path: '/data' } }],
      },
    });
    const spec = pod.spec as { containers: Array<Record<string, unknown>>; volumes: unknown[] };
    expect(spec.containers[0]!.livenessProbe).toEqual({ httpGet: { port: 80, path: '/', scheme: 'HTTP' }, timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3 });
    expect(spec.containers[0]!.env).toEqual([{ name: 'N', valueFrom: { fieldRef: { fieldPath: 'metadata.name', apiVersion: 'v1' } } }]);
    expect(spec.volumes).toEqual([{ name: 'scratch', emptyDir: {} }, { name: 'cfg', configMap: { name: 'cfg', defaultMode: 420 } }, { name: 'host', hostPath: { path: '/data', type: '' } }]);
  });

  it('leaves priority to admission, with a helper for it', () => {
    const pod = defaulted('Pod', { metadata: { name: 'p' }, spec: { containers: [] } });
    expect((pod.spec as Record<string, unknown>).priority).toBeUndefined();
    defaultPodPriority(pod);
    expect(pod.spec).toMatchObject({ priority: 0, preemptionPolicy: 'PreemptLowerPriority' });
  });
});

describe('workload defaults', () => {
  const template = { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'nginx:1.25' }] } };

  it('Deployment', () => {
    const d = defaulted('Deployment.apps', { metadata: { name: 'web' }, spec: { selector: { matchLabels: { app: 'web' } }, template } });
    expect(d.spec).toMatchObject({ replicas: 1, strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '25%', maxSurge: '25%' } }, revisionHistoryLimit: 10, progressDeadlineSeconds: 600 });
    expect((d.spec as { template: { spec: unknown } }).template.spec).toMatchObject(DEFAULT_POD_SPEC);
    expect((d.spec as { template: { spec: Record<string, unknown> } }).template.spec.enableServiceLinks).toBeUndefined();
  });

  it('DaemonSet and StatefulSet', () => {
    expect(defaulted('DaemonSet.apps', { metadata: { name: 'ds' }, spec: { template } }).spec).toMatchObject({ updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: 0 } }, revisionHistoryLimit: 10 });
    const ss = defaulted('StatefulSet.apps', { metadata: { name: 'db' }, spec: { template, volumeClaimTemplates: [{ metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'] } }] } });
    expect(ss.spec).toMatchObject({
      podManagementPolicy: 'OrderedReady', replicas: 1, revisionHistoryLimit: 10,
      updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 0 } },
      persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Retain', whenScaled: 'Retain' },
      volumeClaimTemplates: [{ spec: { volumeMode: 'Filesystem' }, status: { phase: 'Pending' } }],
    });
  });

  it('Job, its generated selector, and CronJob', () => {
    const job = defaulted('Job.batch', { metadata: { name: 'pi', uid: 'u-1' }, spec: { template: { spec: { containers: [{ name: 'pi', image: 'perl' }], restartPolicy: 'Never' } } } });
    expect(job.spec).toMatchObject({ completions: 1, parallelism: 1, backoffLimit: 6, completionMode: 'NonIndexed', suspend: false, podReplacementPolicy: 'TerminatingOrFailed' });
    expect((job.spec as Record<string, unknown>).manualSelector).toBeUndefined();
    generateJobSelector(job);
    expect(job.spec).toMatchObject({ selector: { matchLabels: { 'batch.kubernetes.io/controller-uid': 'u-1' } } });
    expect((job.spec as { template: { metadata: unknown } }).template.metadata).toEqual({ labels: { 'batch.kubernetes.io/job-name': 'pi', 'job-name': 'pi', 'batch.kubernetes.io/controller-uid': 'u-1', 'controller-uid': 'u-1' } });
    const cj = defaulted('CronJob.batch', { metadata: { name: 'c' }, spec: { schedule: '* * * * *', jobTemplate: { spec: { template: { spec: { containers: [] } } } } } });
    expect(cj.spec).toMatchObject({ concurrencyPolicy: 'Allow', suspend: false, successfulJobsHistoryLimit: 3, failedJobsHistoryLimit: 1 });
    expect((cj.spec as { jobTemplate: { spec: Record<string, unknown> } }).jobTemplate.spec.backoffLimit).toBeUndefined();
  });
});

describe('other kinds', () => {
  it('Service, with IP families as the registry allocates them', () => {
    const svc = defaulted('Service', { metadata: { name: 's' }, spec: { type: 'NodePort', ports: [{ port: 80 }] } });
    expect(svc.spec).toEqual({ type: 'NodePort', ports: [{ port: 80, protocol: 'TCP', targetPort: 80 }], sessionAffinity: 'None', externalTrafficPolicy: 'Cluster', internalTrafficPolicy: 'Cluster' });
    applyServiceIPFamilies(svc);
    expect(svc.spec).toMatchObject({ ipFamilyPolicy: 'SingleStack', ipFamilies: ['IPv4'] });
    const headless = defaulted('Service', { metadata: { name: 'h' }, spec: { clusterIP: 'None' } });
    applyServiceIPFamilies(headless);
    expect(headless.spec).toMatchObject({ ipFamilyPolicy: 'RequireDualStack', ipFamilies: ['IPv4'] });
  });

  it.each([
    ['Namespace', { metadata: { name: 'dev' } }, { metadata: { name: 'dev', labels: { 'kubernetes.io/metadata.name': 'dev' } }, spec: { finalizers: ['kubernetes'] }, status: { phase: 'Active' } }],
    ['Secret', { metadata: { name: 's' } }, { metadata: { name: 's' }, type: 'Opaque' }],
    ['PersistentVolumeClaim', { metadata: { name: 'c' }, spec: { resources: { requests: { storage: '1024Mi' } } } }, { metadata: { name: 'c' }, spec: { resources: { requests: { storage: '1Gi' } }, volumeMode: 'Filesystem' }, status: { phase: 'Pending' } }],
    ['PersistentVolume', { metadata: { name: 'v' }, spec: { hostPath: { path: '/d' } } }, { metadata: { name: 'v' }, spec: { hostPath: { path: '/d', type: '' }, persistentVolumeReclaimPolicy: 'Retain', volumeMode: 'Filesystem' }, status: { phase: 'Pending' } }],
    ['StorageClass.storage.k8s.io', { metadata: { name: 'sc' }, provisioner: 'x' }, { metadata: { name: 'sc' }, provisioner: 'x', reclaimPolicy: 'Delete', volumeBindingMode: 'Immediate' }],
    ['RoleBinding.rbac.authorization.k8s.io', { metadata: { name: 'rb' }, roleRef: { kind: 'Role', name: 'r' }, subjects: [{ kind: 'User', name: 'u' }, { kind: 'ServiceAccount', name: 'sa' }] }, { metadata: { name: 'rb' }, roleRef: { kind: 'Role', name: 'r', apiGroup: 'rbac.authorization.k8s.io' }, subjects: [{ kind: 'User', name: 'u', apiGroup: 'rbac.authorization.k8s.io' }, { kind: 'ServiceAccount', name: 'sa', apiGroup: '' }] }],
    ['NetworkPolicy.networking.k8s.io', { metadata: { name: 'np' }, spec: { podSelector: {}, egress: [{ ports: [{ port: 53 }] }] } }, { metadata: { name: 'np' }, spec: { podSelector: {}, egress: [{ ports: [{ port: 53, protocol: 'TCP' }] }], policyTypes: ['Ingress', 'Egress'] } }],
    ['PriorityClass.scheduling.k8s.io', { metadata: { name: 'p' }, value: 10 }, { metadata: { name: 'p' }, value: 10, preemptionPolicy: 'PreemptLowerPriority' }],
    ['Endpoints', { metadata: { name: 'e' }, subsets: [{ ports: [{ port: 80 }] }] }, { metadata: { name: 'e' }, subsets: [{ ports: [{ port: 80, protocol: 'TCP' }] }] }],
  ])('%s', (kind, input, want) => expect(defaulted(kind, input)).toEqual(want));

  it('HPA v2 gets the default CPU metric and behaviour policies', () => {
    const hpa = defaulted('HorizontalPodAutoscaler.autoscaling', { apiVersion: 'autoscaling/v2', metadata: { name: 'h' }, spec: { maxReplicas: 3, behavior: {} } });
    expect(hpa.spec).toMatchObject({
      minReplicas: 1,
      metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 80 } } }],
      behavior: { scaleUp: { selectPolicy: 'Max', stabilizationWindowSeconds: 0 }, scaleDown: { selectPolicy: 'Max', policies: [{ type: 'Percent', value: 100, periodSeconds: 15 }] } },
    });
  });

  it('is idempotent', () => {
    const once = defaulted('Deployment.apps', { metadata: { name: 'web' }, spec: { template: { spec: { containers: [{ name: 'c', image: 'nginx' }] } } } });
    expect(defaulted('Deployment.apps', once)).toEqual(once);
  });
});

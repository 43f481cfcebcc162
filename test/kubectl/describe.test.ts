// kubectl describe: ours against the real kubectl v1.32.4 on one live cluster. Each block makes
// its objects with the real kubectl in its own namespace, waits for them to settle, describes
// them with both, and deletes them. Ages, lease renewals and event counts move with the clock,
// so a case that differs is run again (twice at most) before it counts as a failure.
import { afterAll, beforeAll, describe, it } from 'vitest';
import { eventually, hasRealKubectl, useCluster, type TestCluster } from '../support/cluster.js';
import { expectSame, type Case } from './differential.js';

async function same(c: TestCluster, k: Case): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await expectSame(c, k);
      return;
    } catch (err) {
      if (attempt === 3) throw err;
      await new Promise((r) => setTimeout(r, 1100));
    }
  }
}

const cases = (ns: string, list: string[][]): Case[] => list.map((args) => ({ args: ['describe', ...args, ...(ns ? ['-n', ns] : [])] }));

async function apply(c: TestCluster, ns: string, manifest: string): Promise<void> {
  const r = await c.kubectl(['apply', '-n', ns, '-f', '-'], { stdin: manifest });
  if (r.code !== 0) throw new Error(`apply failed: ${r.stderr}`);
}

async function namespace(c: TestCluster, ns: string): Promise<void> {
  await c.kubectl(['create', 'ns', ns]);
  await eventually(c, ['-n', ns, 'get', 'sa', 'default', '-o', 'name'], (out) => out !== '');
}

const settle = (ms = 2500): Promise<void> => new Promise((r) => setTimeout(r, ms));

// `kubectl describe <args>` against what `kubedojo up` starts with.
const CLUSTER: string[][] = [
  ['nodes'], ['node', 'node01'], ['no/controlplane', 'no/node02'], ['node', 'node01', '--show-events=false'],
  ['ns', 'default'], ['ns', 'kube-system', 'kube-public'], ['ns', 'kube'], ['namespaces', 'kube-p'],
  ['svc', 'kubernetes'], ['svc', '-n', 'kube-system'], ['ep', 'kubernetes'], ['endpointslices', '-n', 'kube-system'],
  ['ds', '-n', 'kube-system'], ['deploy', 'coredns', '-n', 'kube-system'], ['rs', '-n', 'kube-system'],
  ['pods', '-n', 'kube-system', '-l', 'k8s-app=kube-dns'], ['pods', 'kube-proxy', '-n', 'kube-system'],
  ['clusterrole', 'admin'], ['clusterrole', 'system:node-proxier', 'view'], ['clusterrolebinding', 'cluster-admin'],
  ['sa', 'default'], ['cm', 'kube-root-ca.crt'], ['leases', '-n', 'kube-node-lease'], ['pc'], ['events', '-n', 'kube-system'],
  // the builder's argument forms and errors
  [], ['foo'], ['foo.bar', 'x'], ['pods', 'nope'], ['pods', 'nope', 'nope2'], ['pod/nope', 'svc/nope'], ['ns/default', 'ns/nope'],
  ['ns/nope', 'ns/default'], ['pods', 'x', '-A'], ['pods', 'x', '-l', 'a=b'], ['pods/x', '-l', 'a=b'], ['pods/x', 'svc'],
  ['pods', '-l', 'nope=1'], ['pods', '-A', '-l', 'nope=1'], ['nodes', '-l', 'nope=1'], ['pods', '-n', 'nope'], ['pods', 'x', '-n', 'nope'],
  ['pods,svc', 'kube-dns', '-n', 'kube-system'], ['all', 'x'], ['pods/a/b'], ['node', 'node01', '-A'], ['-f', 'nope.yaml'],
  ['pods', '--chunk-size=1', '-n', 'kube-system'],
];

const WORK = `
apiVersion: v1
kind: ConfigMap
metadata: {name: app-config, labels: {app: web}}
data: {LOG_LEVEL: debug}
binaryData: {blob: aGVsbG8=}
---
apiVersion: v1
kind: Secret
metadata: {name: db-creds}
stringData: {password: s3cret}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, labels: {app: web, tier: front}, annotations: {team: blue, long: "${'x'.repeat(150)}"}}
spec:
  replicas: 2
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}, annotations: {note: hello}}
    spec:
      nodeSelector: {kubernetes.io/os: linux}
      tolerations:
      - {key: dedicated, operator: Equal, value: web, effect: NoSchedule}
      - {operator: Exists, effect: NoExecute, tolerationSeconds: 60}
      initContainers:
      - {name: init, image: busybox, command: [sh, -c, "echo init"]}
      containers:
      - name: app
        image: nginx:1.25
        ports: [{containerPort: 80, name: http}, {containerPort: 8443}]
        env:
        - {name: MODE, value: prod}
        - {name: MULTI, value: "line1\\nline2"}
        - {name: DB_PASS, valueFrom: {secretKeyRef: {name: db-creds, key: password}}}
        - {name: LEVEL, valueFrom: {configMapKeyRef: {name: app-config, key: LOG_LEVEL, optional: true}}}
        - {name: POD_IP, valueFrom: {fieldRef: {fieldPath: status.podIP}}}
        - {name: POD_NAME, valueFrom: {fieldRef: {fieldPath: metadata.name}}}
        - {name: MY_NS, valueFrom: {fieldRef: {fieldPath: metadata.namespace}}}
        - {name: CPU_LIMIT, valueFrom: {resourceFieldRef: {resource: limits.cpu, divisor: 1m}}}
        - {name: MEM_REQ, valueFrom: {resourceFieldRef: {resource: requests.memory}}}
        envFrom:
        - configMapRef: {name: app-config}
        - {secretRef: {name: db-creds}, prefix: DB_}
        resources: {requests: {cpu: 100m, memory: 64Mi}, limits: {cpu: 250m, memory: 128Mi}}
        livenessProbe: {httpGet: {path: /, port: 80}, initialDelaySeconds: 5}
        readinessProbe: {tcpSocket: {port: http}}
        startupProbe: {exec: {command: [cat, /etc/hostname]}}
        volumeMounts:
        - {name: config, mountPath: /etc/app, readOnly: true}
        - {name: data, mountPath: /data}
        - {name: info, mountPath: /etc/info}
        - {name: creds, mountPath: /etc/creds, subPath: password}
      volumes:
      - {name: config, configMap: {name: app-config}}
      - {name: data, emptyDir: {sizeLimit: 1Gi}}
      - {name: creds, secret: {secretName: db-creds, optional: true}}
      - name: info
        downwardAPI: {items: [{path: labels, fieldRef: {fieldPath: metadata.labels}}, {path: cpu, resourceFieldRef: {containerName: app, resource: limits.cpu}}]}
      - {name: host, hostPath: {path: /tmp, type: Directory}}
---
apiVersion: v1
kind: Service
metadata: {name: web}
spec:
  selector: {app: web}
  ports: [{name: http, port: 80, targetPort: http}, {name: https, port: 443, targetPort: 8443}]
---
apiVersion: v1
kind: Service
metadata: {name: web-np}
spec: {type: NodePort, selector: {app: web}, ports: [{port: 80, targetPort: 80}]}
---
apiVersion: v1
kind: Service
metadata: {name: headless}
spec: {clusterIP: None, selector: {app: db}}
---
apiVersion: v1
kind: Service
metadata: {name: ext}
spec: {type: ExternalName, externalName: example.com}
---
apiVersion: apps/v1
kind: StatefulSet
metadata: {name: db}
spec:
  serviceName: headless
  replicas: 1
  selector: {matchLabels: {app: db}}
  template:
    metadata: {labels: {app: db}}
    spec:
      containers: [{name: db, image: redis}]
---
apiVersion: apps/v1
kind: DaemonSet
metadata: {name: agent}
spec:
  selector: {matchLabels: {app: agent}}
  template:
    metadata: {labels: {app: agent}}
    spec:
      tolerations: [{operator: Exists}]
      containers: [{name: a, image: busybox, command: [sleep, "3600"]}]
---
apiVersion: v1
kind: ReplicationController
metadata: {name: rc}
spec:
  replicas: 1
  selector: {app: rc}
  template:
    metadata: {labels: {app: rc}}
    spec:
      containers: [{name: c, image: nginx}]
---
apiVersion: batch/v1
kind: Job
metadata: {name: pi}
spec:
  completions: 2
  backoffLimit: 3
  ttlSecondsAfterFinished: 600
  template:
    spec:
      restartPolicy: Never
      containers: [{name: pi, image: busybox, command: [sh, -c, "echo 3.14"]}]
---
apiVersion: batch/v1
kind: Job
metadata: {name: indexed}
spec:
  completions: 3
  completionMode: Indexed
  template:
    spec:
      restartPolicy: Never
      containers: [{name: w, image: busybox, command: [sh, -c, "echo done"]}]
---
apiVersion: batch/v1
kind: CronJob
metadata: {name: nightly}
spec:
  schedule: "0 3 * * *"
  suspend: true
  startingDeadlineSeconds: 100
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          containers: [{name: c, image: busybox, command: [date]}]
---
apiVersion: v1
kind: ServiceAccount
metadata: {name: builder}
secrets: [{name: missing-secret}, {name: db-creds}]
imagePullSecrets: [{name: regcred}]
`;

const WORK_READS: string[][] = [
  ['deploy', 'web'], ['deploy', 'web', '--show-events=false'], ['deployment.apps/web'], ['rs'], ['pods'], ['pods', 'web'],
  ['pods', '-l', 'app=web', '--show-events=false'], ['svc'], ['svc', 'web', 'ext'], ['ep'], ['ep', 'web'], ['endpointslices'],
  ['cm', 'app-config'], ['secret', 'db-creds'], ['sa'], ['sts', 'db'], ['ds', 'agent'], ['rc', 'rc'], ['pods', 'rc'],
  ['jobs'], ['cronjob', 'nightly'], ['all'], ['pods,svc', '-l', 'app=web'], ['deploy,svc', 'web'], ['ns', 'dsc-work'],
  ['pods', '-A', '-l', 'app=db'], ['events'], ['node', 'node01'],
];

const CSR = `-----BEGIN CERTIFICATE REQUEST-----
MIIBqzCCAVECAQAwfzENMAsGA1UEAwwEamFuZTENMAsGA1UECgwEZGV2czELMAkG
A1UECgwCcWExETAPBgNVBAsMCHBsYXRmb3JtMQswCQYDVQQGEwJVUzEUMBIGA1UE
BwwLU3ByaW5nZmllbGQxDzANBgNVBAgMBk9yZWdvbjELMAkGA1UEBRMCNDIwWTAT
BgcqhkjOPQIBBggqhkjOPQMBBwNCAARwBB87c9Ojz9hK2xicDvbcf0fxaU0qnySa
GzyE4EINKgiG+1aH3ovJKLextBB2TrG+TjrzueZcsNuQNw1QFB44oHAwbgYJKoZI
hvcNAQkOMWEwXzBdBgNVHREEVjBUghBqYW5lLmV4YW1wbGUuY29tgg1qLmV4YW1w
bGUuY29tgRBqYW5lQGV4YW1wbGUuY29thwQKAAAHhhlzcGlmZmU6Ly9leGFtcGxl
LmNvbS9qYW5lMAoGCCqGSM49BAMCA0gAMEUCIQCM6zi//aGfCgasNWktxfOn63+b
y1DufGRs5gPhHwFXSAIgCuMJVytkGEFCjSthNOw2DiyK0EEF2FSalH3WjlXh0Ng=
-----END CERTIFICATE REQUEST-----
`;

const POLICY = `
apiVersion: v1
kind: PersistentVolume
metadata: {name: dsc-pv1, labels: {type: local}}
spec:
  capacity: {storage: 1Gi}
  accessModes: [ReadWriteOnce, ReadOnlyMany]
  storageClassName: manual
  hostPath: {path: /tmp/dsc-pv1}
  nodeAffinity:
    required:
      nodeSelectorTerms:
      - matchExpressions:
        - {key: kubernetes.io/hostname, operator: In, values: [node01, node02]}
        - {key: kubernetes.io/os, operator: NotIn, values: [windows]}
      - matchExpressions: [{key: disk, operator: Exists}]
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata: {name: claim1}
spec: {storageClassName: manual, accessModes: [ReadWriteOnce], resources: {requests: {storage: 500Mi}}}
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata: {name: claim2}
spec: {storageClassName: dsc-sc, accessModes: [ReadWriteMany], volumeMode: Block, resources: {requests: {storage: 1Gi}}}
---
apiVersion: v1
kind: Pod
metadata: {name: user}
spec:
  containers: [{name: c, image: busybox, command: [sleep, "3600"], volumeMounts: [{name: v, mountPath: /v}]}]
  volumes: [{name: v, persistentVolumeClaim: {claimName: claim1}}]
---
apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata: {name: dsc-sc}
provisioner: kubernetes.io/no-provisioner
parameters: {type: fast}
reclaimPolicy: Retain
volumeBindingMode: WaitForFirstConsumer
allowVolumeExpansion: true
mountOptions: [debug, ro]
allowedTopologies: [{matchLabelExpressions: [{key: topology.kubernetes.io/zone, values: [a, b]}]}]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: {name: reader}
rules:
- {apiGroups: [""], resources: [pods, pods/log], verbs: [get, list, watch]}
- {apiGroups: [apps], resources: [deployments], resourceNames: [web, api], verbs: [get, update]}
- {apiGroups: [""], resources: [pods], verbs: [delete]}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: dsc-cr, labels: {a: b}}
rules:
- {nonResourceURLs: [/healthz, /metrics], verbs: [get]}
- {apiGroups: ["", apps], resources: [configmaps, deployments/scale], verbs: ["*"]}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: reader-binding}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: reader}
subjects:
- {kind: User, name: jane, apiGroup: rbac.authorization.k8s.io}
- {kind: ServiceAccount, name: default, namespace: dsc-pol}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: {name: dsc-crb}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: dsc-cr}
subjects: [{kind: Group, name: devs, apiGroup: rbac.authorization.k8s.io}]
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata: {name: pdb}
spec: {minAvailable: 1, selector: {matchLabels: {app: web}}}
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata: {name: pdb2}
spec: {maxUnavailable: 50%, selector: {matchExpressions: [{key: app, operator: In, values: [web, api]}]}}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: np}
spec:
  podSelector: {matchLabels: {app: web}}
  policyTypes: [Ingress, Egress]
  ingress:
  - from:
    - podSelector: {matchLabels: {role: frontend}}
    - {namespaceSelector: {matchLabels: {team: x}}, podSelector: {}}
    - ipBlock: {cidr: 10.0.0.0/8, except: [10.1.0.0/16, 10.2.0.0/16]}
    ports: [{protocol: TCP, port: 80}, {port: 8000, endPort: 9000}]
  - {}
  egress:
  - {to: [{namespaceSelector: {}}], ports: [{port: dns, protocol: UDP}]}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: deny}
spec: {podSelector: {}}
---
apiVersion: networking.k8s.io/v1
kind: IngressClass
metadata: {name: dsc-ic}
spec: {controller: example.com/ingress, parameters: {apiGroup: k8s.example.com, kind: IngressParameters, name: params}}
---
apiVersion: v1
kind: Service
metadata: {name: web}
spec: {selector: {app: web}, ports: [{name: http, port: 80}]}
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: ing, annotations: {nginx.ingress.kubernetes.io/rewrite-target: /}}
spec:
  ingressClassName: dsc-ic
  tls: [{hosts: [a.example.com, b.example.com], secretName: tls-secret}, {hosts: [c.example.com]}]
  defaultBackend: {service: {name: web, port: {number: 80}}}
  rules:
  - host: a.example.com
    http:
      paths:
      - {path: /, pathType: Prefix, backend: {service: {name: web, port: {name: http}}}}
      - {path: /api, pathType: Exact, backend: {service: {name: nope, port: {number: 8080}}}}
  - http: {paths: [{path: /r, pathType: Prefix, backend: {resource: {apiGroup: k8s.example.com, kind: Bucket, name: b}}}]}
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: ing2}
spec: {defaultBackend: {service: {name: web, port: {number: 80}}}}
---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: {name: hpa}
spec:
  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
  minReplicas: 1
  maxReplicas: 5
  metrics:
  - {type: Resource, resource: {name: cpu, target: {type: Utilization, averageUtilization: 50}}}
  - {type: Resource, resource: {name: memory, target: {type: AverageValue, averageValue: 100Mi}}}
  - {type: Pods, pods: {metric: {name: qps}, target: {type: AverageValue, averageValue: "10"}}}
  behavior:
    scaleDown: {stabilizationWindowSeconds: 300, selectPolicy: Min, policies: [{type: Percent, value: 10, periodSeconds: 60}, {type: Pods, value: 2, periodSeconds: 30}]}
    scaleUp: {stabilizationWindowSeconds: 0}
---
apiVersion: scheduling.k8s.io/v1
kind: PriorityClass
metadata: {name: dsc-high}
value: 1000
description: high priority
---
apiVersion: coordination.k8s.io/v1
kind: Lease
metadata: {name: lock}
spec: {holderIdentity: me, leaseDurationSeconds: 15}
---
apiVersion: certificates.k8s.io/v1
kind: CertificateSigningRequest
metadata: {name: dsc-jane, labels: {team: qa}}
spec:
  request: ${Buffer.from(CSR).toString('base64')}
  signerName: kubernetes.io/kube-apiserver-client
  expirationSeconds: 86400
  usages: [client auth]
`;

const QUOTA = `
apiVersion: v1
kind: ResourceQuota
metadata: {name: compute}
spec: {hard: {requests.cpu: "2", requests.memory: 1Gi, pods: "10", limits.memory: 2Gi}}
---
apiVersion: v1
kind: ResourceQuota
metadata: {name: scoped}
spec: {hard: {pods: "5"}, scopes: [NotTerminating, BestEffort]}
---
apiVersion: v1
kind: LimitRange
metadata: {name: cpu}
spec:
  limits: [{type: Container, default: {cpu: 500m}, defaultRequest: {cpu: 100m}, max: {cpu: "2"}, min: {cpu: 50m}, maxLimitRequestRatio: {cpu: "10"}}]
---
apiVersion: v1
kind: LimitRange
metadata: {name: mem}
spec:
  limits: [{type: Pod, max: {memory: 1Gi}}, {type: PersistentVolumeClaim, min: {storage: 1Mi}}]
`;

const POLICY_READS: string[][] = [
  ['pv', 'dsc-pv1'], ['pvc'], ['pvc', 'claim1', '--show-events=false'], ['sc', 'dsc-sc'], ['role', 'reader'], ['clusterrole', 'dsc-cr'],
  ['rolebinding'], ['clusterrolebinding', 'dsc-crb'], ['pdb'], ['netpol'], ['ingressclass', 'dsc-ic'], ['ing'], ['hpa', 'hpa'],
  ['pc', 'dsc-high'], ['lease', 'lock'], ['csr', 'dsc-jane'], ['svc', 'web'], ['ns', 'dsc-pol'],
];

describe.skipIf(!hasRealKubectl)('kubectl describe, ours against the real one', () => {
  const c = useCluster();

  describe('objects the cluster starts with, and the argument forms', () => {
    for (const args of CLUSTER) {
      const k = cases('', [args])[0]!;
      it(k.args.join(' '), () => same(c, k));
    }
  });

  describe('workloads', () => {
    const ns = 'dsc-work';
    beforeAll(async () => {
      await namespace(c, ns);
      await apply(c, ns, WORK);
      await eventually(c, ['-n', ns, 'get', 'deploy', 'web', '-o', 'jsonpath={.status.availableReplicas}'], (out) => out === '2', 60_000);
      await eventually(c, ['-n', ns, 'get', 'jobs', '-o', 'jsonpath={.items[*].status.succeeded}'], (out) => out === '3 2', 60_000);
      await eventually(c, ['-n', ns, 'get', 'sts', 'db', '-o', 'jsonpath={.status.readyReplicas}'], (out) => out === '1', 60_000);
      await settle();
    }, 120_000);
    afterAll(async () => {
      await c.kubectl(['delete', 'ns', ns, '--wait=false']);
    });
    for (const k of cases(ns, WORK_READS)) it(k.args.join(' '), () => same(c, k));
    it('describe -f of a manifest', async () => {
      c.file('dsc-work.yaml', WORK);
      await same(c, { args: ['describe', '-f', 'dsc-work.yaml', '-n', ns] });
      await same(c, { args: ['describe', '-f', 'dsc-work.yaml', '-n', 'default'] });
    });
  });

  describe('storage, RBAC, policy, networking, autoscaling, certificates', () => {
    const ns = 'dsc-pol';
    beforeAll(async () => {
      await namespace(c, ns);
      await apply(c, ns, POLICY);
      await eventually(c, ['-n', ns, 'get', 'pvc', 'claim1', '-o', 'jsonpath={.status.phase}'], (out) => out === 'Bound', 60_000);
      // the pod only has to be scheduled: it lists under the claim's Used By
      await eventually(c, ['-n', ns, 'get', 'pod', 'user', '-o', 'jsonpath={.spec.nodeName}'], (out) => out !== '', 60_000);
      await settle();
    }, 120_000);
    afterAll(async () => {
      await c.kubectl(['delete', 'ns', ns, '--wait=false']);
      await c.kubectl(['delete', 'pv/dsc-pv1', 'sc/dsc-sc', 'clusterrole/dsc-cr', 'clusterrolebinding/dsc-crb', 'ingressclass/dsc-ic', 'pc/dsc-high', 'csr/dsc-jane', '--wait=false']);
    });
    for (const k of cases(ns, POLICY_READS)) it(k.args.join(' '), () => same(c, k));
    it('describe csr after approval', async () => {
      await c.kubectl(['certificate', 'approve', 'dsc-jane']);
      await eventually(c, ['get', 'csr', 'dsc-jane', '-o', 'jsonpath={.status.conditions[*].type}'], (out) => out.includes('Approved'));
      await same(c, { args: ['describe', 'csr', 'dsc-jane'] });
    });
  });

  describe('quotas and limit ranges', () => {
    const ns = 'dsc-quota';
    beforeAll(async () => {
      await namespace(c, ns);
      await apply(c, ns, QUOTA);
      await eventually(c, ['-n', ns, 'get', 'quota', 'compute', '-o', 'jsonpath={.status.hard.pods}'], (out) => out === '10');
    }, 60_000);
    afterAll(async () => {
      await c.kubectl(['delete', 'ns', ns, '--wait=false']);
    });
    for (const k of cases(ns, [['quota'], ['quota', 'scoped'], ['limits', 'cpu'], ['limitranges'], ['ns', ns]])) it(k.args.join(' '), () => same(c, k));
  });
});

// Every resource the apiserver serves, driven by the real kubectl from the manifests in
// fixtures/manifests/: server dry run, create, get (plain, wide, -A, -l, --field-selector),
// `-o yaml` round-tripped through `replace -f -`, describe and delete — then discovery and the
// upstream error texts. Expected tables are those of the v1.32 server printers; a `null` cell
// varies between runs (ages, timestamps, addresses) and is not compared, and a pattern stands for
// a count that controllers and kubelets move as pods start.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasRealKubectl, run, useCluster, type RunResult } from '../support/cluster.js';

const MANIFESTS = resolve(import.meta.dirname, '../../fixtures/manifests');

/** A cell: exact text, a pattern, or null when it is not compared. */
type Cell = string | RegExp | null;
const AGE = null;
/** A timestamp, an address handed out at run time, or a count controllers move: not compared. */
const ANY = null;
/** Counts that controllers and kubelets move as pods start: `ready/desired` and plain counts. */
const readyOf = (desired: number) => new RegExp(`^\\d+/${desired}$`);
const COUNT = /^\d+$/;

interface Table {
  /** Column names in order; null when the header is not compared. */
  header: string[] | null;
  rows: Cell[][];
}

/** `header` lists the columns separated by two or more spaces, as kubectl aligns them. */
const table = (header: string | null, ...rows: Cell[][]): Table => ({ header: header === null ? null : header.split(/ {2,}/), rows });

interface Case {
  /** fixtures/manifests/<file>.yaml */
  file: string;
  /** As `kubectl api-resources` lists it: APIVERSION, KIND, NAME and SHORTNAMES. */
  api: [apiVersion: string, kind: string, plural: string, shortNames: string];
  namespaced: boolean;
  /** The objects in the manifest: in the order the server lists them, which is also file order. */
  names: string[];
  get: Table;
  wide: Table;
  /** For `get -A -l`; defaults to the `fixture=<file>` label every manifest carries. */
  selector?: string;
  /** Only read (nodes): no create, replace or delete. */
  readOnly?: boolean;
  /** Never deleted (namespaces: there is no namespace controller yet to finish the deletion). */
  keep?: boolean;
}

const group = (k: Case) => (k.api[0].includes('/') ? k.api[0].split('/')[0]! : '');
/** The resource as typed on the command line and quoted in NotFound: `deployments.apps`, `pods`. */
const resourceOf = (k: Case) => (group(k) ? `${k.api[2]}.${group(k)}` : k.api[2]);
/** What create/replace/delete print: `deployment.apps`, `pod`. */
const kindOf = (k: Case) => (group(k) ? `${k.api[1].toLowerCase()}.${group(k)}` : k.api[1].toLowerCase());

/** The table `get -A` prints: a NAMESPACE column first (every fixture lives in `default`). */
const withNamespace = (t: Table): Table => ({
  header: t.header && ['NAMESPACE', ...t.header],
  rows: t.rows.map((r) => ['default', ...r]),
});

const ok = (lines: string[]): RunResult => ({ stdout: lines.map((l) => `${l}\n`).join(''), stderr: '', code: 0 });

/** Splits kubectl's aligned output into cells, cutting every line where a header column starts. */
function parseTable(out: string): { headerLine: string; header: string[]; rows: string[][] } {
  const [headerLine = '', ...lines] = out.replace(/\n$/, '').split('\n');
  const starts = [...headerLine.matchAll(/\S+(?: \S+)*/g)].map((m) => ({ name: m[0], at: m.index }));
  const cut = (line: string) => starts.map((s, i) => line.slice(s.at, starts[i + 1]?.at ?? line.length).trim());
  return { headerLine, header: starts.map((s) => s.name), rows: lines.map(cut) };
}

function expectTable(r: RunResult, want: Table): void {
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  const got = parseTable(r.stdout);
  if (want.header) {
    expect(got.header).toEqual(want.header);
    expect(got.headerLine).toMatch(new RegExp(`^${want.header.map((h) => h.replace(/[()]/g, '\\$&')).join(' {3,}')}$`));
  }
  const masked = got.rows.map((row, i) => row.map((cell, j): Cell => {
    const w = want.rows[i]?.[j];
    return w === null || (w instanceof RegExp && w.test(cell)) ? (w ?? null) : cell;
  }));
  expect(masked).toEqual(want.rows);
}

/** A pod's phase as it starts (nothing schedules or runs pods yet, so today it stays Pending). */
const POD_STATUS = /^(Pending|ContainerCreating|Running)$/;
const JOB_STATUS = /^(Running|Complete)$/;

const CASES: Case[] = [
  { file: 'namespace', api: ['v1', 'Namespace', 'namespaces', 'ns'], namespaced: false, names: ['dojo-fixtures'], keep: true,
    get: table('NAME  STATUS  AGE', ['dojo-fixtures', 'Active', AGE]),
    wide: table('NAME  STATUS  AGE', ['dojo-fixtures', 'Active', AGE]) },
  { file: 'node', api: ['v1', 'Node', 'nodes', 'no'], namespaced: false, names: ['node01'], readOnly: true, selector: 'kubernetes.io/hostname=node01',
    get: table('NAME  STATUS  ROLES  AGE  VERSION', ['node01', 'Ready', '<none>', AGE, 'v1.32.4']),
    wide: table('NAME  STATUS  ROLES  AGE  VERSION  INTERNAL-IP  EXTERNAL-IP  OS-IMAGE  KERNEL-VERSION  CONTAINER-RUNTIME',
      ['node01', 'Ready', '<none>', AGE, 'v1.32.4', ANY, '<none>', ANY, ANY, ANY]) },
  { file: 'pod', api: ['v1', 'Pod', 'pods', 'po'], namespaced: true, names: ['web'],
    get: table('NAME  READY  STATUS  RESTARTS  AGE', ['web', readyOf(1), POD_STATUS, '0', AGE]),
    wide: table('NAME  READY  STATUS  RESTARTS  AGE  IP  NODE  NOMINATED NODE  READINESS GATES',
      ['web', readyOf(1), POD_STATUS, '0', AGE, ANY, ANY, '<none>', '<none>']) },
  { file: 'service', api: ['v1', 'Service', 'services', 'svc'], namespaced: true, names: ['web', 'web-external', 'web-headless', 'web-nodeport'],
    get: table('NAME  TYPE  CLUSTER-IP  EXTERNAL-IP  PORT(S)  AGE',
      ['web', 'ClusterIP', '10.96.100.10', '<none>', '80/TCP', AGE],
      ['web-external', 'ExternalName', '<none>', 'example.com', '<none>', AGE],
      ['web-headless', 'ClusterIP', 'None', '<none>', '80/TCP', AGE],
      ['web-nodeport', 'NodePort', '10.96.100.11', '<none>', '80:30080/TCP', AGE]),
    wide: table('NAME  TYPE  CLUSTER-IP  EXTERNAL-IP  PORT(S)  AGE  SELECTOR',
      ['web', 'ClusterIP', '10.96.100.10', '<none>', '80/TCP', AGE, 'app=web'],
      ['web-external', 'ExternalName', '<none>', 'example.com', '<none>', AGE, '<none>'],
      ['web-headless', 'ClusterIP', 'None', '<none>', '80/TCP', AGE, 'app=web'],
      ['web-nodeport', 'NodePort', '10.96.100.11', '<none>', '80:30080/TCP', AGE, 'app=web']) },
  { file: 'endpoints', api: ['v1', 'Endpoints', 'endpoints', 'ep'], namespaced: true, names: ['legacy-db'],
    get: table('NAME  ENDPOINTS  AGE', ['legacy-db', '192.168.10.1:5432,192.168.10.2:5432', AGE]),
    wide: table('NAME  ENDPOINTS  AGE', ['legacy-db', '192.168.10.1:5432,192.168.10.2:5432', AGE]) },
  { file: 'configmap', api: ['v1', 'ConfigMap', 'configmaps', 'cm'], namespaced: true, names: ['app-config'],
    get: table('NAME  DATA  AGE', ['app-config', '3', AGE]),
    wide: table('NAME  DATA  AGE', ['app-config', '3', AGE]) },
  { file: 'secret', api: ['v1', 'Secret', 'secrets', ''], namespaced: true, names: ['db-credentials', 'registry-credentials', 'web-tls'],
    get: table('NAME  TYPE  DATA  AGE',
      ['db-credentials', 'Opaque', '2', AGE],
      ['registry-credentials', 'kubernetes.io/dockerconfigjson', '1', AGE],
      ['web-tls', 'kubernetes.io/tls', '2', AGE]),
    wide: table('NAME  TYPE  DATA  AGE',
      ['db-credentials', 'Opaque', '2', AGE],
      ['registry-credentials', 'kubernetes.io/dockerconfigjson', '1', AGE],
      ['web-tls', 'kubernetes.io/tls', '2', AGE]) },
  { file: 'serviceaccount', api: ['v1', 'ServiceAccount', 'serviceaccounts', 'sa'], namespaced: true, names: ['builder'],
    get: table('NAME  SECRETS  AGE', ['builder', '0', AGE]),
    wide: table('NAME  SECRETS  AGE', ['builder', '0', AGE]) },
  { file: 'event', api: ['v1', 'Event', 'events', 'ev'], namespaced: true, names: ['web.17f3a2b4c5d6e7f8'],
    get: table('LAST SEEN  TYPE  REASON  OBJECT  MESSAGE',
      [AGE, 'Normal', 'Pulled', 'pod/web', 'Container image "nginx:1.27" already present on machine']),
    wide: table('LAST SEEN  TYPE  REASON  OBJECT  SUBOBJECT  SOURCE  MESSAGE  FIRST SEEN  COUNT  NAME',
      [AGE, 'Normal', 'Pulled', 'pod/web', 'spec.containers{nginx}', 'kubelet, node01',
        'Container image "nginx:1.27" already present on machine', AGE, '3', 'web.17f3a2b4c5d6e7f8']) },
  { file: 'event.events.k8s.io', api: ['events.k8s.io/v1', 'Event', 'events', 'ev'], namespaced: true, names: ['web.17f3a2b4c5d6e7f9'],
    get: table('LAST SEEN  TYPE  REASON  OBJECT  MESSAGE', [AGE, 'Normal', 'Scheduled', 'pod/web', 'Successfully assigned default/web to node01']),
    wide: table('LAST SEEN  TYPE  REASON  OBJECT  SUBOBJECT  SOURCE  MESSAGE  FIRST SEEN  COUNT  NAME',
      [AGE, 'Normal', 'Scheduled', 'pod/web', '', 'default-scheduler, default-scheduler-controlplane',
        'Successfully assigned default/web to node01', AGE, '1', 'web.17f3a2b4c5d6e7f9']) },
  { file: 'persistentvolume', api: ['v1', 'PersistentVolume', 'persistentvolumes', 'pv'], namespaced: false, names: ['pv-data'],
    get: table('NAME  CAPACITY  ACCESS MODES  RECLAIM POLICY  STATUS  CLAIM  STORAGECLASS  VOLUMEATTRIBUTESCLASS  REASON  AGE',
      ['pv-data', '1Gi', 'RWO,ROX', 'Retain', ANY, '', 'manual', '<unset>', '', AGE]),
    wide: table('NAME  CAPACITY  ACCESS MODES  RECLAIM POLICY  STATUS  CLAIM  STORAGECLASS  VOLUMEATTRIBUTESCLASS  REASON  AGE  VOLUMEMODE',
      ['pv-data', '1Gi', 'RWO,ROX', 'Retain', ANY, '', 'manual', '<unset>', '', AGE, 'Filesystem']) },
  { file: 'persistentvolumeclaim', api: ['v1', 'PersistentVolumeClaim', 'persistentvolumeclaims', 'pvc'], namespaced: true, names: ['data'],
    get: table('NAME  STATUS  VOLUME  CAPACITY  ACCESS MODES  STORAGECLASS  VOLUMEATTRIBUTESCLASS  AGE',
      ['data', 'Pending', '', '', '', 'unbound-class', '<unset>', AGE]),
    wide: table('NAME  STATUS  VOLUME  CAPACITY  ACCESS MODES  STORAGECLASS  VOLUMEATTRIBUTESCLASS  AGE  VOLUMEMODE',
      ['data', 'Pending', '', '', '', 'unbound-class', '<unset>', AGE, 'Filesystem']) },
  // v1.32's order (AGE moved last only in 1.33); REQUEST/LIMIT fill in once the quota controller runs.
  { file: 'resourcequota', api: ['v1', 'ResourceQuota', 'resourcequotas', 'quota'], namespaced: true, names: ['object-counts'],
    get: table('NAME  AGE  REQUEST  LIMIT', ['object-counts', AGE, ANY, ANY]),
    wide: table('NAME  AGE  REQUEST  LIMIT', ['object-counts', AGE, ANY, ANY]) },
  { file: 'limitrange', api: ['v1', 'LimitRange', 'limitranges', 'limits'], namespaced: true, names: ['defaults'],
    get: table('NAME  CREATED AT', ['defaults', ANY]),
    wide: table('NAME  CREATED AT', ['defaults', ANY]) },
  { file: 'replicationcontroller', api: ['v1', 'ReplicationController', 'replicationcontrollers', 'rc'], namespaced: true, names: ['legacy'],
    get: table('NAME  DESIRED  CURRENT  READY  AGE', ['legacy', '2', COUNT, COUNT, AGE]),
    wide: table('NAME  DESIRED  CURRENT  READY  AGE  CONTAINERS  IMAGES  SELECTOR', ['legacy', '2', COUNT, COUNT, AGE, 'nginx', 'nginx:1.27', 'app=legacy']) },
  { file: 'podtemplate', api: ['v1', 'PodTemplate', 'podtemplates', ''], namespaced: true, names: ['worker'],
    get: table('NAME  CONTAINERS  IMAGES  POD LABELS', ['worker', 'busybox', 'busybox:1.36', 'app=worker']),
    wide: table('NAME  CONTAINERS  IMAGES  POD LABELS', ['worker', 'busybox', 'busybox:1.36', 'app=worker']) },
  { file: 'deployment', api: ['apps/v1', 'Deployment', 'deployments', 'deploy'], namespaced: true, names: ['frontend'],
    get: table('NAME  READY  UP-TO-DATE  AVAILABLE  AGE', ['frontend', readyOf(2), COUNT, COUNT, AGE]),
    wide: table('NAME  READY  UP-TO-DATE  AVAILABLE  AGE  CONTAINERS  IMAGES  SELECTOR',
      ['frontend', readyOf(2), COUNT, COUNT, AGE, 'nginx,sidecar', 'nginx:1.27,busybox:1.36', 'app=frontend']) },
  { file: 'replicaset', api: ['apps/v1', 'ReplicaSet', 'replicasets', 'rs'], namespaced: true, names: ['backend'],
    get: table('NAME  DESIRED  CURRENT  READY  AGE', ['backend', '1', COUNT, COUNT, AGE]),
    wide: table('NAME  DESIRED  CURRENT  READY  AGE  CONTAINERS  IMAGES  SELECTOR', ['backend', '1', COUNT, COUNT, AGE, 'app', 'nginx:1.27', 'app=backend']) },
  { file: 'daemonset', api: ['apps/v1', 'DaemonSet', 'daemonsets', 'ds'], namespaced: true, names: ['log-agent'],
    get: table('NAME  DESIRED  CURRENT  READY  UP-TO-DATE  AVAILABLE  NODE SELECTOR  AGE',
      ['log-agent', COUNT, COUNT, COUNT, COUNT, COUNT, 'kubernetes.io/os=linux', AGE]),
    wide: table('NAME  DESIRED  CURRENT  READY  UP-TO-DATE  AVAILABLE  NODE SELECTOR  AGE  CONTAINERS  IMAGES  SELECTOR',
      ['log-agent', COUNT, COUNT, COUNT, COUNT, COUNT, 'kubernetes.io/os=linux', AGE, 'agent', 'busybox:1.36', 'app=log-agent']) },
  { file: 'statefulset', api: ['apps/v1', 'StatefulSet', 'statefulsets', 'sts'], namespaced: true, names: ['db'],
    get: table('NAME  READY  AGE', ['db', readyOf(1), AGE]),
    wide: table('NAME  READY  AGE  CONTAINERS  IMAGES', ['db', readyOf(1), AGE, 'postgres', 'postgres:16']) },
  { file: 'controllerrevision', api: ['apps/v1', 'ControllerRevision', 'controllerrevisions', ''], namespaced: true, names: ['db-rev-1'],
    get: table('NAME  CONTROLLER  REVISION  AGE', ['db-rev-1', '<none>', '1', AGE]),
    wide: table('NAME  CONTROLLER  REVISION  AGE', ['db-rev-1', '<none>', '1', AGE]) },
  { file: 'job', api: ['batch/v1', 'Job', 'jobs', ''], namespaced: true, names: ['migrate'],
    get: table('NAME  STATUS  COMPLETIONS  DURATION  AGE', ['migrate', JOB_STATUS, readyOf(3), ANY, AGE]),
    wide: table('NAME  STATUS  COMPLETIONS  DURATION  AGE  CONTAINERS  IMAGES  SELECTOR',
      ['migrate', JOB_STATUS, readyOf(3), ANY, AGE, 'migrate', 'busybox:1.36', ANY]) },
  { file: 'cronjob', api: ['batch/v1', 'CronJob', 'cronjobs', 'cj'], namespaced: true, names: ['nightly'],
    get: table('NAME  SCHEDULE  TIMEZONE  SUSPEND  ACTIVE  LAST SCHEDULE  AGE', ['nightly', '0 3 * * *', 'Etc/UTC', 'True', '0', '<none>', AGE]),
    wide: table('NAME  SCHEDULE  TIMEZONE  SUSPEND  ACTIVE  LAST SCHEDULE  AGE  CONTAINERS  IMAGES  SELECTOR',
      ['nightly', '0 3 * * *', 'Etc/UTC', 'True', '0', '<none>', AGE, 'report', 'busybox:1.36', '<none>']) },
  { file: 'role', api: ['rbac.authorization.k8s.io/v1', 'Role', 'roles', ''], namespaced: true, names: ['pod-reader'],
    get: table('NAME  CREATED AT', ['pod-reader', ANY]),
    wide: table('NAME  CREATED AT', ['pod-reader', ANY]) },
  { file: 'rolebinding', api: ['rbac.authorization.k8s.io/v1', 'RoleBinding', 'rolebindings', ''], namespaced: true, names: ['read-pods'],
    get: table('NAME  ROLE  AGE', ['read-pods', 'Role/pod-reader', AGE]),
    wide: table('NAME  ROLE  AGE  USERS  GROUPS  SERVICEACCOUNTS', ['read-pods', 'Role/pod-reader', AGE, 'jane', 'devs', 'default/builder']) },
  { file: 'clusterrole', api: ['rbac.authorization.k8s.io/v1', 'ClusterRole', 'clusterroles', ''], namespaced: false, names: ['node-viewer'],
    get: table('NAME  CREATED AT', ['node-viewer', ANY]),
    wide: table('NAME  CREATED AT', ['node-viewer', ANY]) },
  { file: 'clusterrolebinding', api: ['rbac.authorization.k8s.io/v1', 'ClusterRoleBinding', 'clusterrolebindings', ''], namespaced: false, names: ['view-nodes'],
    get: table('NAME  ROLE  AGE', ['view-nodes', 'ClusterRole/node-viewer', AGE]),
    wide: table('NAME  ROLE  AGE  USERS  GROUPS  SERVICEACCOUNTS', ['view-nodes', 'ClusterRole/node-viewer', AGE, 'jane', '', '']) },
  { file: 'networkpolicy', api: ['networking.k8s.io/v1', 'NetworkPolicy', 'networkpolicies', 'netpol'], namespaced: true, names: ['allow-frontend'],
    get: table('NAME  POD-SELECTOR  AGE', ['allow-frontend', 'app=backend', AGE]),
    wide: table('NAME  POD-SELECTOR  AGE', ['allow-frontend', 'app=backend', AGE]) },
  { file: 'ingress', api: ['networking.k8s.io/v1', 'Ingress', 'ingresses', 'ing'], namespaced: true, names: ['web'],
    get: table('NAME  CLASS  HOSTS  ADDRESS  PORTS  AGE', ['web', 'nginx', 'web.example.com', '', '80, 443', AGE]),
    wide: table('NAME  CLASS  HOSTS  ADDRESS  PORTS  AGE', ['web', 'nginx', 'web.example.com', '', '80, 443', AGE]) },
  { file: 'ingressclass', api: ['networking.k8s.io/v1', 'IngressClass', 'ingressclasses', ''], namespaced: false, names: ['nginx'],
    get: table('NAME  CONTROLLER  PARAMETERS  AGE', ['nginx', 'k8s.io/ingress-nginx', '<none>', AGE]),
    wide: table('NAME  CONTROLLER  PARAMETERS  AGE', ['nginx', 'k8s.io/ingress-nginx', '<none>', AGE]) },
  { file: 'storageclass', api: ['storage.k8s.io/v1', 'StorageClass', 'storageclasses', 'sc'], namespaced: false, names: ['fast'],
    get: table('NAME  PROVISIONER  RECLAIMPOLICY  VOLUMEBINDINGMODE  ALLOWVOLUMEEXPANSION  AGE',
      ['fast', 'kubernetes.io/no-provisioner', 'Retain', 'WaitForFirstConsumer', 'true', AGE]),
    wide: table('NAME  PROVISIONER  RECLAIMPOLICY  VOLUMEBINDINGMODE  ALLOWVOLUMEEXPANSION  AGE',
      ['fast', 'kubernetes.io/no-provisioner', 'Retain', 'WaitForFirstConsumer', 'true', AGE]) },
  { file: 'csidriver', api: ['storage.k8s.io/v1', 'CSIDriver', 'csidrivers', ''], namespaced: false, names: ['hostpath.csi.k8s.io'],
    get: table('NAME  ATTACHREQUIRED  PODINFOONMOUNT  STORAGECAPACITY  TOKENREQUESTS  REQUIRESREPUBLISH  MODES  AGE',
      ['hostpath.csi.k8s.io', 'false', 'true', 'false', '<unset>', 'false', 'Persistent,Ephemeral', AGE]),
    wide: table('NAME  ATTACHREQUIRED  PODINFOONMOUNT  STORAGECAPACITY  TOKENREQUESTS  REQUIRESREPUBLISH  MODES  AGE',
      ['hostpath.csi.k8s.io', 'false', 'true', 'false', '<unset>', 'false', 'Persistent,Ephemeral', AGE]) },
  // No AGE column upstream.
  { file: 'csistoragecapacity', api: ['storage.k8s.io/v1', 'CSIStorageCapacity', 'csistoragecapacities', ''], namespaced: true, names: ['hostpath-node01'],
    get: table('NAME  STORAGECLASSNAME  CAPACITY', ['hostpath-node01', 'fast', '10Gi']),
    wide: table('NAME  STORAGECLASSNAME  CAPACITY', ['hostpath-node01', 'fast', '10Gi']) },
  // Create drops the status (it has its own subresource): not attached.
  { file: 'volumeattachment', api: ['storage.k8s.io/v1', 'VolumeAttachment', 'volumeattachments', ''], namespaced: false, names: ['csi-0123456789abcdef'],
    get: table('NAME  ATTACHER  PV  NODE  ATTACHED  AGE', ['csi-0123456789abcdef', 'hostpath.csi.k8s.io', 'pv-data', 'node01', 'false', AGE]),
    wide: table('NAME  ATTACHER  PV  NODE  ATTACHED  AGE', ['csi-0123456789abcdef', 'hostpath.csi.k8s.io', 'pv-data', 'node01', 'false', AGE]) },
  { file: 'poddisruptionbudget', api: ['policy/v1', 'PodDisruptionBudget', 'poddisruptionbudgets', 'pdb'], namespaced: true, names: ['frontend'],
    get: table('NAME  MIN AVAILABLE  MAX UNAVAILABLE  ALLOWED DISRUPTIONS  AGE', ['frontend', '1', 'N/A', COUNT, AGE]),
    wide: table('NAME  MIN AVAILABLE  MAX UNAVAILABLE  ALLOWED DISRUPTIONS  AGE', ['frontend', '1', 'N/A', COUNT, AGE]) },
  { file: 'lease', api: ['coordination.k8s.io/v1', 'Lease', 'leases', ''], namespaced: true, names: ['leader'],
    get: table('NAME  HOLDER  AGE', ['leader', 'worker-1', AGE]),
    wide: table('NAME  HOLDER  AGE', ['leader', 'worker-1', AGE]) },
  // PREEMPTIONPOLICY has priority 0 upstream (v1.32, kubernetes#126529), so it shows without -o wide.
  { file: 'priorityclass', api: ['scheduling.k8s.io/v1', 'PriorityClass', 'priorityclasses', 'pc'], namespaced: false, names: ['high'],
    get: table('NAME  VALUE  GLOBAL-DEFAULT  AGE  PREEMPTIONPOLICY', ['high', '100000', 'false', AGE, 'Never']),
    wide: table('NAME  VALUE  GLOBAL-DEFAULT  AGE  PREEMPTIONPOLICY', ['high', '100000', 'false', AGE, 'Never']) },
  { file: 'runtimeclass', api: ['node.k8s.io/v1', 'RuntimeClass', 'runtimeclasses', ''], namespaced: false, names: ['gvisor'],
    get: table('NAME  HANDLER  AGE', ['gvisor', 'runsc', AGE]),
    wide: table('NAME  HANDLER  AGE', ['gvisor', 'runsc', AGE]) },
  { file: 'validatingwebhookconfiguration', api: ['admissionregistration.k8s.io/v1', 'ValidatingWebhookConfiguration', 'validatingwebhookconfigurations', ''], namespaced: false, names: ['pod-policy.example.com'],
    get: table('NAME  WEBHOOKS  AGE', ['pod-policy.example.com', '1', AGE]),
    wide: table('NAME  WEBHOOKS  AGE', ['pod-policy.example.com', '1', AGE]) },
  { file: 'mutatingwebhookconfiguration', api: ['admissionregistration.k8s.io/v1', 'MutatingWebhookConfiguration', 'mutatingwebhookconfigurations', ''], namespaced: false, names: ['sidecar-injector.example.com'],
    get: table('NAME  WEBHOOKS  AGE', ['sidecar-injector.example.com', '2', AGE]),
    wide: table('NAME  WEBHOOKS  AGE', ['sidecar-injector.example.com', '2', AGE]) },
  { file: 'validatingadmissionpolicy', api: ['admissionregistration.k8s.io/v1', 'ValidatingAdmissionPolicy', 'validatingadmissionpolicies', ''], namespaced: false, names: ['replica-limit.example.com'],
    get: table('NAME  VALIDATIONS  PARAMKIND  AGE', ['replica-limit.example.com', '1', 'v1/ConfigMap', AGE]),
    wide: table('NAME  VALIDATIONS  PARAMKIND  AGE', ['replica-limit.example.com', '1', 'v1/ConfigMap', AGE]) },
  { file: 'validatingadmissionpolicybinding', api: ['admissionregistration.k8s.io/v1', 'ValidatingAdmissionPolicyBinding', 'validatingadmissionpolicybindings', ''], namespaced: false, names: ['replica-limit-test'],
    get: table('NAME  POLICYNAME  PARAMREF  AGE', ['replica-limit-test', 'replica-limit.example.com', 'default/replica-limit', AGE]),
    wide: table('NAME  POLICYNAME  PARAMREF  AGE', ['replica-limit-test', 'replica-limit.example.com', 'default/replica-limit', AGE]) },
  // MISSINGPL is "?" until the APF controller has looked at the new schema.
  { file: 'flowschema', api: ['flowcontrol.apiserver.k8s.io/v1', 'FlowSchema', 'flowschemas', ''], namespaced: false, names: ['ci-robots'],
    get: table('NAME  PRIORITYLEVEL  MATCHINGPRECEDENCE  DISTINGUISHERMETHOD  AGE  MISSINGPL', ['ci-robots', 'workload-low', '5000', 'ByNamespace', AGE, /^(False|\?)$/]),
    wide: table('NAME  PRIORITYLEVEL  MATCHINGPRECEDENCE  DISTINGUISHERMETHOD  AGE  MISSINGPL', ['ci-robots', 'workload-low', '5000', 'ByNamespace', AGE, /^(False|\?)$/]) },
  // The queue length limit defaults to 50.
  { file: 'prioritylevelconfiguration', api: ['flowcontrol.apiserver.k8s.io/v1', 'PriorityLevelConfiguration', 'prioritylevelconfigurations', ''], namespaced: false, names: ['batch'],
    get: table('NAME  TYPE  NOMINALCONCURRENCYSHARES  QUEUES  HANDSIZE  QUEUELENGTHLIMIT  AGE', ['batch', 'Limited', '15', '32', '4', '50', AGE]),
    wide: table('NAME  TYPE  NOMINALCONCURRENCYSHARES  QUEUES  HANDSIZE  QUEUELENGTHLIMIT  AGE', ['batch', 'Limited', '15', '32', '4', '50', AGE]) },
  { file: 'horizontalpodautoscaler', api: ['autoscaling/v2', 'HorizontalPodAutoscaler', 'horizontalpodautoscalers', 'hpa'], namespaced: true, names: ['frontend'],
    get: table('NAME  REFERENCE  TARGETS  MINPODS  MAXPODS  REPLICAS  AGE', ['frontend', 'Deployment/frontend', 'cpu: <unknown>/50%', '1', '5', COUNT, AGE]),
    wide: table('NAME  REFERENCE  TARGETS  MINPODS  MAXPODS  REPLICAS  AGE', ['frontend', 'Deployment/frontend', 'cpu: <unknown>/50%', '1', '5', COUNT, AGE]) },
  { file: 'endpointslice', api: ['discovery.k8s.io/v1', 'EndpointSlice', 'endpointslices', ''], namespaced: true, names: ['legacy-db-abc12'],
    get: table('NAME  ADDRESSTYPE  PORTS  ENDPOINTS  AGE', ['legacy-db-abc12', 'IPv4', '5432', '192.168.10.1,192.168.10.2', AGE]),
    wide: table('NAME  ADDRESSTYPE  PORTS  ENDPOINTS  AGE', ['legacy-db-abc12', 'IPv4', '5432', '192.168.10.1,192.168.10.2', AGE]) },
  // REQUESTOR is the creating user (spec.username), set by the server.
  { file: 'certificatesigningrequest', api: ['certificates.k8s.io/v1', 'CertificateSigningRequest', 'certificatesigningrequests', 'csr'], namespaced: false, names: ['alice'],
    get: table('NAME  AGE  SIGNERNAME  REQUESTOR  REQUESTEDDURATION  CONDITION', ['alice', AGE, 'kubernetes.io/kube-apiserver-client', 'kubernetes-admin', '24h', 'Pending']),
    wide: table('NAME  AGE  SIGNERNAME  REQUESTOR  REQUESTEDDURATION  CONDITION', ['alice', AGE, 'kubernetes.io/kube-apiserver-client', 'kubernetes-admin', '24h', 'Pending']) },
];

describe.skipIf(!hasRealKubectl)('every served resource through the real kubectl', () => {
  const c = useCluster();

  /** A real CSR, as the course material makes one. */
  async function csrRequest(): Promise<string> {
    const args = ['req', '-new', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-subj', '/CN=alice/O=dev', '-keyout', 'alice.key'];
    const r = await run('openssl', args, c.env);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^-----BEGIN CERTIFICATE REQUEST-----\n/);
    return Buffer.from(r.stdout).toString('base64');
  }

  /** Copies the fixture into the home (the cwd), so kubectl quotes the file as a user would see it. */
  async function manifest(k: Case): Promise<string> {
    let text = readFileSync(resolve(MANIFESTS, `${k.file}.yaml`), 'utf8');
    if (k.file === 'certificatesigningrequest') text = text.replace('CSR_PEM_BASE64', await csrRequest());
    c.file(`${k.file}.yaml`, text);
    return `${k.file}.yaml`;
  }

  async function expectAbsent(k: Case): Promise<void> {
    expect(await c.kubectl(['get', resourceOf(k), ...k.names])).toEqual({
      stdout: '',
      stderr: k.names.map((n) => `Error from server (NotFound): ${resourceOf(k)} "${n}" not found\n`).join(''),
      code: 1,
    });
  }

  async function expectListed(k: Case): Promise<void> {
    const res = resourceOf(k);
    expectTable(await c.kubectl(['get', res, ...k.names]), k.get);
    expectTable(await c.kubectl(['get', res, ...k.names, '-o', 'wide']), k.wide);
    const all = k.namespaced ? withNamespace(k.get) : k.get;
    expectTable(await c.kubectl(['get', res, '-A', '-l', k.selector ?? `fixture=${k.file}`]), all);
    const byName = await c.kubectl(['get', res, '--field-selector', `metadata.name=${k.names[0]}`, '-o', 'name']);
    expect(byName).toEqual(ok([`${kindOf(k)}/${k.names[0]}`]));
  }

  async function expectDescribed(k: Case): Promise<void> {
    const r = await c.kubectl(['describe', resourceOf(k), ...k.names]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Name:/);
    for (const n of k.names) expect(r.stdout).toMatch(new RegExp(`^Name:\\s+${n.replace(/\./g, '\\.')}$`, 'm'));
  }

  /** get -o yaml | replace -f -; a controller writing the object's status in between makes the
   * replace conflict, as on a real cluster — then the user gets it again (at most 3 times). */
  async function expectReplaced(k: Case): Promise<void> {
    for (const n of k.names) {
      let replaced: RunResult | undefined;
      for (let attempt = 0; attempt < 3 && !(replaced && !replaced.stderr.includes('(Conflict)')); attempt++) {
        const yaml = await c.kubectl(['get', resourceOf(k), n, '-o', 'yaml']);
        expect(yaml.code, yaml.stderr).toBe(0);
        replaced = await c.kubectl(['replace', '-f', '-'], { stdin: yaml.stdout });
      }
      expect(replaced).toEqual(ok([`${kindOf(k)}/${n} replaced`]));
    }
  }

  describe('each resource', () => {
    for (const k of CASES) {
      const verbs = k.readOnly ? 'get and describe' : k.keep ? 'create, get, replace and describe' : 'create, get, replace, describe and delete';
      it(`${resourceOf(k)}: ${verbs}`, async () => {
        if (k.readOnly) {
          await expectListed(k);
          await expectDescribed(k);
          return;
        }
        const file = await manifest(k);
        expect(await c.kubectl(['create', '--dry-run=server', '-f', file])).toEqual(ok(k.names.map((n) => `${kindOf(k)}/${n} created (server dry run)`)));
        await expectAbsent(k);
        expect(await c.kubectl(['create', '-f', file])).toEqual(ok(k.names.map((n) => `${kindOf(k)}/${n} created`)));
        await expectListed(k);
        await expectReplaced(k);
        await expectDescribed(k);
        if (k.keep) return;
        expect(await c.kubectl(['delete', '-f', file])).toEqual(ok(k.names.map((n) => `${kindOf(k)} "${n}" deleted`)));
        await expectAbsent(k);
      });
    }
  });

  describe('discovery and authorization', () => {
    it('lists every resource in api-resources', async () => {
      const r = await c.kubectl(['api-resources']);
      expect(r.stderr).toBe('');
      const got = parseTable(r.stdout);
      expect(got.header).toEqual(['NAME', 'SHORTNAMES', 'APIVERSION', 'NAMESPACED', 'KIND']);
      for (const k of CASES) {
        const [apiVersion, kind, plural, short] = k.api;
        expect(got.rows).toContainEqual([plural, short, apiVersion, String(k.namespaced), kind]);
      }
    });

    it('lists every group version in api-versions, sorted', async () => {
      const r = await c.kubectl(['api-versions']);
      expect(r.stderr).toBe('');
      const lines = r.stdout.trimEnd().split('\n');
      expect(lines).toEqual([...lines].sort());
      expect(lines).toEqual(expect.arrayContaining([...new Set(CASES.map((k) => k.api[0]))]));
    });

    it('lists the admin rules in auth can-i --list', async () => {
      const r = await c.kubectl(['auth', 'can-i', '--list']);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      const got = parseTable(r.stdout);
      expect(got.header).toEqual(['Resources', 'Non-Resource URLs', 'Resource Names', 'Verbs']);
      expect(got.rows[0]).toEqual(['*.*', '[]', '[]', '[*]']);
      expect(got.rows[1]).toEqual(['', '[*]', '[]', '[*]']);
    });
  });

  describe('upstream error texts', () => {
    it('forbids a service account without a binding', async () => {
      expect(await c.kubectl(['get', 'pods', '--as=system:serviceaccount:default:default'])).toEqual({
        stdout: '',
        stderr: 'Error from server (Forbidden): pods is forbidden: User "system:serviceaccount:default:default" cannot list resource "pods" in API group "" in the namespace "default"\n',
        code: 1,
      });
    });

    it('refuses a replace with a stale resourceVersion', async () => {
      c.file('x.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  a: "1"\n');
      expect((await c.kubectl(['create', '-f', 'x.yaml'])).stdout).toBe('configmap/x created\n');
      c.file('stale.yaml', (await c.kubectl(['get', 'configmap', 'x', '-o', 'yaml'])).stdout);
      expect((await c.kubectl(['patch', 'configmap', 'x', '-p', '{"data":{"a":"2"}}'])).stdout).toBe('configmap/x patched\n');
      expect(await c.kubectl(['replace', '-f', 'stale.yaml'])).toEqual({
        stdout: '',
        stderr: 'Error from server (Conflict): error when replacing "stale.yaml": Operation cannot be fulfilled on configmaps "x": the object has been modified; please apply your changes to the latest version and try again\n',
        code: 1,
      });
    });

    it('lists every cause of an invalid object', async () => {
      c.file('invalid.yaml', [
        'apiVersion: v1', 'kind: Pod', 'metadata:', '  name: invalid', 'spec:', '  restartPolicy: Sometimes', '  containers:',
        '  - name: Web', '    image: nginx', '    ports:', '    - containerPort: 70000', '',
      ].join('\n'));
      expect(await c.kubectl(['create', '-f', 'invalid.yaml'])).toEqual({
        stdout: '',
        stderr:
          'The Pod "invalid" is invalid: \n' +
          '* spec.containers[0].name: Invalid value: "Web": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or \'-\', and must start and end with an alphanumeric character (e.g. \'my-name\',  or \'123-abc\', regex used for validation is \'[a-z0-9]([-a-z0-9]*[a-z0-9])?\')\n' +
          '* spec.containers[0].ports[0].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive\n' +
          '* spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"\n',
        code: 1,
      });
    });

    it('rejects an unknown field under strict field validation', async () => {
      c.file('typo.yaml', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: typo\nspec:\n  contianers:\n  - name: c\n    image: nginx\n');
      expect(await c.kubectl(['create', '-f', 'typo.yaml'])).toEqual({
        stdout: '',
        stderr: 'Error from server (BadRequest): error when creating "typo.yaml": Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "spec.contianers"\n',
        code: 1,
      });
    });
  });
});

// Cases for ours against the real kubectl on one live cluster: generators that create (then the
// same again, AlreadyExists), --dry-run=server, -o name/json/yaml of what the server returns, and
// the commands that need discovery even with --dry-run=client. Each mutating case is undone.
import type { Case } from './differential.js';

/** Objects the cases expect to exist (created once, before the cases). */
export const SEED: string[][] = [
  ['create', 'cronjob', 'backup', '--image=busybox', '--schedule=0 0 1 1 *', '--', 'sh', '-c', 'echo backup'],
  ['create', 'deployment', 'web', '--image=nginx'],
  ['create', 'namespace', 'exists-ns'],
  ['create', 'configmap', 'exists', '--from-literal=a=b'],
  ['create', 'serviceaccount', 'exists'],
  ['create', 'role', 'exists', '--verb=get', '--resource=pods'],
  ['create', 'clusterrole', 'gen-exists', '--verb=get', '--resource=pods'],
  ['create', 'priorityclass', 'gen-exists', '--value=5'],
];

/** Seeded objects to remove after the cases (cluster-scoped ones outlive a namespace). */
export const CLEANUP: string[][] = [
  ['delete', 'clusterrole', 'gen-exists'],
  ['delete', 'priorityclass', 'gen-exists'],
  ['delete', 'namespace', 'exists-ns', '--wait=false'],
];

const NO_TOKEN = '{"spec":{"automountServiceAccountToken":false}}';

const del = (...what: string[]): string[][] => [['delete', ...what]];

export const LIVE_CASES: Case[] = [
  // creation, printed as the server returns it, each undone
  { args: ['create', 'deployment', 'g1', '--image=nginx', '--replicas=2', '--port=80'], undo: del('deployment', 'g1') },
  { args: ['create', 'deployment', 'g1', '--image=nginx', '-o', 'json'], undo: del('deployment', 'g1') },
  { args: ['create', 'deployment', 'g1', '--image=nginx', '--save-config', '-o', 'yaml'], undo: del('deployment', 'g1') },
  { args: ['create', 'service', 'clusterip', 'g1', '--tcp=80:8080', '-o', 'name'], undo: del('service', 'g1') },
  { args: ['create', 'service', 'nodeport', 'g1', '--tcp=80', '--node-port=30111', '-o', 'name'], undo: del('service', 'g1') },
  // (a headless service: no allocated IP to differ between the two runs)
  { args: ['create', 'service', 'clusterip', 'g1', '--clusterip=None', '-o', 'json'], undo: del('service', 'g1') },
  { args: ['create', 'service', 'externalname', 'g1', '--external-name=db.example.com'], undo: del('service', 'g1') },
  { args: ['create', 'configmap', 'g1', '--from-literal=a=1', '--from-literal=b=2', '-o', 'json'], undo: del('configmap', 'g1') },
  { args: ['create', 'configmap', 'g1', '--from-literal=a=1', '--append-hash'], undo: del('configmap', '-l', 'x!=y', '--field-selector=metadata.name!=exists', '--ignore-not-found') },
  { args: ['create', 'secret', 'generic', 'g1', '--from-literal=a=1', '-o', 'yaml'], undo: del('secret', 'g1') },
  { args: ['create', 'secret', 'docker-registry', 'g1', '--docker-username=u', '--docker-password=p'], undo: del('secret', 'g1') },
  { args: ['create', 'job', 'g1', '--image=busybox', '-o', 'json', '--', 'true'], undo: del('job', 'g1') },
  { args: ['create', 'job', 'g1', '--from=cronjob/backup'], undo: del('job', 'g1') },
  { args: ['create', 'job', 'g1', '--from=cronjob/backup', '-o', 'json'], undo: del('job', 'g1') },
  { args: ['create', 'cronjob', 'g1', '--image=busybox', '--schedule=0 0 1 1 *', '-o', 'json'], undo: del('cronjob', 'g1') },
  { args: ['create', 'namespace', 'gen-one', '-o', 'json'], undo: del('namespace', 'gen-one') },
  { args: ['create', 'serviceaccount', 'g1', '-o', 'json'], undo: del('serviceaccount', 'g1') },
  { args: ['create', 'role', 'g1', '--verb=get,list', '--resource=pods,deploy,ev', '-o', 'json'], undo: del('role', 'g1') },
  { args: ['create', 'clusterrole', 'gen-one', '--verb=get', '--resource=nodes', '--non-resource-url=/healthz'], undo: del('clusterrole', 'gen-one') },
  { args: ['create', 'clusterrole', 'gen-one', '--aggregation-rule=a=b', '-o', 'json'], undo: del('clusterrole', 'gen-one') },
  { args: ['create', 'rolebinding', 'g1', '--role=exists', '--user=jane', '--serviceaccount=default:exists', '-o', 'json'], undo: del('rolebinding', 'g1') },
  { args: ['create', 'clusterrolebinding', 'gen-one', '--clusterrole=view', '--group=devs'], undo: del('clusterrolebinding', 'gen-one') },
  { args: ['create', 'quota', 'g1', '--hard=pods=10,cpu=2', '-o', 'json'], undo: del('quota', 'g1') },
  { args: ['create', 'priorityclass', 'gen-one', '--value=100', '-o', 'json'], undo: del('priorityclass', 'gen-one') },
  { args: ['create', 'ingress', 'g1', '--rule=a.com/x*=svc:80,tls=sec', '-o', 'json'], undo: del('ingress', 'g1') },
  { args: ['create', 'pdb', 'g1', '--selector=app=web', '--min-available=1', '-o', 'json'], undo: del('pdb', 'g1') },
  { args: ['run', 'g1', '--image=nginx', '--labels=app=g1', '--env=A=1'], undo: del('pod', 'g1', '--force', '--grace-period=0') },
  // (no service account token volume, whose name is random)
  { args: ['run', 'g1', '--image=nginx', '-o', 'json', `--overrides=${NO_TOKEN}`], undo: del('pod', 'g1', '--force', '--grace-period=0') },
  { args: ['run', 'g1', '--image=nginx', '--save-config', '-o', 'yaml', `--overrides=${NO_TOKEN}`], undo: del('pod', 'g1', '--force', '--grace-period=0') },
  { args: ['run', 'g1', '--image=nginx', '--port=80', '--expose'], undo: [['delete', 'service', 'g1'], ['delete', 'pod', 'g1', '--force', '--grace-period=0']] },
  // AlreadyExists and other server errors
  { args: ['create', 'deployment', 'web', '--image=nginx'] },
  { args: ['create', 'namespace', 'exists-ns'] },
  { args: ['create', 'configmap', 'exists', '--from-literal=a=b'] },
  { args: ['create', 'serviceaccount', 'exists'] },
  { args: ['create', 'role', 'exists', '--verb=get', '--resource=pods'] },
  { args: ['create', 'clusterrole', 'gen-exists', '--verb=get', '--resource=pods'] },
  { args: ['create', 'priorityclass', 'gen-exists', '--value=5'] },
  { args: ['create', 'job', 'g2', '--from=cronjob/nope'] },
  { args: ['create', 'job', 'g2', '--from=deploy/web'] },
  { args: ['create', 'job', 'g2', '--from=cronjob'] },
  { args: ['create', 'job', 'g2', '--from=foo/x'] },
  { args: ['create', 'deployment', 'Bad_Name', '--image=nginx'] },
  { args: ['create', 'token', 'nope'] },
  { args: ['create', 'token', 'default', '-o', 'name'] },
  { args: ['create', 'token', 'default', '-o', 'jsonpath={.kind} {.spec.audiences}'] },
  { args: ['run', 'exists-pod', '--image=nginx', '--overrides={"metadata":{"name":"web"}}', '--dry-run=server'] },
  // --dry-run=server: nothing persists
  { args: ['create', 'deployment', 'g3', '--image=nginx', '--dry-run=server'] },
  { args: ['create', 'deployment', 'g3', '--image=nginx', '--dry-run=server', '-o', 'yaml'] },
  { args: ['create', 'configmap', 'g3', '--from-literal=a=1', '--dry-run=server', '-o', 'json'] },
  { args: ['create', 'namespace', 'gen-three', '--dry-run=server', '-o', 'name'] },
  { args: ['create', 'secret', 'generic', 'g3', '--from-literal=a=1', '--dry-run=server'] },
  { args: ['create', 'role', 'g3', '--verb=get', '--resource=pods', '--dry-run=server', '-o', 'yaml'] },
  { args: ['run', 'g3', '--image=nginx', '--dry-run=server', '-o', 'yaml', `--overrides=${NO_TOKEN}`] },
  { args: ['run', 'g3', '--image=nginx', '--dry-run=server', '--expose', '--port=80'] },
  // discovery with --dry-run=client
  { args: ['create', 'role', 'g4', '--verb=get', '--resource=foo', '--dry-run=client'] },
  { args: ['create', 'role', 'g4', '--verb=get', '--resource=foo.bar', '--dry-run=client'] },
  { args: ['create', 'role', 'g4', '--verb=get', '--resource=Pods,po,pod/log,deployments.apps/scale,hpa.autoscal,ev', '--resource-name=a', '--dry-run=client', '-o', 'json'] },
  { args: ['create', 'role', 'g4', '--verb=bind', '--resource=clusterroles', '--dry-run=client', '-o', 'yaml'] },
  { args: ['create', 'role', 'g4', '--verb=bind', '--resource=pods', '--dry-run=client'] },
  { args: ['create', 'clusterrole', 'g4', '--verb=impersonate', '--resource=users,groups,serviceaccounts', '--dry-run=client', '-o', 'yaml'] },
  { args: ['run', 'g4', '--image=nginx', '--dry-run=client', '-o', 'json', '-n', 'dev', '--', 'a', 'b'] },
  { args: ['run', 'g4', '--image=nginx', '--dry-run=client', '--overrides={"spec":{"containers":[{"name":"g4","image":"redis"}]}}', '--override-type=strategic', '-o', 'json'] },
  { args: ['run', 'g4', '--image=nginx', '--dry-run=client', '--overrides=[{"op":"add","path":"/spec/nodeName","value":"n1"}]', '--override-type=json', '-o', 'yaml'] },
  { args: ['run', 'g4', '--image=nginx', '--dry-run=client', '--overrides={"spec":{"nodeName":5}}'] },
  { args: ['run', 'g4', '--image=nginx', '--dry-run=client', '--overrides=foo'] },
  { args: ['run', 'g4', '--image=nginx', '--dry-run=client', '--override-type=foo', '--overrides={}'] },
  { args: ['run', 'g4', '--image=nginx', '--dry-run=client', '--privileged', '--image-pull-policy=Never', '--annotations=a=b', '--restart=Never', '-o', 'json'] },
  { args: ['run', '--image=nginx', '--dry-run=client', '-o', 'yaml', '--', 'g4', 'x'] },
  { args: ['run', 'g4', '--image=nginx', '--save-config', '--dry-run=client', '-o', 'yaml'] },
  { args: ['run', 'g4', '--image=nginx', '--port=80', '--expose', '--labels=a=b', '--dry-run=client', '-o', 'json'] },
  { args: ['run', 'g4', '--image=nginx', '--port=80', '--expose', '--dry-run=client', '-o', 'name'] },
];

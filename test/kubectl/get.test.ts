// `kubectl get` and discovery commands: ours against the real kubectl on one live cluster.
import { beforeAll, describe, it } from 'vitest';
import { eventually, hasRealKubectl, useCluster } from '../support/cluster.js';
import { expectSame, type Case } from './differential.js';

const READS: Case[] = [
  { args: ['get', 'ns'] },
  { args: ['get', 'nodes'] },
  { args: ['get', 'nodes', '-o', 'wide'] },
  { args: ['get', 'no', 'node01'] },
  { args: ['get', 'node/node01', 'ns/default'] },
  { args: ['get', 'svc', '-A'] },
  { args: ['get', 'svc', '-A', '-o', 'wide'] },
  { args: ['get', 'pods,nodes', '-A', '--show-labels'] },
  { args: ['get', 'nodes,pods', '-A', '-L', 'k8s-app,tier'] },
  { args: ['get', 'ns', '--no-headers'] },
  // without headers no blank line separates the kinds
  { args: ['get', 'nodes,ns', '--no-headers', '-o', 'wide'] },
  { args: ['get', 'ev', '-n', 'nope'] },
  { args: ['get', 'cs'] },
  { args: ['get', 'componentstatuses', '-o', 'name'] },
  { args: ['get', 'ev,po', '-n', 'nope'] },
  { args: ['get', 'namespaces.v1.', 'default'] },
  { args: ['get', 'deployments.apps', '-A'] },
  { args: ['get', 'Deployment', '-n', 'kube-system'] },
  { args: ['get', 'ds', '-A', '--show-kind'] },
  { args: ['get', 'cm', '-A', '-o', 'name'] },
  { args: ['get', 'ns', 'default', '-o', 'yaml'] },
  { args: ['get', 'ns', 'default', 'kube-public', '-o', 'json'] },
  { args: ['get', 'svc', 'kubernetes', '-o', 'json'] },
  { args: ['get', 'pods'] },
  { args: ['get', 'pods', '-n', 'nope'] },
  { args: ['get', 'pods', '-n', 'nope', '-o', 'json'] },
  { args: ['get', 'pods', '-n', 'nope', '-o', 'name'] },
  { args: ['get', 'pods,nodes', '-l', 'x=y'] },
  { args: ['get', 'pods', '-A', '-l', 'x=y'] },
  { args: ['get', 'nodes', '-l', 'node-role.kubernetes.io/control-plane'] },
  { args: ['get', 'nodes', '-l', '!node-role.kubernetes.io/control-plane', '-o', 'name'] },
  { args: ['get', 'pods', '-A', '--field-selector', 'spec.nodeName=node01', '-o', 'name'] },
  { args: ['get', 'pods', 'nope', 'nope2'] },
  { args: ['get', 'ns', 'default', 'nope'] },
  { args: ['get', 'pod', 'nope', '-o', 'yaml'] },
  { args: ['get', 'foo'] },
  { args: ['get', 'foo.bar'] },
  { args: ['get', 'pods', '-o', 'wibble'] },
  { args: ['get', 'pods/x', 'svc'] },
  { args: ['get', 'pods', 'x', '-A'] },
  { args: ['get', 'pods', 'x', '-l', 'a=b'] },
  { args: ['get'] },
  { args: ['get', 'pods', '--foo'] },
  { args: ['get', 'pods', '-z'] },
  { args: ['get', 'pods', '-n'] },
  { args: ['foo'] },
  { args: ['xyzzy'] },
  { args: ['config'] },
  { args: ['create', 'secret'] },
  { args: ['get', '--help'] },
  { args: ['get', 'ns', '--context=nope'] },
  { args: ['get', 'ns', '--cluster=nope'] },
  { args: ['get', 'ns', '--user=nope'] },
  { args: ['get', 'ns', '--kubeconfig=/nope'] },
  { args: ['get', 'ns', '--server=https://127.0.0.1:1'] },
  { args: ['get', 'ns', '--token=bad'] },
  { args: ['get', 'ns', '--as=alice'] },
  // the builder continues on error: each refused list is reported, after what could be listed
  { args: ['get', 'pods,svc', '--as=alice'] },
  { args: ['get', 'ns,pods', '--as=alice', '-o', 'name'] },
  { args: ['get', 'pods', '-o', 'yaml', '--as=alice'] },
  { args: ['get', 'svc,pods', '-A', '--as=system:serviceaccount:kube-system:kube-proxy'] },
  { args: ['get', 'svc,pods', '-A', '-o', 'name', '--as=system:serviceaccount:kube-system:kube-proxy'] },
  { args: ['get', 'ns', '--as=system:admin', '--as-group=system:masters'] },
  { args: ['api-resources'] },
  { args: ['api-resources', '-o', 'wide'] },
  { args: ['api-resources', '-o', 'name'] },
  { args: ['api-resources', '--namespaced=false'] },
  { args: ['api-resources', '--api-group=apps', '--no-headers'] },
  { args: ['api-resources', '--verbs=list,watch', '--sort-by=kind'] },
  { args: ['api-resources', '--categories=all'] },
  { args: ['api-versions'] },
  // arguments are refused in Complete, before the flags are validated
  { args: ['api-resources', 'extra'] },
  { args: ['api-resources', 'a', 'b', '-o', 'bad'] },
  { args: ['api-versions', 'a', 'b'] },
  // --subresource: each named object's subresource, the server's Table for it (Scale's own columns)
  { args: ['get', 'deploy', 'coredns', '-n', 'kube-system', '--subresource=scale'] },
  { args: ['get', 'deploy', 'coredns', '-n', 'kube-system', '--subresource=scale', '-o', 'yaml'] },
  { args: ['get', 'deploy/coredns', '-n', 'kube-system', '--subresource=scale', '--show-kind', '-o', 'wide'] },
  { args: ['get', 'ns', 'default', '--subresource=status'] },
  { args: ['get', 'ns', 'default', '--subresource=status', '-o', 'name'] },
  { args: ['get', 'ns', 'default', '--subresource=foo'] },
  { args: ['get', 'ns', '--subresource=status'] },
  // --raw: the path (and query, re-encoded) on the kubeconfig's server, the answer as it comes
  { args: ['get', '--raw', '/api'] },
  { args: ['get', '--raw', '/readyz?verbose'] },
  { args: ['get', '--raw', 'https://example.invalid:1/api/v1/namespaces/default'] },
  { args: ['get', '--raw', '/api/v1/namespaces/default/configmaps?watch=true&timeoutSeconds=1&fieldSelector=metadata.name%3Dnone'] },
  { args: ['get', '--raw', '/api/v1/namespaces/nope'] },
  { args: ['get', '--raw', '/no/such/path'] },
  { args: ['get', '--raw', 'foo'] },
  { args: ['get', 'pods', '--raw', '/api'] },
  { args: ['get', '--raw', '/api', '-o', 'yaml'] },
  { args: ['get', '--raw', '/api', '-w'] },
  { args: ['get', '--raw', '/api', '-l', 'a=b'] },
  // DefaultSubCommandRun refuses words no subcommand took; cluster-info ignores them
  { args: ['rollout', 'bogus'] },
  { args: ['create', 'service', 'bad', 's1'] },
  { args: ['cluster-info', 'bogus'] },
  // "Did you mean this?": the root's commands in the order kubectl adds them, never help
  { args: ['de'] },
  { args: ['c'] },
  { args: ['he'] },
  { args: ['api'] },
  // impersonating groups or a uid without a user: ConfirmUsable refuses, before any request
  { args: ['get', 'pods', '--as-group=ops'] },
  { args: ['version', '--as-uid=1'] },
  { args: ['get', 'pods', '--as-group=ops', '--context=nope'] },
  { args: ['get', 'pods', '--as=bob', '--as-group=x'] },
  // validateClusterInfo and validateAuthInfo: files opened, data and file both given, two methods
  { args: ['get', 'pods', '--certificate-authority=nope'] },
  { args: ['get', 'pods', '--client-certificate=nope'] },
  { args: ['get', 'pods', '--client-key=nope', '--context=nope'] },
  { args: ['get', 'pods', '--token=x', '--username=u'] },
  { args: ['get', 'pods', '--certificate-authority=/etc'] },
  { args: ['version', '--client-key=/etc'] },
  // with -n, TYPE arguments meet the unusable config in ReplaceAliases: one error per TYPE
  { args: ['get', 'pods', '-n', 'x', '--client-certificate=nope'] },
  { args: ['get', 'pods,svc', '-n', 'x', '--client-certificate=nope'] },
  { args: ['get', 'pods,svc', '-n', 'x', '--client-certificate=nope', '--client-key=nope'] },
  { args: ['get', 'pods/a', '-n', 'x', '--client-certificate=nope'] },
  { args: ['get', 'pods', '-n', 'x', '-w', '--client-certificate=nope'] },
  { args: ['describe', 'pods', '-n', 'x', '--client-certificate=nope'] },
  { args: ['label', 'pods,svc', 'a=b', '--all', '-n', 'x', '--client-certificate=nope'] },
  // TYPE/NAME argument forms are checked as given, before discovery: their errors come first
  { args: ['get', 'pods,svc/a', '--server=http://127.0.0.1:1'] },
  { args: ['get', 'pods', 'svc/a', '--server=http://127.0.0.1:1'] },
  { args: ['get', 'pods,svc/a', '-w', '--server=http://127.0.0.1:1'] },
  // a TLS server and no way to tell who the user is: Username is read from stdin, Password needs a terminal
  { args: ['get', 'pods', '--kubeconfig=nouser.yaml'], stdin: '' },
  { args: ['get', 'pods', '--kubeconfig=nouser.yaml'], stdin: '\n\n' },
  { args: ['get', 'pods', '--kubeconfig=nouser.yaml'], stdin: 'bob x\n' },
  { args: ['version', '--kubeconfig=nouser.yaml'], stdin: 'bob' },
  // a manifest URL nothing answers: http.Get's refusal, worded as kubectl words a refused server
  { args: ['apply', '-f', 'http://127.0.0.1:1/x.yaml', '--dry-run=client'] },
  { args: ['create', '-f', 'http://127.0.0.1:1/x.yaml'] },
  // logs: Complete's switch on the number of arguments, then the builder's refusal
  { args: ['logs', 'nope', 'a', 'b'] },
  { args: ['logs', 'nope', 'c', '-l', 'app=x'] },
  { args: ['logs', 'nope', '-l', 'app=x'] },
  // -o yaml, json and name in any case; other formats exactly
  { args: ['get', 'ns', 'default', '-o', 'YAML'] },
  { args: ['get', 'ns', 'default', '-o', 'Json'] },
  { args: ['get', 'ns', '-o', 'NAME'] },
  { args: ['get', 'ns', '-o', 'Wide'] },
  { args: ['get', 'ns', '-o', 'JSON=x'] },
  // only -o json and yaml drop managedFields
  { args: ['get', 'ns', 'default', '-o', 'jsonpath={.metadata.managedFields[*].operation}'] },
  // a context the config lacks: Namespace() first (unless -n), ClientConfig()'s own words after
  { args: ['get', 'pods', '--context=nope', '-n', 'default'] },
  { args: ['version', '--context=nope'] },
  { args: ['api-resources', '--context=nope'] },
  { args: ['config', 'view', '-o', 'go-template={{range .contexts}}{{.name}}{{end}}'] },
  // labels.Parse on the client before anything is asked
  { args: ['top', 'pod', '-l', 'bad==x='] },
  // --profile checked by the root's PersistentPreRunE, for any command
  { args: ['get', 'ns', 'default', '--profile=bad'] },
  { args: ['config', '--profile=bad'] },
  // klog's flags, checked by the flag package and by klog
  { args: ['get', 'ns', 'default', '--log-flush-frequency=abc'] },
  { args: ['get', 'ns', 'default', '--vmodule=x'] },
  { args: ['get', 'ns', 'default', '--vmodule=a=1,,b=2'] },
  // TYPE/NAME split as the builder splits it
  { args: ['get', 'pods/x/y'] },
  { args: ['get', '/busy'] },
  { args: ['get', 'pods,svc/x'] },
  // -k: the kustomization's build is one more stream (objects the cluster does not have)
  { args: ['get', '-k', 'kus'] },
  { args: ['describe', '-k', 'kus'] },
  { args: ['delete', '-k', 'kus', '--dry-run=server'] },
  { args: ['get', '-k', 'kusnone'] },
];

describe.skipIf(!hasRealKubectl)('kubectl get, ours against the real one', () => {
  const c = useCluster();
  beforeAll(async () => {
    c.file('kus/kustomization.yaml', 'resources:\n- cm.yaml\nnamePrefix: dev-\n');
    c.file('kus/cm.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\ndata:\n  a: b\n');
    c.file('kusnone/README', 'no kustomization here\n');
    c.file('nouser.yaml', 'apiVersion: v1\nkind: Config\nclusters:\n- name: c\n  cluster:\n    server: https://127.0.0.1:1\ncontexts:\n- name: x\n  context:\n    cluster: c\n    user: ghost\ncurrent-context: x\n');
    // Both sides must see the same state: let the bootstrap workloads settle first.
    await eventually(c, ['get', 'deploy,ds', '-A', '--no-headers'], (out) => out.split('\n').filter(Boolean).length >= 2 && out.split('\n').filter(Boolean).every((l) => /\s(\d+)\/\1\s/.test(l) || /\s(\d+)\s+\1\s+\1\s+\1\s+\1\s/.test(l)), 60_000);
  }, 90_000);
  for (const k of READS) {
    it(k.args.join(' ') || '(no args)', async () => {
      await expectSame(c, k);
    });
  }
});

const LOGS: Case[] = [
  { args: ['-n', 'logs', 'logs', 'two'] },
  { args: ['-n', 'logs', 'logs', 'two', '-c', 'b'] },
  { args: ['-n', 'logs', 'logs', 'two', '--all-containers', '--prefix'], groupByPrefix: true },
  { args: ['-n', 'logs', 'logs', 'two', '--tail=1', '-c', 'a'] },
  { args: ['-n', 'logs', 'logs', 'two', 'a'] },
  { args: ['-n', 'logs', 'logs', 'two', '-c', 'b', '--limit-bytes=2'] },
  { args: ['-n', 'logs', 'logs', 'two', '-c', 'zz'] },
  { args: ['-n', 'logs', 'logs', 'deploy/web', '--tail=3'] },
  { args: ['-n', 'logs', 'logs', 'deploy/nope'] },
  { args: ['-n', 'logs', 'logs', '-l', 'app=web', '--prefix', '--tail=2'], groupByPrefix: true },
  { args: ['-n', 'logs', 'logs', '-l', 'app=none'] },
  { args: ['-n', 'logs', 'logs', 'nope'] },
  { args: ['-n', 'logs', 'logs'] },
  { args: ['-n', 'logs', 'logs', 'two', '-f', '-c', 'a'] },
  // SelectorsForObject: kinds without a selector, and --all-pods (its pods in Go map order)
  { args: ['-n', 'logs', 'logs', 'cm/kube-root-ca.crt'] },
  { args: ['-n', 'logs', 'logs', 'deploy/web', '--all-pods', '--tail=1'], groupByPrefix: true },
];

describe.skipIf(!hasRealKubectl)('kubectl logs, ours against the real one', () => {
  const c = useCluster();
  beforeAll(async () => {
    await c.kubectl(['create', 'ns', 'logs']);
    await eventually(c, ['-n', 'logs', 'get', 'sa', 'default', '-o', 'name'], (out) => out !== '');
    await c.kubectl(['-n', 'logs', 'create', 'deploy', 'web', '--image=nginx', '--replicas=2']);
    await c.kubectl(['-n', 'logs', 'run', 'two', '--image=busybox', '--restart=Never', '--overrides',
      '{"spec":{"containers":[{"name":"a","image":"busybox","command":["sh","-c","echo A1; echo A2"]},{"name":"b","image":"busybox","command":["sh","-c","echo B1"]}]}}']);
    await eventually(c, ['-n', 'logs', 'get', 'pods', '--no-headers'], (out) => /two\s+0\/2\s+Completed/.test(out) && (out.match(/1\/1\s+Running/g) ?? []).length === 2, 60_000);
  }, 90_000);
  for (const k of LOGS) {
    it(k.args.join(' '), async () => {
      await expectSame(c, k);
    });
  }
});

const TEMPLATES: Case[] = [
  { args: ['get', 'ns', 'default', '--template', '{{.metadata.name}}'] },
  { args: ['get', 'ns', '-o', 'jsonpath', '--template', '{.items[*].metadata.name}'] },
  { args: ['get', 'ns', 'default', '-o', 'go-template={{.metadata.nope.x}}'] },
  { args: ['get', 'ns', 'default', '-o', 'jsonpath={.metadata.nope}', '--allow-missing-template-keys=false'] },
  { args: ['get', 'ns', '-o', 'jsonpath={.items[*].metadata.name}'] },
  { args: ['get', 'ns', 'default', '-o', 'jsonpath={.metadata.name}{"\\n"}'] },
  { args: ['get', 'nodes', '-o', 'jsonpath={range .items[*]}{.metadata.name}{"\\t"}{.status.addresses[?(@.type=="InternalIP")].address}{"\\n"}{end}'] },
  { args: ['get', 'nodes', '-o', 'jsonpath={.items[0].metadata.labels}'] },
  { args: ['get', 'svc', '-A', '-o', 'jsonpath-as-json={.items[*].spec.ports[*].port}'] },
  { args: ['get', 'ns', '-o', 'jsonpath={.items[*].metadata.name'] },
  { args: ['get', 'ns', '-o', 'jsonpath'] },
  { args: ['get', 'ns', 'default', '-o', 'jsonpath={.spec.nope}'] },
  { args: ['get', 'ns', '-o', 'jsonpath-file=/nope'] },
  { args: ['get', 'nodes', '-o', 'custom-columns=NAME:.metadata.name,CIDR:.spec.podCIDR,TAINTS:.spec.taints[*].key'] },
  { args: ['get', 'pods', '-A', '-o', 'custom-columns=NS:metadata.namespace,NAME:metadata.name', '--no-headers'] },
  { args: ['get', 'pods', '-A', '-o', 'custom-columns=NAME'] },
  { args: ['get', 'pods', '-o', 'custom-columns=NAME:.metadata.name'] },
  { args: ['get', 'ns', '-o', 'custom-columns-file=/nope'] },
  { args: ['get', 'pods', '-A', '--sort-by=.metadata.name'] },
  { args: ['get', 'pods', '-A', '--sort-by={.status.podIP}', '-o', 'wide'] },
  { args: ['get', 'nodes', '--sort-by=.metadata.name', '-o', 'name'] },
  { args: ['get', 'ns', '--sort-by=.metadata.nope'] },
  { args: ['get', 'ns', '--sort-by=.metadata.nope', '-o', 'name'] },
  { args: ['get', 'svc', '-A', '--sort-by=.spec.ports[0].port', '-o', 'jsonpath={.items[*].metadata.name}'] },
];

describe.skipIf(!hasRealKubectl)('kubectl get -o templates and --sort-by, ours against the real one', () => {
  const c = useCluster();
  beforeAll(async () => {
    await eventually(c, ['get', 'pods', '-A', '--no-headers'], (out) => {
      const lines = out.split('\n').filter(Boolean);
      return lines.length >= 5 && lines.every((l) => /\s(\d+)\/\1\s+Running/.test(l));
    }, 60_000);
  }, 90_000);
  for (const k of TEMPLATES) {
    it(k.args.join(' '), async () => {
      await expectSame(c, k);
    });
  }
});

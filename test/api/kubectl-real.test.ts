// The real kubectl against a real daemon (`kubedojo up` on a temporary home): the outputs a user
// sees on a kubeadm cluster for the same commands. Ages are normalised; everything else is exact.
import { describe, expect, it } from 'vitest';
import { hasRealKubectl, useCluster } from '../support/cluster.js';

/** Ages vary, and the column widths with them (kubectl aligns; the server sends cells). */
const ages = (s: string) => s.replace(/\b(\d+(s|m|h|d)(\d+(s|m|h))?|<invalid>)(?=\s|$)/gm, '<age>').replace(/ {2,}/g, '  ');

describe.skipIf(!hasRealKubectl)('real kubectl against the apiserver', () => {
  const c = useCluster();

  it('lists the bootstrap namespaces and nodes', async () => {
    const ns = await c.kubectl(['get', 'ns']);
    expect(ns.stderr).toBe('');
    expect(ages(ns.stdout)).toBe(ages(
      'NAME              STATUS   AGE\n' +
      'default           Active   <age>\n' +
      'kube-node-lease   Active   <age>\n' +
      'kube-public       Active   <age>\n' +
      'kube-system       Active   <age>\n',
    ));
    const nodes = await c.kubectl(['get', 'nodes']);
    expect(ages(nodes.stdout)).toBe(ages(
      'NAME           STATUS   ROLES           AGE     VERSION\n' +
      'controlplane   Ready    control-plane   <age>   v1.32.4\n' +
      'node01         Ready    <none>          <age>   v1.32.4\n' +
      'node02         Ready    <none>          <age>   v1.32.4\n',
    ));
  });

  it('serves the kubernetes, kube-dns and metrics-server services', async () => {
    const r = await c.kubectl(['get', 'svc', '-A']);
    const ip = /metrics-server +ClusterIP +(10\.(?:9[6-9]|10[0-9]|11[01])\.\d+\.\d+) /.exec(r.stdout)?.[1] ?? '<no metrics-server>';
    const w = Math.max(ip.length, 'CLUSTER-IP'.length);
    const row = (ns: string, name: string, cip: string, ports: string) => `${ns.padEnd(14)}${name.padEnd(16)}ClusterIP   ${cip.padEnd(w + 3)}<none>        ${ports.padEnd(25)}<age>\n`;
    expect(ages(r.stdout)).toBe(ages(
      `NAMESPACE     NAME            TYPE        ${'CLUSTER-IP'.padEnd(w + 3)}EXTERNAL-IP   PORT(S)                  AGE\n` +
      row('default', 'kubernetes', '10.96.0.1', '443/TCP') +
      row('kube-system', 'kube-dns', '10.96.0.10', '53/UDP,53/TCP,9153/TCP') +
      row('kube-system', 'metrics-server', ip, '443/TCP'),
    ));
  });

  it('creates, reads, scales, patches, labels and deletes a deployment', async () => {
    expect(await c.kubectl(['create', 'deployment', 'web', '--image=nginx:1.27'])).toEqual({ stdout: 'deployment.apps/web created\n', stderr: '', code: 0 });
    const again = await c.kubectl(['create', 'deployment', 'web', '--image=nginx:1.27']);
    expect(again).toEqual({ stdout: '', stderr: 'error: failed to create deployment: deployments.apps "web" already exists\n', code: 1 });
    const spec = await c.kubectl(['get', 'deploy', 'web', '-o', 'jsonpath={.spec.replicas} {.spec.strategy.type} {.spec.template.spec.containers[0].imagePullPolicy} {.metadata.generation}']);
    expect(spec.stdout).toBe('1 RollingUpdate IfNotPresent 1');
    expect((await c.kubectl(['scale', 'deploy', 'web', '--replicas=3'])).stdout).toBe('deployment.apps/web scaled\n');
    expect((await c.kubectl(['patch', 'deploy', 'web', '-p', '{"spec":{"replicas":2}}'])).stdout).toBe('deployment.apps/web patched\n');
    expect((await c.kubectl(['patch', 'deploy', 'web', '--type=merge', '-p', '{"metadata":{"labels":{"tier":"front"}}}'])).stdout).toBe('deployment.apps/web patched\n');
    expect((await c.kubectl(['patch', 'deploy', 'web', '--type=json', '-p', '[{"op":"replace","path":"/spec/replicas","value":4}]'])).stdout).toBe('deployment.apps/web patched\n');
    expect((await c.kubectl(['label', 'deploy', 'web', 'env=prod'])).stdout).toBe('deployment.apps/web labeled\n');
    expect((await c.kubectl(['annotate', 'deploy', 'web', 'owner=me'])).stdout).toBe('deployment.apps/web annotated\n');
    const after = await c.kubectl(['get', 'deploy', 'web', '-o', 'jsonpath={.spec.replicas} {.metadata.labels.tier} {.metadata.labels.env} {.metadata.generation}']);
    // spec changes and (a deployment's strategy) annotation changes bump generation: create, scale, two replica patches, annotate
    expect(after.stdout).toBe('4 front prod 5');
    const wide = await c.kubectl(['get', 'deploy', 'web', '-o', 'wide']);
    // READY, UP-TO-DATE and AVAILABLE follow the controllers and kubelets, wherever they have got to.
    expect(ages(wide.stdout).replace(/^web {2}\d\/4 {2}\d {2}\d /m, 'web  n/4  n  n ')).toBe(ages(
      'NAME   READY   UP-TO-DATE   AVAILABLE   AGE     CONTAINERS   IMAGES       SELECTOR\n' +
      'web    n/4     n            n           <age>   nginx        nginx:1.27   app=web\n',
    ));
    expect((await c.kubectl(['autoscale', 'deploy', 'web', '--min=2', '--max=5', '--cpu-percent=50'])).stdout).toBe('horizontalpodautoscaler.autoscaling/web autoscaled\n');
    const hpa = await c.kubectl(['get', 'hpa', 'web']);
    expect(ages(hpa.stdout)).toBe(ages(
      'NAME   REFERENCE        TARGETS              MINPODS   MAXPODS   REPLICAS   AGE\n' +
      'web    Deployment/web   cpu: <unknown>/50%   2         5         0          <age>\n',
    ));
    expect(await c.kubectl(['delete', 'deploy', 'web'])).toEqual({ stdout: 'deployment.apps "web" deleted\n', stderr: '', code: 0 });
  });

  it('defaults and admits a pod as upstream does', async () => {
    expect((await c.kubectl(['run', 'p', '--image=nginx'])).stdout).toBe('pod/p created\n');
    const r = await c.kubectl(['get', 'pod', 'p', '-o', 'jsonpath={.spec.serviceAccountName} {.spec.containers[0].imagePullPolicy} {.spec.restartPolicy} {.spec.dnsPolicy} {.spec.terminationGracePeriodSeconds} {.spec.schedulerName} {.spec.tolerations[*].key} {.status.phase} {.status.qosClass} {.spec.priority} {.spec.enableServiceLinks}']);
    // The phase is the kubelet's by now or soon (Pending until it runs the pod).
    expect(r.stdout).toMatch(/^default Always Always ClusterFirst 30 default-scheduler node\.kubernetes\.io\/not-ready node\.kubernetes\.io\/unreachable (Pending|Running) BestEffort 0 true$/);
    const mounts = await c.kubectl(['get', 'pod', 'p', '-o', 'jsonpath={.spec.containers[0].volumeMounts[0].mountPath}']);
    expect(mounts.stdout).toBe('/var/run/secrets/kubernetes.io/serviceaccount');
    const get = await c.kubectl(['get', 'pod', 'p']);
    expect(ages(get.stdout)).toMatch(/^NAME {2}READY {2}STATUS {2}RESTARTS {2}AGE\np {2}[01]\/1 {2}(Pending|ContainerCreating|Running) {2}0 {2}<age>\n$/);
    expect(await c.kubectl(['delete', 'pod', 'p'])).toEqual({ stdout: 'pod "p" deleted\n', stderr: '', code: 0 });
  });

  it('validates kind: List files against the OpenAPI v2 document (protobuf), as kubectl does', async () => {
    const list = (await c.kubectl(['get', 'svc', 'kubernetes', '-o', 'yaml'])).stdout;
    expect(await c.kubectl(['replace', '-f', '-'], { stdin: list })).toEqual({ stdout: 'service/kubernetes replaced\n', stderr: '', code: 0 });
    const items = (await c.kubectl(['get', 'svc', '-o', 'yaml'])).stdout;
    expect((await c.kubectl(['replace', '-f', '-'], { stdin: items })).stdout).toBe('service/kubernetes replaced\n');
    const bad = 'apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: ConfigMap\n  metadata:\n    name: in-list\n  dataa:\n    k: v\n';
    expect(await c.kubectl(['create', '-f', '-'], { stdin: bad })).toEqual({
      stdout: '',
      stderr: 'error: error validating "STDIN": error validating data: ValidationError(ConfigMap): unknown field "dataa" in io.k8s.api.core.v1.ConfigMap; if you choose to ignore these errors, turn validation off with --validate=false\n',
      code: 1,
    });
  });

  it('prints upstream errors', async () => {
    expect(await c.kubectl(['get', 'pod', 'nope'])).toEqual({ stdout: '', stderr: 'Error from server (NotFound): pods "nope" not found\n', code: 1 });
    const bad = await c.kubectl(['run', 'Bad_Name', '--image=nginx']);
    expect(bad.stderr).toBe(
      'The Pod "Bad_Name" is invalid: \n' +
      '* metadata.name: Invalid value: "Bad_Name": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, \'-\' or \'.\', and must start and end with an alphanumeric character (e.g. \'example.com\', regex used for validation is \'[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\')\n' +
      '* spec.containers[0].name: Invalid value: "Bad_Name": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or \'-\', and must start and end with an alphanumeric character (e.g. \'my-name\',  or \'123-abc\', regex used for validation is \'[a-z0-9]([-a-z0-9]*[a-z0-9])?\')\n',
    );
    expect(bad.code).toBe(1);
    const nons = await c.kubectl(['run', 'x', '--image=nginx', '-n', 'missing']);
    expect(nons.stderr).toBe('Error from server (NotFound): namespaces "missing" not found\n');
  });

  it('answers auth can-i, impersonation and tokens', async () => {
    expect(await c.kubectl(['auth', 'can-i', 'create', 'pods'])).toEqual({ stdout: 'yes\n', stderr: '', code: 0 });
    expect(await c.kubectl(['auth', 'can-i', 'create', 'pods', '--as=bob'])).toEqual({ stdout: 'no\n', stderr: '', code: 1 });
    const forbidden = await c.kubectl(['get', 'pods', '--as=bob']);
    expect(forbidden.stderr).toBe('Error from server (Forbidden): pods is forbidden: User "bob" cannot list resource "pods" in API group "" in the namespace "default"\n');
    expect(await c.kubectl(['auth', 'can-i', 'list', 'pods', '--as=system:serviceaccount:kube-system:namespace-controller'])).toEqual({ stdout: 'yes\n', stderr: '', code: 0 });
    const token = await c.kubectl(['create', 'token', 'default']);
    expect(token.stdout).toMatch(/^eyJ[\w-]+\.[\w-]+\.[\w-]+$/);
    const server = (await c.kubectl(['config', 'view', '--minify', '-o', 'jsonpath={.clusters[0].cluster.server}'])).stdout;
    const ca = `${c.env.KUBEDOJO_HOME}/${c.name}/nodes/controlplane/etc/kubernetes/pki/ca.crt`;
    const tokenOnly = ['--kubeconfig', c.file('empty.conf', ''), '--server', server, '--certificate-authority', ca, '--token', token.stdout];
    const whoami = await c.kubectl(['auth', 'whoami', ...tokenOnly]);
    expect(whoami.stdout).toContain('Username                                            system:serviceaccount:default:default\n');
    expect(whoami.stdout).toContain('Groups                                              [system:serviceaccounts system:serviceaccounts:default system:authenticated]\n');
    expect(whoami.stdout).toMatch(/Extra: authentication\.kubernetes\.io\/credential-id   \[JTI=[0-9a-f-]{36}\]\n/);
    const bare = { env: { KUBECONFIG: c.file('anon.conf', '') } };
    const badToken = await c.kubectl(['get', 'pods', '--server', server, '--certificate-authority', ca, '--token', 'nope'], bare);
    expect(badToken.stderr).toBe('error: You must be logged in to the server (Unauthorized)\n');
  });
});

// `kubectl config view` and what the files it prints look like, ours against the real kubectl:
// --minify, --flatten, --raw, redaction, output formats, names and values YAML must quote.
import { describe, it } from 'vitest';
import { hasRealKubectl } from '../support/cluster.js';
import { expectSameFlow, type ConfigFlow } from './config-differential.js';
import { CERTS, TWO_CONTEXTS } from './config-fixtures.js';

const FLOWS: ConfigFlow[] = [
  {
    name: 'view: minify, flatten, raw, redaction',
    kubeconfig: 'kc',
    files: {
      ...CERTS,
      kc: `clusters:
- name: files
  cluster: {server: 'https://f', certificate-authority: pki/ca.crt}
users:
- name: files
  user: {client-certificate: pki/c.crt, client-key: pki/k.key, token: t, password: ""}
- name: empty-data
  user: {client-key-data: "", token: ""}
contexts:
- name: files
  context: {cluster: files, user: files}
- name: broken
  context: {cluster: nope, user: files}
`,
    },
    steps: [
      ['config', 'view', '--minify'],
      ['config', 'view', '--minify', '--context=files'],
      ['config', 'view', '--minify', '--context=broken'],
      ['config', 'view', '--minify', '--context=none'],
      ['config', 'view', '--flatten'],
      ['config', 'view', '--flatten', '--minify', '--context=files', '-o', 'json'],
      ['config', 'view'],
      ['config', 'view', '--raw'],
      ['config', 'view', 'extra'],
    ],
  },
  {
    name: 'flatten reads files relative to the kubeconfig, not the working directory',
    kubeconfig: 'sub/kc',
    files: { ...CERTS, 'sub/pki/ca.crt': 'SUBCA\n', 'sub/kc': 'clusters:\n- name: c\n  cluster: {server: s, certificate-authority: pki/ca.crt}\n- name: d\n  cluster: {server: s, certificate-authority: ../pki/c.crt}\n' },
    steps: [['config', 'view', '--flatten'], ['config', 'view', '--flatten', '--kubeconfig=pki/nope']],
  },
  {
    name: 'view output formats',
    kubeconfig: 'kc',
    files: { kc: TWO_CONTEXTS },
    steps: [
      ['config', 'view', '-o', 'json'],
      ['config', 'view', '-o', 'yaml'],
      ['config', 'view', '-o', 'name'],
      ['config', 'view', '-o', 'wide'],
      ['config', 'view', '-o', 'jsonpath={.contexts[*].name}'],
      ['config', 'view', '-o', 'jsonpath={range .users[*]}{.name}={.user.token}{"\\n"}{end}'],
      ['config', 'view', '-o', 'jsonpath-as-json={.clusters[*].cluster.server}'],
      ['config', 'view', '-o', 'jsonpath={.nope}'],
      ['config', 'view', '-o', 'jsonpath={.nope}', '--allow-missing-template-keys=false'],
      ['config', 'view', '-o', 'jsonpath={.contexts[0'],
      ['config', 'view', '-o', 'jsonpath'],
      ['config', 'view', '-o', 'jsonpath', '--template={.kind}'],
      ['config', 'view', '-o', 'jsonpath-file=nope'],
    ],
  },
  {
    name: 'names and values YAML must quote, and long ones',
    kubeconfig: 'kc',
    steps: [
      ['config', 'set-cluster', 'y', '--server=123'],
      ['config', 'set-cluster', 'on', '--server=https://a.very.long.host.name.example.com:6443/with/a/long/path/that/goes/past/eighty/columns'],
      ['config', 'set-context', 'a:b', '--cluster=y', '--user=with space', '--namespace=true'],
      ['config', 'set-context', 'ünï.cöde', '--cluster=-dash', '--user=#hash', '--namespace=0777'],
      ['config', 'set-credentials', 'with space', '--exec-command=cmd', '--exec-arg=a long argument with spaces that goes on and on past the eightieth column of the line', '--exec-env=K=multi word value'],
      ['config', 'set', 'users.u10.username', 'x'],
      ['config', 'set', 'users.u9.username', 'null'],
      ['config', 'use-context', 'a:b'],
      ['config', 'view'],
      ['config', 'view', '-o', 'json'],
      ['config', 'get-contexts'],
      ['config', 'get-users'],
    ],
  },
];

describe.skipIf(!hasRealKubectl)('kubectl config view, ours against the real one', () => {
  for (const flow of FLOWS) {
    it(flow.name, async () => {
      await expectSameFlow(flow);
    });
  }
});

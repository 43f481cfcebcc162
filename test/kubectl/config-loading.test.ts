// Reading kubeconfig files, ours against the real kubectl: odd $KUBECONFIG lists, YAML 1.1
// scalars, encoding/json's type errors, base64 data, repeated names, unknown kinds and fields,
// extensions — each file viewed as YAML and JSON, then rewritten by adding a context.
import { describe, it } from 'vitest';
import { hasRealKubectl } from '../support/cluster.js';
import { expectSameFlow, type ConfigFlow } from './config-differential.js';

const FLOWS: ConfigFlow[] = [
  {
    name: 'unreadable kubeconfigs',
    kubeconfig: 'kc',
    files: { kc: 'foo: [\n', json: '{"apiVersion":"v1","kind":"Config","current-context":"j","users":[{"name":"u","user":{"exec":{"command":"x"}}}]}' },
    steps: [
      ['config', 'view'],
      ['config', 'get-contexts'],
      ['config', 'set-context', 'x'],
      ['config', 'view', '--kubeconfig=json'],
      ['config', 'set-context', 'q', '--kubeconfig=json'],
      ['config', 'view', '--kubeconfig=json'],
    ],
  },
  {
    name: 'KUBECONFIG lists with empty, repeated and directory entries',
    kubeconfig: 'a::a:d',
    files: { 'd/x': '', a: 'current-context: a\n' },
    steps: [
      ['config', 'view'],
      ['config', 'set-context', 'c'],
      ['config', 'unset', 'current-context'],
      ['config', 'view', '--kubeconfig=a'],
    ],
  },
  {
    name: 'KUBECONFIG with two unreadable files',
    kubeconfig: 'bad1:good:bad2',
    files: { bad1: 'clusters: 5\n', good: 'current-context: g\n', bad2: 'foo: [\n' },
    steps: [['config', 'view'], ['config', 'current-context'], ['config', 'use-context', 'x']],
  },
  {
    name: 'KUBECONFIG with only missing files: the last one is created',
    kubeconfig: 'x/one:y/two',
    steps: [['config', 'set', 'preferences.colors', 'true'], ['config', 'set-credentials', 'u', '--token=t'], ['config', 'view']],
  },
  {
    // the request path reads kubeconfig files with its own loader: refusals must match there too
    name: 'requests with a kubeconfig clientcmd refuses',
    kubeconfig: 'dup',
    files: {
      dup: 'clusters:\n- name: a\n  cluster:\n    server: https://127.0.0.1:1\n- name: a\n  cluster:\n    server: https://127.0.0.1:2\n',
      indent: 'apiVersion: v1\nclusters:\n- cluster:\n    server: https://127.0.0.1:1\n   name: c\n',
      colon: 'apiVersion: v1\nclusters\n- name: c\n',
      typed: 'clusters:\n- name: a\n  cluster:\n    server: 5\n',
    },
    steps: [
      ['get', 'pods'], ['auth', 'whoami', '-v=6'], ['get', 'pods', '--kubeconfig=indent'], ['get', 'ns', '--kubeconfig=colon'],
      ['get', 'ns', '--kubeconfig=typed'],
    ],
  },
  {
    // clientcmd reads every file of the list, then reports each one it could not read
    name: 'requests with a KUBECONFIG list of refused files',
    kubeconfig: 'typed:good:yaml:base64',
    files: {
      typed: 'clusters:\n- name: a\n  cluster:\n    server: 5\n',
      good: 'current-context: g\n',
      yaml: 'foo: [\n',
      base64: 'users:\n- name: u\n  user:\n    client-key-data: QUJ\n',
    },
    steps: [['get', 'pods'], ['api-resources']],
  },
  ...(
    [
      ['bad-base64', 'users:\n- name: u\n  user:\n    client-key-data: QUJ\n'],
      ['wrong-type', 'clusters:\n- name: a\n  cluster:\n    server: 5\n'],
      ['yaml-bool', 'clusters:\n- name: a\n  cluster:\n    server: yes\n'],
      ['wrong-list', 'clusters: 5\n'],
      ['wrong-item', 'contexts: [5]\n'],
      ['wrong-struct', 'preferences: []\n'],
      ['wrong-ptr', 'users:\n- name: a\n  user:\n    exec: 5\n'],
      ['wrong-kind', 'kind: Pod\napiVersion: v1\n'],
      ['wrong-version', 'apiVersion: v2\n'],
      ['top-level-list', '- a\n'],
      ['top-level-string', 'foo\n'],
      ['numeric-version', 'apiVersion: 5\n'],
      ['duplicate-names', 'clusters:\n- name: a\n  cluster:\n    server: x\n- name: a\n  cluster:\n    server: z\n'],
      ['duplicate-keys', 'current-context: a\ncurrent-context: b\n'],
      ['case-sensitive', 'clusters:\n- name: a\n  cluster:\n    Server: x\n'],
      ['yaml-1.1-strings', 'clusters:\n- name: a\n  cluster:\n    server: 1:20\n    tls-server-name: 2001-12-14\n'],
      ['extensions', 'contexts:\n- name: a\n  context: {cluster: c, user: u, extensions: [{name: e, extension: {b: 1, a: [x]}}]}\nextensions: [{name: top, extension: {kind: Foo}}]\n'],
      ['tab-indent', 'clusters:\n- name: a\n  cluster:\n\tserver: x\n'],
      ['unclosed-quote', 'current-context: "x\n'],
      ['nested-compact-mapping', 'current-context: b: c\n'],
      ['bad-mapping-indent', 'clusters:\n  - name: b\n c: d\n'],
      ['unclosed-flow-map', '{current-context: 1\n'],
      ['unclosed-flow-sequence', 'clusters: [\n'],
      ['multiline-implicit-key', 'clusters:\n- b\n  c: d\n'],
      ['comment-only', '# nothing\n'],
      ['null-document', 'null\n'],
      ['missing-name', 'clusters:\n- cluster:\n    server: x\n'],
    ] as const
  ).map(([name, text]): ConfigFlow => ({
    name: `loading: ${name}`,
    kubeconfig: 'kc',
    files: { kc: text },
    steps: [['config', 'view'], ['config', 'view', '-o', 'json'], ['config', 'set-context', 'added']],
  })),
];

describe.skipIf(!hasRealKubectl)('kubectl config reading kubeconfig files, ours against the real one', () => {
  for (const flow of FLOWS) {
    it(flow.name, async () => {
      await expectSameFlow(flow);
    });
  }
});

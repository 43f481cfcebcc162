// -o and --template together, as each command's PrintFlags.ToPrinter chooses the printer: a bare
// template format takes --template as its value, `format=value` with --template set matches no
// printer, --template alone means go-template (get: only when -o is empty). Also pflag's reading
// of a bare `-o=` (the value "=") and of unknown shorthands. Nothing here changes the cluster.
import { beforeAll, describe, it } from 'vitest';
import { eventually, hasRealKubectl, useCluster } from '../support/cluster.js';
import { expectSame, type Case } from './differential.js';

const DEPLOY = `apiVersion: apps/v1
kind: Deployment
metadata: {name: local}
spec:
  selector: {matchLabels: {app: local}}
  template:
    metadata: {labels: {app: local}}
    spec: {containers: [{name: c, image: nginx}]}
`;

const both = (args: string[]): string[][] => [
  [...args, '-o', 'jsonpath', '--template={.kind}'],
  [...args, '-o', 'jsonpath={.kind}', '--template={.kind}'],
  [...args, '-o', 'go-template={{.kind}}', '--template={{.kind}}'],
];

const CASES: Case[] = [
  ...both(['get', 'ns', 'default']),
  ...both(['create', 'cm', 'x', '--dry-run=client']),
  ...both(['label', '--local', '-f', 'deploy.yaml', 'a=b']),
  ...both(['config', 'view']),
  ...both(['events', '-n', 'kube-system']),
  ...both(['auth', 'whoami']),
  ['get', 'ns', 'default', '-o', 'jsonpath=', '--template={.kind}'],
  ['get', 'ns', 'default', '-o', 'custom-columns=A:.kind', '--template={.kind}'],
  ['get', 'ns', 'default', '-o', 'custom-columns', '--template=A:.kind'],
  ['get', 'ns', 'default', '-o', 'yaml', '--template={.kind}'],
  ['get', 'ns', 'default', '-o', 'foo', '--template=x'],
  ['get', 'ns', 'default', '--output=', '--template={{.kind}}'],
  ['create', 'cm', 'x', '--dry-run=client', '--output=', '--template={{.kind}}'],
  ['create', 'cm', 'x', '--dry-run=client', '-o', 'foo', '--template={{.kind}}'],
  ['config', 'view', '--output=', '--template={{.kind}}'],
  ['config', 'view', '-o', 'jsonpath-file='],
  ['events', '-n', 'kube-system', '--template={.kind}', '--no-headers', '--types=Bogus'],
  ['events', '-n', 'kube-system', '--types=bad', '-o', 'bad'],
  // pflag: `-o=` is -o with the value "=", `-A=` is -A then the unknown shorthand '='
  ['get', 'ns', '-o='], ['get', 'ns', '-A='], ['get', 'ns', '-Awz'], ['get', 'ns', '-zA'],
].map((args) => ({ args }));

describe.skipIf(!hasRealKubectl)('printer choice from -o and --template, ours against the real kubectl', () => {
  const c = useCluster();
  beforeAll(async () => {
    c.file('deploy.yaml', DEPLOY);
    await eventually(c, ['get', 'sa', 'default', '-o', 'name'], (out) => out !== '');
  }, 60_000);
  for (const k of CASES) {
    it(k.args.join(' '), async () => {
      await expectSame(c, k);
    });
  }
});

// kubectl events: ours against the real kubectl on one live cluster.
import { beforeAll, describe, it } from 'vitest';
import { eventually, hasRealKubectl, useCluster } from '../support/cluster.js';
import { expectSame, type Case } from './differential.js';

const CASES: Case[] = [
  { args: ['events', '-n', 'ev'] },
  { args: ['events', '-A'] },
  { args: ['events', '-n', 'ev', '--for', 'deploy/web'] },
  { args: ['events', '-n', 'ev', '--for=pod/nope'] },
  { args: ['events', '-n', 'ev', '--for=foo/x'] },
  { args: ['events', '-n', 'ev', '--types=Warning'] },
  { args: ['events', '-n', 'ev', '--types=Bogus'] },
  { args: ['events', '-n', 'ev', '--no-headers', '--types=normal'] },
  { args: ['events', '-n', 'empty'] },
  { args: ['events', '-n', 'ev', '-o', 'name'] },
  { args: ['events', '-n', 'ev', '--for', 'deploy/web', '-o', 'jsonpath={.items[*].reason}'] },
  { args: ['events', '-n', 'ev', '--for', 'deploy/web', '-o', 'yaml'] },
  { args: ['events', '-n', 'ev', '--for', 'deploy/web', '-o', 'json'] },
  // --show-managed-fields keeps each event's managedFields; --chunk-size is taken but never read
  { args: ['events', '-n', 'ev', '--for', 'deploy/web', '-o', 'json', '--show-managed-fields'] },
  { args: ['events', '-n', 'ev', '--for', 'deploy/web', '-o', 'yaml', '--show-managed-fields'] },
  { args: ['events', '-n', 'ev', '--types=Normal', '--chunk-size=1'] },
];

describe.skipIf(!hasRealKubectl)('kubectl events, ours against the real one', () => {
  const c = useCluster();
  beforeAll(async () => {
    await c.kubectl(['create', 'ns', 'ev']);
    await eventually(c, ['-n', 'ev', 'get', 'sa', 'default', '-o', 'name'], (out) => out !== '');
    await c.kubectl(['-n', 'ev', 'create', 'deploy', 'web', '--image=nginx']);
    await c.kubectl(['-n', 'ev', 'create', 'job', 'once', '--image=busybox', '--', 'sh', '-c', 'exit 0']);
    await c.kubectl(['-n', 'ev', 'run', 'fails', '--image=busybox', '--restart=Never', '--', 'sh', '-c', 'exit 3']);
    await eventually(c, ['-n', 'ev', 'get', 'pods', '--no-headers'], (out) => /Completed/.test(out) && /\sError\s/.test(out) && /1\/1\s+Running/.test(out), 60_000);
    // Let the burst of events settle so both sides list the same ones.
    await new Promise((r) => setTimeout(r, 3000));
  }, 90_000);
  for (const k of CASES) {
    it(k.args.join(' '), async () => {
      await expectSame(c, k);
    });
  }
});

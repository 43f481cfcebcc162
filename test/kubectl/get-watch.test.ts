// `kubectl get -w / --watch-only`, ours against the real one on one cluster. Each side watches
// ConfigMaps for two seconds (--request-timeout ends the watch quietly); as soon as its watch
// request is logged (-v=6) the same change is made, and undone once the side has ended, so both
// see the same first state and the same events. Also `get -f`, --ignore-not-found,
// --server-print=false and --sort-by over several infos, which the real kubectl fails.
import { spawn } from 'node:child_process';
import { Readable } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/kubectl/main.js';
import { eventually, hasRealKubectl, REAL_KUBECTL, useCluster, type RunResult, type TestCluster } from '../support/cluster.js';
import { expectSame, type Case } from './differential.js';
import { runOurs } from './in-process.js';
import { normalise } from './normalise.js';

const WATCHED = /[?&]watch=true[& ]/;

/** Runs one side; `onWatching` once its stderr logs the watch request. */
function runWatching(c: TestCluster, side: 'real' | 'ours', args: string[], onWatching: () => Promise<void>): Promise<RunResult> {
  let stdout = '';
  let stderr = '';
  let triggered: Promise<void> | undefined;
  const seen = (): void => {
    if (triggered === undefined && WATCHED.test(stderr)) triggered = onWatching();
  };
  const finish = async (code: number): Promise<RunResult> => {
    await triggered;
    return { stdout, stderr, code };
  };
  if (side === 'ours') {
    const io = {
      stdout: { write: (s: string | Uint8Array) => { stdout += Buffer.from(s).toString('utf8'); return true; } },
      stderr: { write: (s: string | Uint8Array) => { stderr += Buffer.from(s).toString('utf8'); seen(); return true; } },
      stdin: Readable.from([]),
      env: { ...c.env },
      cwd: c.home,
    };
    return main(args, io).then(finish);
  }
  return new Promise((resolve, reject) => {
    const child = spawn(REAL_KUBECTL, args, { env: c.env, cwd: c.home });
    child.stdout.on('data', (d: Buffer) => { stdout += d.toString('utf8'); });
    child.stderr.on('data', (d: Buffer) => { stderr += d.toString('utf8'); seen(); });
    child.on('error', reject);
    child.on('close', (code) => { finish(code ?? -1).then(resolve, reject); });
  });
}

/**
 * What differs between two runs besides normalise(): request times, watch resourceVersions, and
 * the words of streamwatcher's line on the deadline's cut (three, as Go's goroutines race).
 */
const mask = (s: string): string => normalise(s)
  .replace(/ in \d+ milliseconds/g, ' in N milliseconds')
  .replace(/resourceVersion=\d+/g, 'resourceVersion=N')
  .replace(/(streamwatcher\.go:114\] Unable to decode an event from the watch stream: ).*/g, '$1<deadline>');

interface WatchCase {
  args: string[];
  change: string[];
  undo: string[];
}

const NS = ['-n', 'gw'];
const LABEL = { change: [...NS, 'label', 'cm', 'one', 'watched=yes'], undo: [...NS, 'label', 'cm', 'one', 'watched-'] };
const watching = (...args: string[]): WatchCase => ({ args: [...NS, 'get', ...args, '--request-timeout=2s', '-v=6'], ...LABEL });

const WATCHES: WatchCase[] = [
  watching('cm', '-w'),
  watching('cm', '-w', '--watch-only'),
  watching('cm', '-w', '--output-watch-events', '-L', 'watched'),
  watching('cm', 'one', '-w'),
  watching('cm', 'one', '-w', '--watch-only'),
  watching('cm', 'one', '-w', '--watch-only', '--output-watch-events'),
  watching('cm', '-w', '-o', 'name'),
  watching('cm', '-w', '-o', 'yaml'),
  watching('cm', 'one', '-w', '-o', 'json', '--output-watch-events'),
  watching('cm', '-w', '-o', 'custom-columns=N:.metadata.name,W:.metadata.labels.watched'),
  watching('cm', '-w', '-o', 'jsonpath={.metadata.name}{"\\t"}{.metadata.labels}{"\\n"}'),
  watching('cm', '-w', '-o', 'go-template={{.metadata.name}} ', '--output-watch-events'),
  watching('cm', '-w', '--server-print=false'),
  watching('-f', 'one.yaml', '-w'),
];

const READS: Case[] = [
  // several names print, then only one source can be watched
  { args: [...NS, 'get', 'cm', 'one', 'two', '-w'] },
  { args: [...NS, 'get', 'cm/one', 'cm/two', '-w', '-o', 'name'] },
  { args: [...NS, 'get', 'cm,secrets', '-w'] },
  { args: [...NS, 'get', 'cm', 'nope', '-w', '--ignore-not-found'] },
  { args: [...NS, 'get', 'cm', '-w', '--sort-by=.metadata.name', '--request-timeout=1s'] },
  { args: [...NS, 'get', '-w'] },
  { args: [...NS, 'get', '-f', 'one.yaml', '-f', 'two.yaml', '-w'] },
  { args: [...NS, 'get', '-f', 'one.yaml'] },
  { args: [...NS, 'get', '-f', 'one.yaml', '-f', 'two.yaml', '-o', 'name'] },
  { args: [...NS, 'get', '-f', 'one.yaml', '-o', 'yaml'] },
  { args: [...NS, 'get', '-f', 'one.yaml', '-f', 'nope.yaml'] },
  { args: [...NS, 'get', '-f', 'one.yaml', '-f', 'nope.yaml', '--ignore-not-found', '-o', 'name'] },
  { args: [...NS, 'get', '-f', 'one.yaml', '-l', 'a=b'] },
  { args: [...NS, 'get', '-f', 'one.yaml', '-n', 'default'] },
  { args: [...NS, 'get', 'cm', 'nope', 'one', '--ignore-not-found'] },
  { args: [...NS, 'get', 'cm', 'nope', '-o', 'yaml', '--ignore-not-found'] },
  { args: [...NS, 'get', 'cm', '--server-print=false', '--show-labels'] },
  { args: [...NS, 'get', 'cm', 'one', '-o', 'yaml', '--show-managed-fields'] },
  // RuntimeSorter over several infos: a Table has no .metadata.name
  { args: [...NS, 'get', 'cm', 'one', 'two', '--sort-by=.metadata.name'] },
  { args: [...NS, 'get', 'cm', '--output-watch-events'] },
  { args: [...NS, 'get', 'cm', '--show-labels', '-o', 'yaml'] },
  { args: [...NS, 'get', 'cm,secrets', '--sort-by=.metadata.name'] },
];

/** Request logs (-v=6): which requests, and get's TablePrinter line for what is not a Table. */
const LOGGED: string[][] = [
  [...NS, 'get', 'cm', 'one', '-o', 'go-template={{.metadata.name}}', '-v=6'],
  [...NS, 'get', 'cm', '--sort-by=.metadata.name', '-v=6'],
  [...NS, 'get', '-f', 'one.yaml', '-f', 'two.yaml', '--sort-by=.metadata.name', '-v=6'],
];

describe.skipIf(!hasRealKubectl)('kubectl get -w and -f, ours against the real one', () => {
  const c = useCluster();
  beforeAll(async () => {
    await c.kubectl(['create', 'ns', 'gw']);
    await eventually(c, [...NS, 'get', 'sa', 'default', '-o', 'name'], (out) => out !== '');
    for (const name of ['one', 'two']) {
      await c.kubectl([...NS, 'create', 'cm', name, '--from-literal=k=v']);
      c.file(`${name}.yaml`, `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\n`);
    }
    c.file('nope.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: nope\n');
  }, 60_000);
  for (const k of WATCHES) {
    it(k.args.join(' '), async () => {
      const sides: RunResult[] = [];
      for (const side of ['real', 'ours'] as const) {
        sides.push(await runWatching(c, side, k.args, async () => { await c.kubectl(k.change); }));
        await c.kubectl(k.undo);
      }
      const [real, ours] = sides.map((r) => ({ code: r.code, stdout: mask(r.stdout), stderr: mask(r.stderr) }));
      expect(real?.stderr, 'the watch was made').toMatch(/watch=true/);
      expect(ours, `kubectl ${k.args.join(' ')}`).toEqual(real);
    }, 30_000);
  }
  for (const args of LOGGED) {
    it(args.join(' '), async () => {
      const real = await c.kubectl(args);
      const ours = await runOurs(args, c.env);
      const show = (r: RunResult) => ({ code: r.code, stdout: mask(r.stdout), stderr: mask(r.stderr) });
      expect(show(ours), `kubectl ${args.join(' ')}`).toEqual(show(real));
    });
  }
  for (const k of READS) {
    it(k.args.join(' '), async () => {
      await expectSame(c, k);
    });
  }
});

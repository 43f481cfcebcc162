// kubectl -v: client-go's request logging (loader.go, round_trippers.go, the body lines, the
// Status debug line at 4), ours against the real kubectl on one cluster. Each run gets a fresh
// --cache-dir so both fetch discovery. What Go leaves to map order (header lines, curl's -H
// flags) is compared sorted; times, pids, durations and the Date header are normalised.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, hasRealKubectl, useCluster, type RunResult, type TestCluster } from '../support/cluster.js';
import { runOurs } from './in-process.js';
import { normalise } from './normalise.js';

const dirs: string[] = [];
const freshCache = (): string => {
  const d = mkdtempSync(join(tmpdir(), 'kubectl-cache-'));
  dirs.push(d);
  return d;
};

/** Header lines (and curl's -H flags) in sorted order: Go prints http.Header in map order. */
function sortHeaderBlocks(text: string): string {
  const lines = text.split('\n');
  const out: string[] = [];
  let block: string[] = [];
  const flush = (): void => { out.push(...block.sort()); block = []; };
  for (const l of lines) {
    if (/round_trippers\.go:(480|587)\]/.test(l)) block.push(l.replace(/^\S+ \S+ +\d+ /, ''));
    else { flush(); out.push(l.replace(/(curl -v -X\S+ )((?: -H "(?:[^"\\]|\\.)*")*)/, (_m, head: string, hs: string) => head + (hs.match(/ -H "(?:[^"\\]|\\.)*"/g) ?? []).sort().join(''))); }
  }
  flush();
  return out.join('\n');
}

/** The real kubectl's informer sometimes logs its watch being cut at stop (streamwatcher.go,
 * `Unexpected EOF` or `use of closed network connection`), depending on a race: left out. */
// streamwatcher's lines, and websocket.go:490's "closed channel--returning" (the reader goroutine
// logs it, or not, before the process ends) come and go with goroutine timing in the real kubectl
const dropRacyLines = (text: string): string => text.split('\n').filter((l) => !/ streamwatcher\.go:\d+\] | websocket\.go:490\] closed channel--returning$/.test(l)).join('\n');

function normaliseV(text: string): string {
  return normalise(sortHeaderBlocks(dropRacyLines(text)))
    .replace(/ in \d+ milliseconds/g, ' in N milliseconds')
    .replace(/HTTP Statistics: .*/g, 'HTTP Statistics: …')
    .replace(/Date: .* GMT/g, 'Date: <date>')
    .replace(/Sec-Websocket-Accept: \S+/g, 'Sec-Websocket-Accept: <key>')
    .replace(/\\"resourceVersion\\":\\"\d+\\"/g, '\\"resourceVersion\\":\\"<rv>\\"')
    // a Table's age cells in logged bodies (quoted at -v=8, raw at -v=9) tick between the two runs
    .replace(/(?:\\)?"cells(?:\\)?":\[[^\]]*\]/g, (cells) => cells.replace(/((?:\\)?")\d+[smhdy](?:\d+[smh])?((?:\\)?")/g, '$1<age>$2'))
    // a watch starts from the list's resourceVersion, which moves with the cluster (0 is kept)
    .replace(/([?&]resourceVersion=)[1-9]\d*/g, '$1<rv>')
    .replace(/\[truncated \d+ chars\]/g, '[truncated N chars]');
}

interface VCase {
  args: string[];
  /** run after each side (mutating commands) */
  undo?: string[][];
  stdin?: string;
  /** only the logging is compared (the Debian kubectl's version says v1.32.4-dispatcher) */
  stderrOnly?: boolean;
}

async function side(c: TestCluster, which: 'real' | 'ours', k: VCase): Promise<RunResult> {
  const dash = k.args.indexOf('--');
  const cut = dash < 0 ? k.args.length : dash;
  const args = [...k.args.slice(0, cut), `--cache-dir=${freshCache()}`, ...k.args.slice(cut)];
  const opts = k.stdin === undefined ? {} : { stdin: k.stdin };
  const r = which === 'real' ? await c.kubectl(args, opts) : await runOurs(args, c.env, opts);
  for (const u of k.undo ?? []) await c.kubectl(u);
  return r;
}

const CM_V4 = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: v4\ndata:\n  a: b\n';

const CASES: VCase[] = [
  { args: ['get', 'pods', '-v=6'] },
  { args: ['get', 'ns', '-v=5'] },
  { args: ['get', 'ns', 'default', '-o', 'name', '-v=7'] },
  { args: ['get', 'pod', 'nope', '-v=4'] },
  { args: ['get', 'pod', 'nope', '-v=6'] },
  { args: ['get', 'pods', '-A', '--token=abc', '--as=bob', '--as-group=g1', '--as-group=g2', '-v=7'] },
  { args: ['get', 'ns', 'kube-system', '-v=8'] },
  { args: ['get', 'ns', 'kube-system', '-v=9'] },
  // create's typed clientset speaks protobuf (from -v=7 its headers, from 8 its hex-dumped body): ours sends JSON.
  { args: ['create', 'configmap', 'v1', '--from-literal=a=b', '-v=6'], undo: [['delete', 'cm', 'v1']] },
  { args: ['delete', 'configmap', 'v2', '-v=6'] },
  { args: ['version', '--client', '-v=9'], stderrOnly: true },
  { args: ['config', 'current-context', '-v=6'] },
  // exec's WebSocket upgrade goes through the debugging round tripper too
  { args: ['exec', 'bb', '-v=6', '--', 'echo', 'hi'] },
  { args: ['exec', 'bb', '-v=7', '--', 'echo', 'hi'] },
  { args: ['exec', 'nope', '-v=6', '--', 'true'] },
  { args: ['exec', 'bb', '-v=9', '--', 'sh', '-c', 'echo out; echo err >&2; exit 3'] },
  // -f: the pod as the file has it, not fetched; one the server lacks falls back to SPDY
  { args: ['exec', '-f', '-', '-v=9', '--', 'echo', 'hi'], stdin: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: zz\nspec:\n  containers:\n  - name: zz\n    image: busybox\n' },
  { args: ['exec', '-f', '-', '-v=4', '--', 'echo', 'hi'], stdin: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: bb\nspec:\n  containers:\n  - name: bb\n    image: busybox\n' },
  // so do logs: the pod through the typed builder, then the log stream
  { args: ['logs', 'bb', '-v=7'] },
  { args: ['logs', 'nope', '-v=6'] },
  // --raw: the query re-encoded with its keys sorted; the Status decoded typed
  { args: ['get', '--raw', '/api/v1/pods?watch=true&labelSelector=a%20b', '-v=7'] },
  { args: ['rollout', 'status', 'deploy/coredns', '-n', 'kube-system', '-v=3'] },
  { args: ['wait', '--for=condition=Ready', 'node/node01', '--timeout=10s', '-v=3'] },
  { args: ['apply', '-f', '-', '-v=4'], stdin: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: v3\ndata:\n  a: b\n', undo: [['delete', 'cm', 'v3']] },
  { args: ['get', 'ns', 'nope', 'default', '-o', 'name', '-v=2'] },
  // logs: PodLogOptions as url.Values encodes them (sorted keys), --since rounded as
  // Duration.Round(time.Second), --since-time as metav1.Time in UTC; Complete's and Validate's errors
  { args: ['logs', 'bb', '-v=6', '--tail=1', '--since=1200ms', '--timestamps', '--limit-bytes=100'] },
  { args: ['logs', 'bb', '-v=6', '--since-time=2020-01-01T00:30:00.7+01:00'] },
  { args: ['logs', 'bb', '-p', '-v=6'] },
  { args: ['logs', 'bb', '--since=-1s'] },
  { args: ['logs', 'bb', '--since=-400ms'] },
  { args: ['logs', 'bb', '--tail=-2'] },
  { args: ['logs', 'bb', '--limit-bytes=-1'] },
  { args: ['logs', 'bb', '--since=1s', '--since-time=2020-01-01T00:00:00Z'] },
  { args: ['logs', 'bb', '--since-time=2020-13-01T00:00:00Z'] },
  { args: ['logs', 'bb', '--all-containers', '-c', 'bb'] },
  { args: ['logs', 'bb', 'bb', '-c', 'bb'] },
  { args: ['logs', 'nope', '--since=-1s'] },
  // --request-timeout: ?timeout= (Duration.String()) on every request but typed Lists and Watches
  { args: ['get', 'pods', '--request-timeout=1500ms', '-v=6'] },
  { args: ['get', 'pods', '--request-timeout=-1s', '-v=6'] },
  { args: ['get', 'pods', '--request-timeout=abc'] },
  { args: ['get', 'pods', '--request-timeout=1.5'] },
  { args: ['exec', 'bb', '--request-timeout=5s', '-v=6', '--', 'true'] },
  { args: ['get', 'pods', '--chunk-size=1', '-l', 'run=bb', '--field-selector=status.phase=Running', '--request-timeout=90s', '-v=6'] },
  { args: ['drain', 'node01', '--dry-run=client', '--ignore-daemonsets', '--request-timeout=3s', '-v=6'] },
  // a watch cut by the client's timeout ends quietly; an empty list prints no header
  { args: ['get', 'pods', 'bb', '-w', '--request-timeout=2s'] },
  { args: ['get', 'pods', '-l', 'nomatch=1', '-w', '--request-timeout=1s', '-v=6'] },
  // EnhanceListError: the refused list named, with its selectors; the builder's selector rules
  { args: ['get', 'pods', '-l', 'a in (b'] },
  { args: ['get', 'pods,svc', '--field-selector=foo=bar'] },
  { args: ['get', 'pods', '-w', '-l', 'a in (b'] },
  { args: ['logs', '-l', 'a in (b'] },
  { args: ['get', 'pods', 'bb', '--field-selector=foo=bar'] },
  { args: ['get', 'pod/bb', '-l', 'a=b'] },
  { args: ['get', 'pods', 'bb', '-l', ' '] },
  // the server down: each of discovery's tries is a request of its own, with the cache's note and,
  // after the category expansion's tries, the shortcut expander's; checkErr's V(4) connection error
  { args: ['get', 'pods', '--server=https://127.0.0.1:1', '-v=6'] },
  // can-i asks the clientset's discovery whether the resource is namespaced
  { args: ['auth', 'can-i', 'create', 'clusterroles', '-v=6'] },
  // an Invalid Status whose one cause ends in a newline keeps MultilineError's own
  { args: ['patch', 'pod', 'bb', '-p', '{"spec":{"restartPolicy":"Never"}}', '--dry-run=server'] },
  { args: ['get', 'po,svc', '--server=https://127.0.0.1:1', '-v=6'] },
  { args: ['get', 'pods/x', '--server=https://127.0.0.1:1', '-v=6'] },
  { args: ['run', 'x', '--image=y', '--server=https://127.0.0.1:1', '-v=6'] },
  { args: ['explain', 'pods', '--server=https://127.0.0.1:1', '-v=6'] },
  { args: ['get', '-f', '-', '--server=https://127.0.0.1:1', '-v=6'], stdin: CM_V4 },
  // the validator reads the kind's OpenAPI v3 document (v2 for a List, or when v3 fails) first
  { args: ['apply', '-f', '-', '--server=https://127.0.0.1:1', '-v=6'], stdin: CM_V4 },
  { args: ['create', '-f', '-', '--dry-run=client', '-v=6'], stdin: CM_V4 },
  { args: ['replace', '-f', '-', '--dry-run=server', '--validate=false', '-v=6'], stdin: CM_V4 },
  { args: ['apply', '-f', '-', '--dry-run=server', '-v=6'], stdin: `apiVersion: v1\nkind: List\nitems:\n- ${CM_V4.trimEnd().split('\n').join('\n  ')}\n` },
  // typed clients decode a failure into metav1.Status, whose kind the debug line then lacks;
  // autoscale finds the scale subresource in the discovery cache, not by a request of its own
  { args: ['create', 'namespace', 'default', '-v=4'] },
  { args: ['run', 'bb', '--image=busybox', '-v=4'] },
  { args: ['autoscale', 'deploy/vd', '--max=3', '--dry-run=server', '-v=6'] },
  // the builder WithScheme (set, rollout, expose, cordon, drain, taint, debug): the typed client's
  // Accept on its GETs and PATCHes, and its Status without a kind
  { args: ['set', 'image', 'deploy/nope', 'a=b', '-n', 'nope', '-v=7'] },
  { args: ['set', 'image', 'deploy/vd', 'nginx=nginx:1.26', '--dry-run=server', '-v=7'] },
  { args: ['rollout', 'history', 'deploy/nope', '-v=4'] },
  { args: ['cordon', 'nope', '-v=7'] },
  { args: ['expose', 'deploy/nope', '--port=80', '-v=4'] },
  // create job --from reads the cronjob through the builder WithScheme too
  { args: ['create', 'job', 'x', '--from=cronjob/nope', '-v=7'] },
  // expose's POST through the Helper over ClientForMapping: the typed Accept, its Status without a kind
  { args: ['expose', 'deploy/vd', '--port=80', '--dry-run=server', '-v=7'] },
  { args: ['expose', 'deploy/vd', '--port=80', '--name=kubernetes', '-v=7'] },
];

describe.skipIf(!hasRealKubectl)('kubectl -v request logging, ours against the real one', () => {
  const c = useCluster();
  beforeAll(async () => {
    await c.kubectl(['create', 'configmap', 'v2', '--from-literal=x=y']);
    await c.kubectl(['run', 'bb', '--image=busybox', '--', 'sleep', '3600']);
    await c.kubectl(['create', 'deployment', 'vd', '--image=nginx']);
    await c.kubectl(['autoscale', 'deploy/vd', '--max=2']);
    await eventually(c, ['get', 'pod', 'bb', '-o', 'jsonpath={.status.phase}'], (out) => out === 'Running', 60_000);
  }, 90_000);
  afterAll(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });
  for (const k of CASES) {
    it(k.args.join(' '), async () => {
      const real = await side(c, 'real', k);
      if (k.args[0] === 'delete') await c.kubectl(['create', 'configmap', 'v2', '--from-literal=x=y']);
      const ours = await side(c, 'ours', k);
      const show = (r: RunResult) => ({ code: r.code, stdout: k.stderrOnly ? '' : normalise(r.stdout), stderr: normaliseV(r.stderr) });
      expect(show(ours), `kubectl ${k.args.join(' ')}`).toEqual(show(real));
    });
  }
});

// Our crictl in-process against a fresh F1 runtime per case: endpoints and warnings, the help and
// exit-code paths, and the runtime-backed commands the reference cases do not cover.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { ACTION_PATHS } from '../../src/cli/crictl/commands/index.js';
import { COMMANDS } from '../../src/cli/crictl/specs/index.js';
import { F1, F1_CRICTL_YAML, startF1Server } from './fixture-f1.js';
import { runCrictl } from './run.js';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

type Setup = 'f1' | 'f1-no-config' | 'no-runtime' | 'empty';

async function nodeRoot(setup: Setup): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'crictl-cli-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  if (setup === 'empty') return dir;
  if (setup === 'no-runtime') {
    mkdirSync(join(dir, 'etc'), { recursive: true });
    writeFileSync(join(dir, 'etc/crictl.yaml'), F1_CRICTL_YAML);
    return dir;
  }
  const server = await startF1Server(dir);
  cleanups.push(() => server.close());
  if (setup === 'f1-no-config') rmSync(join(dir, 'etc/crictl.yaml'));
  return dir;
}

interface Case {
  name: string;
  argv: string[];
  setup?: Setup;
  stdout?: RegExp;
  stderr?: RegExp;
  noStderr?: boolean;
  exit: number;
}

const DIAL_ENOENT = (path: string): string => `rpc error: code = Unavailable desc = connection error: desc = \\\\?"transport: Error while dialing: dial unix ${path}: connect: no such file or directory\\\\?"`;

const CASES: Case[] = [
  { name: 'no args prints app help', argv: [], stdout: /^NAME:\n {3}crictl - client for CRI\n/, noStderr: true, exit: 0 },
  { name: '--version skips the runtime', argv: ['--version'], setup: 'no-runtime', stdout: /^crictl version v1\.32\.0\n$/, exit: 0 },
  { name: '-h is app help without the config warning', argv: ['-h'], setup: 'f1-no-config', stdout: /^NAME:/, noStderr: true, exit: 0 },
  { name: 'unknown command', argv: ['foo'], stdout: /^$/, stderr: /^No help topic for 'foo'\n$/, exit: 3 },
  { name: 'help topic', argv: ['help', 'logs'], stdout: /^NAME:\n {3}crictl logs - Fetch the logs of a container\n\nUSAGE:\n {3}crictl logs \[command options\] CONTAINER-ID\n\nOPTIONS:/, exit: 0 },
  { name: 'help for an unknown topic', argv: ['help', 'nope'], stderr: /No help topic for 'nope'/, exit: 3 },
  { name: 'command -h', argv: ['ps', '-h'], stdout: /^NAME:\n {3}crictl ps - List containers\n\nUSAGE:\n {3}crictl ps \[command options\]\n/, exit: 0 },
  { name: 'positional help word', argv: ['inspect', 'help'], stdout: /^NAME:\n {3}crictl inspect - /, exit: 0 },
  { name: 'bad global duration', argv: ['--timeout', '10', 'ps'], stdout: /^Incorrect Usage: invalid value "10" for flag -timeout: parse error\n\nNAME:\n {3}crictl - client for CRI/, stderr: /invalid value \\?"10\\?" for flag -timeout: parse error/, exit: 1 },
  { name: 'inspect has no short-option bundling', argv: ['inspect', '-qo', 'json', '1c5d'], stdout: /^Incorrect Usage: flag provided but not defined: -qo\n/, exit: 1 },
  { name: 'no config: both warnings for ps, in order', argv: ['ps', '-q'], setup: 'f1-no-config', stderr: /Config \\?"\/etc\/crictl\.yaml\\?" does not exist, trying next: \\?"\/usr\/bin\/crictl\.yaml\\?"[\s\S]*runtime connect using default endpoints[\s\S]*Image connect using default endpoints: \[unix:\/\/\/run\/containerd\/containerd\.sock/, exit: 0 },
  { name: 'no runtime at all: one ERRO per default endpoint, then FATA', argv: ['version'], setup: 'empty', stderr: /^[^\n]*level=warning msg="Config [^\n]*\n[^\n]*level=warning msg="runtime connect using default endpoints[^\n]*\n[^\n]*level=error[^\n]*dial unix \/run\/containerd\/containerd.sock[^\n]*\n[^\n]*level=error[^\n]*crio.sock[^\n]*\n[^\n]*level=error[^\n]*cri-dockerd.sock[^\n]*\n[^\n]*level=fatal msg="validate service connection[^\n]*cri-dockerd.sock[^\n]*\n$/, exit: 1 },
  { name: 'explicit missing --config is fatal', argv: ['--config', '/etc/none.yaml', 'ps'], stderr: /load config file: stat \/usr\/bin\/crictl\.yaml: no such file or directory/, exit: 1 },
  { name: 'default endpoints all fail', argv: ['pods'], setup: 'no-runtime', stdout: /^$/, stderr: new RegExp(`validate service connection: validate CRI v1 runtime API for endpoint \\\\?"unix:///run/containerd/containerd.sock\\\\?": ${DIAL_ENOENT('/run/containerd/containerd.sock')}`), exit: 1 },
  { name: 'empty runtime endpoint', argv: ['-r', '', 'ps'], stderr: /--runtime-endpoint is not set/, exit: 1 },
  { name: 'tcp endpoint', argv: ['-r', 'tcp://127.0.0.1:1', 'version'], stderr: /only support unix socket endpoint/, exit: 1 },
  { name: 'unknown scheme', argv: ['-r', 'npipe://x', 'version'], stderr: /protocol \\?"npipe\\?" not supported/, exit: 1 },
  { name: 'bare path endpoint', argv: ['-r', '/run/containerd/containerd.sock', 'version'], stdout: /^Version: {2}0\.1\.0\n/, noStderr: true, exit: 0 },
  { name: 'env endpoint', argv: ['version'], setup: 'f1-no-config', stdout: /RuntimeName: {2}containerd/, exit: 0 },
  { name: 'pods verbose', argv: ['pods', '-v', '--name', '^nginx$'], stdout: /^ID: 6d2ff84b7b8a3f64551fcd6f07823cb87971cfb91446425da18286b3ab1ef935\nName: nginx\nUID: [0-9a-f-]+\nNamespace: default\nStatus: Ready\nCreated: \d{4}-\d\d-\d\d \d\d:\d\d:\d\d(\.\d+)? \+0000 UTC\nLabels:\n(\t.* -> .*\n)+Runtime: \(default\)\n\n$/, exit: 0 },
  { name: 'pods bad state', argv: ['pods', '--state', 'x'], stderr: /^\d{4}\/\d\d\/\d\d \d\d:\d\d:\d\d --state should be ready or notready\n$/, exit: 1 },
  { name: 'ps bad output', argv: ['ps', '-o', 'wide'], stderr: /listing containers: unsupported output format \\?"wide\\?"/, exit: 1 },
  { name: 'ps bad label', argv: ['ps', '--label', 'foo'], stderr: /incorrectly specified label: foo/, exit: 1 },
  { name: 'ps --image by identity', argv: ['ps', '-q', '--image', 'nginx'], stdout: new RegExp(`^${F1.containers.nginx}\\n$`), exit: 0 },
  { name: 'ps positional means help', argv: ['ps', 'x'], stdout: /^NAME:\n {3}crictl ps - List containers\n\nUSAGE:\n {3}crictl ps command \[command options\]\n/, exit: 0 },
  { name: 'images --digests', argv: ['images', '--digests'], stdout: /^IMAGE {29}TAG {17}DIGEST {14}IMAGE ID {12}SIZE\ndocker\.io\/library\/busybox {9}1\.36 {16}<none> {14}27a71e19c9562 {7}2\.16MB\ndocker\.io\/library\/nginx {11}latest {14}0a399eb167518 {7}a8758716bb6aa {7}72\.1MB\n/, exit: 0 },
  { name: 'images unknown filter', argv: ['images', '--filter', 'x=y'], stderr: /listing images: filter images: unknown filter flag: x=y/, exit: 1 },
  { name: 'inspecti unknown image', argv: ['inspecti', 'nope:1'], stderr: /no such image \\?"nope:1\\?" present/, exit: 1 },
  { name: 'inspecti table', argv: ['inspecti', '-q', '-o', 'table', 'busybox:1.36'], stdout: /^ID: sha256:27a71e19c9562[0-9a-f]+\nTag: docker\.io\/library\/busybox:1\.36\nSize: 2\.16MB\n$/, exit: 0 },
  { name: 'inspectp unknown', argv: ['inspectp', 'ffff'], stderr: /get the status of pod sandboxes: get pod sandbox status: rpc error: code = NotFound desc = an error occurred when try to find sandbox: not found/, exit: 1 },
  { name: 'inspect ambiguous', argv: ['inspect', '4b'], stderr: /code = Unknown desc = an error occurred when try to find container \\?"4b\\?": Multiple IDs found with provided prefix: 4b/, exit: 1 },
  { name: 'inspect table', argv: ['inspect', '-q', '-o', 'table', '4b7f'], stdout: /^ID: 4b7f00aa52e197c1c97df17c066924822b0af09a65251554962c61e23329aed0\nName: job\nState: CONTAINER_EXITED\nCreated: 2 days ago\nStarted: 2 days ago\nFinished: 2 days ago\nExit Code: 0\nLabels:\n/, exit: 0 },
  { name: 'inspect several is an array', argv: ['inspect', '-q', '1c5d', '4b2e'], stdout: /^\[\n {2}\{\n {4}"status": \{[\s\S]*\n {2}\},\n {2}\{\n[\s\S]*\n\]\n$/, exit: 0 },
  { name: 'inspect yaml ends with an empty line', argv: ['inspect', '-q', '-o', 'yaml', '1c5d'], stdout: /^status:\n {2}annotations: \{\}\n[\s\S]*\n\n$/, exit: 0 },
  { name: 'inspect bad format', argv: ['inspect', '-o', 'wide', '1c5d'], stderr: /get the status of containers: unsupported format: \\?"wide\\?"/, exit: 1 },
  { name: 'inspect with nothing found', argv: ['inspect', '--name', 'zzz'], stdout: /^NAME:\n {3}crictl inspect/, stderr: /No IDs provided or nothing found per filter/, exit: 0 },
  { name: 'info go-template', argv: ['info', '-o', 'go-template', '--template', '{{range .status.conditions}}{{.type}} {{end}}'], stdout: /^RuntimeReady NetworkReady [^\n]*\n$/, exit: 0 },
  { name: 'info table is unsupported', argv: ['info', '-o', 'table'], stderr: /getting status of runtime: unsupported format: \\?"table\\?"/, exit: 1 },
  { name: 'imagefsinfo table', argv: ['imagefsinfo', '-o', 'table'], stdout: /^Container Filesystem \nImage Filesystem \nTimeStamp\[0\]: 1733480000000000000\nDisk\[0\]: 405\.4MB\nInodes\[0\]: 2395\nMountpoint\[0\]: \/var\/lib\/containerd\/io\.containerd\.snapshotter\.v1\.overlayfs\n$/, exit: 0 },
  { name: 'runtime-config', argv: ['runtime-config'], stdout: /^cgroup driver: {3}(SYSTEMD|CGROUPFS)\n$/, exit: 0 },
  { name: 'stop unknown is idempotent', argv: ['stop', 'ffff0000'], stdout: /^ffff0000\n$/, exit: 0 },
  { name: 'start unknown', argv: ['start', 'ffff'], stderr: /starting the container \\?"ffff\\?": rpc error: code = NotFound desc = an error occurred when try to find container \\?"ffff\\?": not found/, exit: 1 },
  { name: 'start without ID', argv: ['start'], stderr: /ID cannot be empty/, exit: 1 },
  { name: 'rm -f prints the ID twice', argv: ['rm', '-f', '1c5d'], stdout: /^1c5d\n1c5d\n$/, exit: 0 },
  { name: 'rm unknown', argv: ['rm', 'ffff'], stderr: /^getting container status \\?"ffff\\?": rpc error: code = NotFound desc = an error occurred when try to find container \\?"ffff\\?": not found\n$/, exit: 1 },
  { name: 'rmp ready pod', argv: ['rmp', '6d2f'], stderr: /^pod sandbox \\?"6d2f\\?" is running, please stop it first\n$/, exit: 1 },
  { name: 'rmp -f', argv: ['rmp', '-f', '6d2f'], stdout: /^Stopped sandbox 6d2f\nRemoved sandbox 6d2f\n$/, exit: 0 },
  { name: 'rmp unknown', argv: ['rmp', 'ffff'], stderr: /getting sandbox status of pod \\?"ffff\\?": rpc error: code = NotFound desc = an error occurred when try to find sandbox: not found/, exit: 1 },
  { name: 'rmi in use succeeds on containerd', argv: ['rmi', 'nginx'], stdout: /^Deleted: docker\.io\/library\/nginx:latest\n$/, exit: 0 },
  { name: 'rmi --prune keeps used and pinned', argv: ['rmi', '-q'], stdout: /^$/, stderr: /No images to remove|^$/, exit: 0 },
  { name: 'logs tail 0', argv: ['logs', '--tail', '0', '1c5d'], stdout: /^$/, exit: 0 },
  { name: 'logs previous of attempt 0', argv: ['logs', '-p', '1c5d'], stderr: /previous terminated container nginx not found/, exit: 1 },
  { name: 'logs unknown container is unwrapped', argv: ['logs', 'ffff'], stderr: /level=fatal msg="rpc error: code = NotFound/, exit: 1 },
  { name: 'logs stderr lines go to stderr', argv: ['logs', '1c5d'], stdout: /^l1\nl2\nl3\n$/, stderr: /^e1\n$/, exit: 0 },
  { name: 'exec with one positional shows help', argv: ['exec', '1c5d'], stdout: /^NAME:\n {3}crictl exec - Run a command in a running container\n/, exit: 0 },
  { name: 'exec filter with no match', argv: ['exec', '--name', 'zzz', 'ls'], stdout: /^NAME:\n {3}crictl exec/, stderr: /No containers found per filter flags/, exit: 0 },
  { name: 'exec streaming answers with the runtime error', argv: ['exec', '1c5d', 'ls'], stderr: /^execing command in container 1c5d: rpc error: code = \w+/, exit: 1 },
  { name: 'checkpoint needs --export', argv: ['checkpoint', '1c5d'], stderr: /cannot checkpoint a container without specifying the checkpoint destination\. Use --export=\/path\/to\/checkpoint\.tar/, exit: 1 },
  { name: 'attach without ID', argv: ['attach'], stderr: /ID cannot be empty/, exit: 1 },
  { name: 'port-forward needs two args', argv: ['port-forward', '6d2f'], stdout: /^NAME:\n {3}crictl port-forward/, exit: 0 },
  { name: 'completion of an unknown shell', argv: ['completion', 'tcsh'], stderr: /only bash, zsh or fish are supported/, exit: 1 },
  { name: 'completion bash', argv: ['completion'], stdout: /^_crictl\(\) \{\n[\s\S]*complete -F _crictl crictl\n$/, exit: 0 },
  { name: 'events with template and json', argv: ['events', '--template', 'x'], stderr: /template can't be used with \\?"json\\?" format/, exit: 1 },
  { name: 'update-runtime-config without flags shows help', argv: ['update-runtime-config'], stdout: /^NAME:\n {3}crictl update-runtime-config/, exit: 0 },
  { name: 'create with wrong arg count shows help', argv: ['create', 'a'], stdout: /^NAME:\n {3}crictl create - Create a new container\n\nUSAGE:\n {3}crictl create command \[command options\] POD container-config\.\[json\|yaml\] pod-config\.\[json\|yaml\]\n/, exit: 0 },
  { name: 'runp with a missing config', argv: ['runp', 'pod.json'], stderr: /load podSandboxConfig: config at pod\.json not found/, exit: 1 },
  { name: 'stats json', argv: ['stats', '-o', 'json'], stdout: /^\{\n {2}"stats": \[/, exit: 0 },
];

describe('crictl in-process', () => {
  test.each(CASES)('$name', async (c) => {
    const dir = await nodeRoot(c.setup ?? 'f1');
    const env: NodeJS.ProcessEnv = { KUBEDOJO_NODE_ROOT: dir, TZ: 'UTC', HOME: dir };
    if (c.name === 'env endpoint') env.CONTAINER_RUNTIME_ENDPOINT = 'unix:///run/containerd/containerd.sock';
    const r = await runCrictl(c.argv, env);
    const detail = `stdout:\n${r.stdout}\nstderr:\n${r.stderr}`;
    if (c.stdout) expect(r.stdout, detail).toMatch(c.stdout);
    if (c.stderr) expect(r.stderr, detail).toMatch(c.stderr);
    if (c.noStderr) expect(r.stderr, detail).toBe('');
    expect(r.code, detail).toBe(c.exit);
  });

  test('every command and subcommand has an action and prints its help', async () => {
    const dir = await nodeRoot('no-runtime');
    const paths = COMMANDS.flatMap((c) => [c.name, ...(c.subcommands ?? []).map((s) => `${c.name} ${s.name}`)]);
    expect(paths.filter((p) => !ACTION_PATHS.includes(p))).toEqual([]);
    for (const path of paths) {
      const r = await runCrictl([...path.split(' '), '--help'], { KUBEDOJO_NODE_ROOT: dir });
      expect(r.stdout.startsWith(`NAME:\n   crictl ${path} - `), path).toBe(true);
      expect(r.code).toBe(0);
    }
  });

  test('runp --runtime: containerd has runc (also the default), no other runtime', async () => {
    const dir = await nodeRoot('f1');
    const env = { KUBEDOJO_NODE_ROOT: dir, TZ: 'UTC', HOME: dir };
    const config = join(dir, 'pod.json');
    writeFileSync(config, JSON.stringify({ metadata: { name: 'sb', namespace: 'default', uid: 'u-1', attempt: 1 } }));
    const ok = await runCrictl(['runp', '--runtime', 'runc', config], env);
    expect(ok.stdout).toMatch(/^[0-9a-f]{64}\n$/);
    expect((await runCrictl(['pods', '--name', 'sb', '-v'], env)).stdout).toMatch(/\nRuntime: runc\n/);
    const refused = await runCrictl(['runp', '--runtime', 'runsc', config], env);
    expect(refused.stderr).toMatch(/run pod sandbox: rpc error: code = Unknown desc = unable to get OCI runtime for sandbox \\?"[0-9a-f]{64}\\?": no runtime for \\?"runsc\\?" is configured/);
    expect(refused.code).toBe(1);
  });

  test('config creates the file under the node root and edits it', async () => {
    const dir = await nodeRoot('no-runtime');
    rmSync(join(dir, 'etc/crictl.yaml'));
    const env = { KUBEDOJO_NODE_ROOT: dir };
    const list = await runCrictl(['config', '--list'], env);
    expect(list.stdout).toBe('\x1b[2J\x1b[HKEY                    VALUE\nruntime-endpoint       \nimage-endpoint         \ntimeout                0\ndebug                  false\npull-image-on-create   false\ndisable-pull-on-run    false\n');
    expect(list.stderr).toMatch(/Config \\?"\/etc\/crictl\.yaml\\?" does not exist/);
    expect(existsSync(join(dir, 'etc/crictl.yaml'))).toBe(true);
    expect((await runCrictl(['config', '--set', 'runtime-endpoint=unix:///run/containerd/containerd.sock,timeout=10'], env)).code).toBe(0);
    const legacy = await runCrictl(['config', 'debug', 'true'], env);
    expect(legacy.stderr).toMatch(/No --get, --set or --list provided, setting key \\?"debug\\?" to value \\?"true\\?"/);
    expect(readFileSync(join(dir, 'etc/crictl.yaml'), 'utf8')).toBe('runtime-endpoint: unix:///run/containerd/containerd.sock\nimage-endpoint: ""\ntimeout: 10\ndebug: true\npull-image-on-create: false\ndisable-pull-on-run: false\n');
    expect((await runCrictl(['config', '--get', 'nope'], env)).stderr).toMatch(/no configuration option named nope/);
    expect((await runCrictl(['config', '--set', 'timeout'], env)).stderr).toMatch(/incorrectly specified option: timeout/);
  });
});

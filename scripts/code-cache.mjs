// V8 code caches for the one-file bundles (dist/<name>.cjs.cache). Loading a bundle is mostly
// compiling it; the cache holds the bytecode of what a start-up runs, so a call skips that. Each
// program's cache is made in a child process that loads the bundle as bin/* does (dist/launch.cjs,
// so the same wrapped source) and runs a few commands that need no server, or fail fast against a
// closed loopback port, to compile the paths every call takes: flags, kubeconfig, the REST or gRPC
// client, printers and error reporting. kubectl's also lists pods from a loopback HTTP server that
// answers with a Table captured from a cluster (scripts/warm-up/pods-table.json): reading the
// kubeconfig, decoding the answer and printing it are then compiled too (~6 ms of a `get pods`).
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';

const CLOSED = '127.0.0.1:1';

const WARM_UPS = {
  kubectl: [
    ['version', '--client'],
    ['create', 'deployment', 'web', '--image=nginx', '--replicas=2', '--dry-run=client', '-o', 'yaml'],
    ['run', 'p', '--image=nginx', '--dry-run=client', '-o', 'json'],
    ['get', 'pods', '-A', `--server=https://${CLOSED}`, '--insecure-skip-tls-verify'],
    ['get', '--help'],
  ],
  etcdctl: [['version'], [`--endpoints=${CLOSED}`, '--dial-timeout=50ms', 'get', 'k'], ['put', '--help']],
  crictl: [['--version'], ['--runtime-endpoint', 'unix:///nonexistent/crictl-warm-up.sock', '--timeout', '1', 'ps'], ['ps', '--help']],
  etcd: [['--version']],
  kubedojo: [['--help']],
};

/**
 * Escapes what is not ASCII (esbuild leaves it in comments and regular expression literals): the
 * launcher reads bundles as latin1, the one-byte strings V8 reads fastest, and a code cache is
 * only accepted for a source of the length it was made for.
 */
export function asciiOnly(file) {
  const source = readFileSync(file, 'utf8');
  if (/^[\x00-\x7f]*$/.test(source)) return;
  writeFileSync(file, source.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
}

/** The launcher's compile and run functions, so a cache is made for the very source bin/* compiles. */
export function launcher(dist) {
  return createRequire(import.meta.url)(resolve(dist, 'launch.cjs'));
}

function runChild(dist, name) {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [fileURLToPath(import.meta.url), dist, name], { stdio: ['ignore', 'inherit', 'inherit'] });
    child.on('error', fail);
    child.on('exit', (code) => (code === 0 ? done() : fail(new Error(`code cache for ${name}: exit ${code}`))));
  });
}

/** Writes the code cache of each program's bundle in dist/, two at a time. */
export async function writeCodeCaches(dist, names) {
  const queue = names.filter((name) => WARM_UPS[name] !== undefined);
  const worker = async () => {
    for (let name = queue.shift(); name !== undefined; name = queue.shift()) await runChild(dist, name);
  };
  await Promise.all([worker(), worker()]);
}

const PODS_TABLE = readFileSync(new URL('./warm-up/pods-table.json', import.meta.url));

/** A loopback HTTP apiserver that knows one list, pods in default, and a kubeconfig for it in home. */
async function podsServer(home) {
  const server = createServer((req, res) => {
    const pods = req.url?.startsWith('/api/v1/namespaces/default/pods?') && req.method === 'GET';
    res.writeHead(pods ? 200 : 404, { 'Content-Type': 'application/json' });
    res.end(pods ? PODS_TABLE : JSON.stringify({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'the server could not find the requested resource', reason: 'NotFound', details: {}, code: 404 }));
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  mkdirSync(join(home, '.kube'));
  writeFileSync(join(home, '.kube/config'), [
    'apiVersion: v1', 'kind: Config', 'current-context: warm',
    'clusters:', '- name: warm', '  cluster:', `    server: http://127.0.0.1:${server.address().port}`,
    'contexts:', '- name: warm', '  context:', '    cluster: warm', '    user: warm',
    'users:', '- name: warm', '  user:', '    token: warm-up', '',
  ].join('\n'));
  return server;
}

async function warmUp(dist, name) {
  const { bundlePath, compileBundle, runBundle, codeCachePath } = launcher(dist);
  const file = bundlePath(name);
  const script = compileBundle(file);
  const program = runBundle(file, script);
  const home = mkdtempSync(join(tmpdir(), 'kubedojo-warm-up-'));
  const env = { PATH: process.env.PATH, HOME: home };
  const sink = () => new Writable({ write: (_chunk, _enc, next) => next() });
  // etcd's main takes write functions and a stop signal (src/etcd/main.ts), the CLIs streams
  const io = () => name === 'etcd'
    ? { stdout: () => {}, stderr: () => {}, env, stopSignal: new Promise(() => {}) }
    : { stdout: sink(), stderr: sink(), stdin: Readable.from([]), env, cwd: home };
  const server = name === 'kubectl' ? await podsServer(home) : undefined;
  const runs = server ? [...WARM_UPS[name], ['get', 'pods'], ['get', 'pods', '-o', 'wide']] : WARM_UPS[name];
  try {
    for (const argv of runs) await program.main(argv, io());
    writeFileSync(codeCachePath(file), script.createCachedData());
  } finally {
    server?.close();
    rmSync(home, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [dist, name] = process.argv.slice(2);
  warmUp(dist, name).then(() => process.exit(0), (err) => {
    process.stderr.write(`${err.stack ?? err}\n`);
    process.exit(1);
  });
}

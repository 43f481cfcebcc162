// What node reads from the environment before our code runs, and the flag that keeps its first TLS
// context cheap. Node 20 reads the file NODE_EXTRA_CA_CERTS names at start-up (~50 ms for a system
// bundle), and builds its default certificate store the first time any TLS context is made, even one
// given its own CA (crypto_context.cc's AddCACert compares with that store). With --use-openssl-ca
// that store is OpenSSL's default paths: a directory looked up lazily, and a file read whole, the one
// SSL_CERT_FILE names or else OpenSSL's cert.pem (Debian: the system bundle, ~20 ms to parse). Our
// clients never rely on the default store: they pass the CAs a Go client would trust (rest-auth.ts,
// roots.ts).
//
// So bin/* start node with --use-openssl-ca, without NODE_EXTRA_CA_CERTS and with SSL_CERT_FILE set to
// a file holding no certificate, passing the user's values on under saved names. restoreStartupEnv
// gives them back to process.env at once, for the processes we start (editors, plugins, credential
// helpers) and our roots; cheapDefaultStore, called before a TLS context that has CAs of its own,
// builds the default store with the empty file first (while no other code runs).
import type { createSecureContext } from 'node:tls';

export const STARTUP_NODE_FLAGS = ['--use-openssl-ca'];
/** What SSL_CERT_FILE names while node's default store is built: no certificates, read at once. */
export const EMPTY_CERT_FILE = '/dev/null';
const STRIPPED = ['NODE_EXTRA_CA_CERTS', 'SSL_CERT_FILE'] as const;
const saved = (name: string): string => `KUBEDOJO_${name}`;

/** An environment for a node started with STARTUP_NODE_FLAGS: the variables moved to their saved names. */
export function startupEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const out = { ...env };
  for (const name of STRIPPED) {
    const value = out[name];
    delete out[name];
    out[saved(name)] = value ?? '';
  }
  out.SSL_CERT_FILE = EMPTY_CERT_FILE;
  return out;
}

/**
 * Environments whose node was started by startupEnv / bin/*, and whose default store is not built yet:
 * one set per process, though launch.cjs and each program's bundle carry their own copy of this module.
 */
const PENDING = Symbol.for('kubedojo.startup-env.default-store-pending');
const storePending: WeakSet<NodeJS.ProcessEnv> = ((globalThis as Record<symbol, unknown>)[PENDING] ??= new WeakSet()) as WeakSet<NodeJS.ProcessEnv>;

/** Undoes startupEnv in this process's environment (a no-op when node was started otherwise). */
export function restoreStartupEnv(env: NodeJS.ProcessEnv = process.env): void {
  if (saved('SSL_CERT_FILE') in env) storePending.add(env);
  for (const name of STRIPPED) {
    if (!(saved(name) in env)) continue;
    const value = env[saved(name)];
    delete env[saved(name)];
    if (value) env[name] = value;
    else delete env[name];
  }
}

/** Node's default certificate store, built now (node:tls is loaded only here). */
function defaultStore(): void {
  (process.getBuiltinModule('node:tls').createSecureContext as typeof createSecureContext)();
}

/**
 * Before the first TLS context that is given its CAs: node's default store built from the empty file
 * (~1 ms) rather than from the user's SSL_CERT_FILE or OpenSSL's bundle, when node was started as
 * bin/* start it. Nothing runs in between, so no child sees the swapped variable.
 */
export function cheapDefaultStore(env: NodeJS.ProcessEnv = process.env, build: () => void = defaultStore): void {
  if (!storePending.has(env)) return;
  storePending.delete(env);
  const value = env.SSL_CERT_FILE;
  env.SSL_CERT_FILE = EMPTY_CERT_FILE;
  try {
    build();
  } finally {
    if (value === undefined) delete env.SSL_CERT_FILE;
    else env.SSL_CERT_FILE = value;
  }
}

// What node reads from the environment before our code runs, and the flag that keeps its first TLS
// context cheap. Node 20 reads the file NODE_EXTRA_CA_CERTS names at start-up (~50 ms for a system
// bundle), and builds its default certificate store the first time any TLS context is made, even one
// given its own CA (crypto_context.cc's SetCACert compares with that store): 25-45 ms of parsing its
// ~140 bundled roots with OpenSSL 3.0. --use-openssl-ca makes that store OpenSSL's default paths,
// looked up lazily in a directory, plus SSL_CERT_FILE's file, read whole. Our clients never rely on
// the default store: they pass the CAs a Go client would trust (rest-auth.ts, roots.ts).
//
// So bin/* start node with --use-openssl-ca and without those two variables, passing their values on
// under saved names; restoreStartupEnv builds the (now cheap) default store and then gives them back
// to process.env, for the processes we start (editors, plugins, credential helpers) and our roots.
export const STARTUP_NODE_FLAGS = ['--use-openssl-ca'];
const STRIPPED = ['NODE_EXTRA_CA_CERTS', 'SSL_CERT_FILE'] as const;
const saved = (name: string): string => `KUBEDOJO_${name}`;

/** An environment for a node started with STARTUP_NODE_FLAGS: the variables moved to their saved names. */
export function startupEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const out = { ...env };
  for (const name of STRIPPED) {
    const value = out[name];
    delete out[name];
    if (value) out[saved(name)] = value;
  }
  return out;
}

/** Node's default certificate store, built now (node:tls is loaded only here). */
function defaultStore(): void {
  process.getBuiltinModule('node:tls').createSecureContext();
}

/** Undoes startupEnv in this process's environment (a no-op when node was started otherwise). */
export function restoreStartupEnv(env: NodeJS.ProcessEnv = process.env, buildDefaultStore: () => void = defaultStore): void {
  const values = STRIPPED.map((name) => {
    const value = env[saved(name)];
    delete env[saved(name)];
    return [name, value] as const;
  });
  if (values.some(([name, value]) => name === 'SSL_CERT_FILE' && value)) buildDefaultStore();
  for (const [name, value] of values) if (value) env[name] = value;
}

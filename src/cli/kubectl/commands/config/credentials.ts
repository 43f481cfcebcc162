// set-credentials' modifyAuthInfo: client certificate and key (paths made absolute, or embedded),
// token or basic auth (setting one clears the other), auth provider and exec plugin settings.
import type { Files } from './files.js';
import { newStruct, str, type Struct, type Value } from './model.js';
import { AUTH_PROVIDER, EXEC, EXEC_ENV } from './types.js';

export interface CredentialOptions {
  /** string flags given on the command line, by flag name */
  given: Map<string, string>;
  embed: boolean;
  provideClusterInfo?: boolean;
  authProviderArgs?: { set: Map<string, string>; remove: string[] };
  execArgs?: string[];
  execEnv?: { set: Map<string, string>; remove: string[] };
}

async function setFile(u: Struct, o: CredentialOptions, files: Files, flag: string): Promise<void> {
  const path = o.given.get(flag);
  if (path === undefined) return;
  if (o.embed) {
    u[`${flag}-data`] = await files.read(path).then((b) => new Uint8Array(b), () => null);
    u[flag] = '';
    return;
  }
  u[flag] = files.abs(path);
  u[`${flag}-data`] = null;
}

function setAuthProvider(u: Struct, o: CredentialOptions): void {
  const name = o.given.get('auth-provider');
  const current = u['auth-provider'] as Struct | null;
  if (name !== undefined && (current === null || current.name !== name)) u['auth-provider'] = { ...newStruct(AUTH_PROVIDER), name, config: null };
  const provider = u['auth-provider'] as Struct | null;
  if (provider === null) return;
  const config = new Map(provider.config instanceof Map ? provider.config : []);
  for (const key of o.authProviderArgs?.remove ?? []) config.delete(key);
  for (const [k, v] of o.authProviderArgs?.set ?? []) config.set(k, v);
  u['auth-provider'] = { ...provider, config };
}

function updateEnv(exec: Struct, env: { set: Map<string, string>; remove: string[] }): void {
  const kept = (Array.isArray(exec.env) ? exec.env : []).filter((e) => !env.remove.includes(str(e as Struct, 'name')));
  const updated = kept.map((e) => ({ ...(e as Struct) }));
  const added: Value[] = [];
  for (const [name, value] of env.set) {
    const found = updated.find((e) => e.name === name);
    if (found) found.value = value;
    else added.push({ ...newStruct(EXEC_ENV), name, value });
  }
  exec.env = [...updated, ...added];
}

function setExec(u: Struct, o: CredentialOptions): void {
  const command = o.given.get('exec-command');
  if (command !== undefined) {
    const current = u.exec as Struct | null;
    u.exec = current === null ? { ...newStruct(EXEC), args: null, env: null, command } : { ...current, command, args: null };
  }
  const exec = u.exec as Struct | null;
  if (exec === null) return;
  const apiVersion = o.given.get('exec-api-version');
  if (apiVersion !== undefined) exec.apiVersion = apiVersion;
  if (o.execArgs) exec.args = o.execArgs;
  const mode = o.given.get('exec-interactive-mode');
  if (mode !== undefined) exec.interactiveMode = mode;
  if (o.provideClusterInfo !== undefined) exec.provideClusterInfo = o.provideClusterInfo;
  if (o.execEnv) updateEnv(exec, o.execEnv);
}

function setTokenOrBasic(u: Struct, o: CredentialOptions): void {
  let setToken = false;
  let setBasic = false;
  const token = o.given.get('token');
  if (token !== undefined) setToken = (u.token = token) !== '';
  for (const flag of ['username', 'password']) {
    const v = o.given.get(flag);
    if (v === undefined) continue;
    u[flag] = v;
    setBasic ||= v !== '';
  }
  if (!setToken && !setBasic) return;
  if (!setToken) u.token = '';
  if (!setBasic) {
    u.username = '';
    u.password = '';
  }
}

/** The user entry after the flags, from a copy of the existing one. */
export async function modifyAuthInfo(existing: Struct, o: CredentialOptions, files: Files): Promise<Struct> {
  const u: Struct = { ...existing };
  await setFile(u, o, files, 'client-certificate');
  await setFile(u, o, files, 'client-key');
  setTokenOrBasic(u, o);
  setAuthProvider(u, o);
  setExec(u, o);
  return u;
}

// clientcmd.ModifyConfig: the new config compared with what the files hold now, and only what
// changed written back — each stanza into the file it came from (a new one into the default
// file), the current context and preferences by their own rules — under `<file>.lock` files.
import type { ConfigAccess } from './access.js';
import { deepEqual, ORIGIN, str, type Config, type Struct } from './model.js';
import { relativizeAuthInfoPaths, relativizeClusterPaths } from './paths.js';

type Section = 'clusters' | 'users' | 'contexts';

async function lockAll(access: ConfigAccess): Promise<string[]> {
  const held: string[] = [];
  const files = [...access.precedence()].sort();
  try {
    for (const file of files) {
      await access.files.ensureDir(file);
      await access.files.createExclusive(`${file}.lock`);
      held.push(`${file}.lock`);
    }
  } catch (err) {
    await unlockAll(access, held);
    throw err;
  }
  return held;
}

async function unlockAll(access: ConfigAccess, held: string[]): Promise<void> {
  for (const lock of held.reverse()) await access.files.remove(lock);
}

async function writeCurrentContext(access: ConfigAccess, name: string): Promise<void> {
  if ((await access.startingConfig())['current-context'] === name) return;
  const target = access.isExplicit() ? access.explicitFile : name !== '' ? await access.defaultFilename() : undefined;
  if (target !== undefined) {
    const cfg = await access.configFromFile(target);
    cfg['current-context'] = name;
    return access.writeToFile(cfg, target);
  }
  for (const file of access.precedence()) {
    if (!(await access.files.exists(file))) continue;
    const cfg = await access.configFromFile(file);
    if (cfg['current-context'] === '') continue;
    cfg['current-context'] = '';
    return access.writeToFile(cfg, file);
  }
  throw new Error('no config found to write context');
}

async function writePreferences(access: ConfigAccess, prefs: Struct): Promise<void> {
  if (deepEqual((await access.startingConfig()).preferences, prefs)) return;
  const files = access.isExplicit() ? [access.explicitFile] : access.precedence();
  for (const file of files) {
    const cfg = await access.configFromFile(file);
    if (deepEqual(cfg.preferences, prefs) && !access.isExplicit()) continue;
    cfg.preferences = prefs;
    return access.writeToFile(cfg, file);
  }
  throw new Error('no config found to write preferences');
}

async function destination(access: ConfigAccess, stanza: Struct): Promise<string> {
  return str(stanza, ORIGIN) || access.defaultFilename();
}

/** Changed or new clusters and users, each written into its file at once. */
async function writeStanzas(access: ConfigAccess, start: Config, next: Config, section: 'clusters' | 'users', relativize: boolean): Promise<void> {
  for (const [name, stanza] of next[section]) {
    const before = start[section].get(name);
    if (before && deepEqual(stanza, before)) continue;
    const file = await destination(access, stanza);
    const cfg = await access.configFromFile(file);
    const copy: Struct = { ...stanza, [ORIGIN]: file };
    if (relativize && section === 'clusters') relativizeClusterPaths(copy, access.files.cwd);
    if (relativize && section === 'users') relativizeAuthInfoPaths(copy, access.files.cwd);
    cfg[section].set(name, copy);
    await access.writeToFile(cfg, file);
  }
}

/** Changed or new contexts, gathered per file and written once each. */
async function writeContexts(access: ConfigAccess, start: Config, next: Config): Promise<void> {
  const seen = new Map<string, Config>();
  for (const [name, context] of next.contexts) {
    const before = start.contexts.get(name);
    if (before && deepEqual(context, before)) continue;
    const file = await destination(access, context);
    const cfg = seen.get(file) ?? (await access.configFromFile(file));
    seen.set(file, cfg);
    cfg.contexts.set(name, context);
  }
  for (const [file, cfg] of seen) await access.writeToFile(cfg, file);
}

async function deleteRemoved(access: ConfigAccess, start: Config, next: Config, section: Section): Promise<void> {
  for (const [name, stanza] of start[section]) {
    if (next[section].has(name)) continue;
    const file = await destination(access, stanza);
    const cfg = await access.configFromFile(file);
    cfg[section].delete(name);
    await access.writeToFile(cfg, file);
  }
}

async function modifyLocked(access: ConfigAccess, next: Config, relativize: boolean): Promise<void> {
  const start = await access.startingConfig();
  if (deepEqual(start, next)) return;
  if (start['current-context'] !== next['current-context']) await writeCurrentContext(access, next['current-context']);
  if (!deepEqual(start.preferences, next.preferences)) await writePreferences(access, next.preferences);
  await writeStanzas(access, start, next, 'clusters', relativize);
  await writeContexts(access, start, next);
  await writeStanzas(access, start, next, 'users', relativize);
  for (const section of ['clusters', 'contexts', 'users'] as const) await deleteRemoved(access, start, next, section);
}

/** clientcmd.ModifyConfig(configAccess, newConfig, relativizePaths). */
export async function modifyConfig(access: ConfigAccess, next: Config, relativize: boolean): Promise<void> {
  const held = await lockAll(access);
  try {
    await modifyLocked(access, next, relativize);
  } finally {
    await unlockAll(access, held);
  }
}

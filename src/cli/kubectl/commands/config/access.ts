// clientcmd.PathOptions, the ConfigAccess `kubectl config` works through: which files are read
// (--kubeconfig alone, else $KUBECONFIG's list, else ~/.kube/config), how they merge (the first
// file to name a stanza or set a value wins), and which file a new stanza goes to.
import { join } from 'node:path';
import { AggregateError } from '../../errors.js';
import { decodeConfig } from './decode.js';
import { toYaml } from './encode.js';
import { Files, isNotExist } from './files.js';
import { newConfig, ORIGIN, type Config, type ValueMap } from './model.js';

export interface AccessOptions {
  /** --kubeconfig ('' when not given) */
  explicitPath: string;
  env: Record<string, string | undefined>;
  cwd: string;
  /** told of each file LoadFromFile read (client-go logs it at -v=6) */
  onLoad?: (file: string) => void;
}

const SECTIONS = ['clusters', 'users', 'contexts'] as const;

/** Earlier maps win: keys of `from` not yet in `into` are added. */
function mergeMissing(into: ValueMap, from: ValueMap): void {
  for (const [k, v] of from) if (!into.has(k)) into.set(k, v);
}

function mergeInto(into: Config, cfg: Config): void {
  for (const section of SECTIONS) mergeMissing(into[section], cfg[section]);
  into['current-context'] ||= cfg['current-context'];
  for (const key of ['kind', 'apiVersion']) into[key] ||= cfg[key] ?? '';
  mergeMissing(into.extensions as ValueMap, cfg.extensions as ValueMap);
  into.preferences.colors = into.preferences.colors === true || cfg.preferences.colors === true;
  mergeMissing(into.preferences.extensions as ValueMap, cfg.preferences.extensions as ValueMap);
}

export class ConfigAccess {
  readonly files: Files;

  constructor(private readonly o: AccessOptions) {
    this.files = new Files(o.cwd);
  }

  isExplicit(): boolean {
    return this.o.explicitPath !== '';
  }

  get explicitFile(): string {
    return this.o.explicitPath;
  }

  /** $KUBECONFIG split on ':' with repeats dropped (empty entries kept, as Go keeps them). */
  envFiles(): string[] {
    const value = this.o.env.KUBECONFIG ?? '';
    return value === '' ? [] : [...new Set(value.split(':'))];
  }

  /** ~/.kube/config; client-go's homedir is $HOME as it is, so without one the path is relative. */
  get globalFile(): string {
    return join(this.o.env.HOME ?? '', '.kube', 'config');
  }

  /** GetLoadingPrecedence */
  precedence(): string[] {
    if (this.isExplicit()) return [this.o.explicitPath];
    const env = this.envFiles();
    return env.length > 0 ? env : [this.globalFile];
  }

  /** GetDefaultFilename: where a new stanza is written. */
  async defaultFilename(): Promise<string> {
    if (this.isExplicit()) return this.o.explicitPath;
    const env = this.envFiles();
    if (env.length === 0) return this.globalFile;
    if (env.length === 1) return env[0]!;
    for (const file of env) if (await this.files.exists(file)) return file;
    return env[env.length - 1]!;
  }

  /** The file named in `deleted context x from <file>` messages. */
  async configFileName(): Promise<string> {
    return this.isExplicit() ? this.o.explicitPath : this.defaultFilename();
  }

  /** clientcmd.LoadFromFile: the file's config, each stanza marked with the file's name. */
  async loadFromFile(file: string): Promise<Config> {
    const cfg = decodeConfig((await this.files.read(file)).toString('utf8'));
    this.o.onLoad?.(file);
    for (const section of SECTIONS) for (const stanza of cfg[section].values()) stanza[ORIGIN] = file;
    return cfg;
  }

  /** getConfigFromFile: a missing file is an empty config. */
  async configFromFile(file: string): Promise<Config> {
    try {
      return await this.loadFromFile(file);
    } catch (err) {
      if (isNotExist(err)) return newConfig();
      throw err;
    }
  }

  /** clientcmd.WriteToFile */
  async writeToFile(cfg: Config, file: string): Promise<void> {
    await this.files.write(file, toYaml(cfg));
  }

  /** GetStartingConfig: every file merged; none existing is an empty config. */
  async startingConfig(): Promise<Config> {
    if (this.isExplicit() && !(await this.files.exists(this.o.explicitPath))) return newConfig();
    const errors: Error[] = [];
    const merged = newConfig();
    for (const file of this.precedence()) {
      if (file === '') continue;
      try {
        mergeInto(merged, await this.loadFromFile(file));
      } catch (err) {
        if (isNotExist(err)) continue;
        errors.push(new Error(`error loading config file "${file}": ${(err as Error).message}`));
      }
    }
    if (errors.length === 1) throw errors[0]!;
    if (errors.length > 1) throw new AggregateError(errors);
    return merged;
  }
}

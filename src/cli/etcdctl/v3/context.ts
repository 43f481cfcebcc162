// What a command runs with: its parsed flags and arguments, the streams, and the global
// options (ETCDCTL_* variables applied as pkg/flags does, when the command first asks).
import { ExitError } from '../../shared/exit.js';
import type { Io } from '../../shared/io.js';
import { EXIT } from './exit-codes.js';
import { convert, type FlagValue, type Parsed } from '../../shared/pflag.js';
import { capnslog } from './logs.js';
import type { CommandNode } from './tree.js';
import { debugDump, envName } from './debug-flags.js';

export { envName };

export interface GlobalOptions {
  endpoints: string[];
  cacert: string;
  cert: string;
  key: string;
  insecureSkipVerify: boolean;
  insecureTransport: boolean;
  user: string;
  password: string;
  writeOut: string;
  hex: boolean;
  dialTimeoutMs: number;
  commandTimeoutMs: number;
  /** --command-timeout given explicitly (snapshot save has no timeout otherwise) */
  commandTimeoutSet: boolean;
  keepaliveTimeMs: number;
  debug: boolean;
}

export class CommandContext {
  private resolved: GlobalOptions | undefined;

  constructor(
    readonly io: Io,
    readonly node: CommandNode,
    readonly root: CommandNode,
    readonly parsed: Parsed,
  ) {}

  /** variables the command consumes itself (watch's ETCDCTL_WATCH_*), not warned about */
  private readonly ownEnv: string[] = [];

  consumeEnv(...names: string[]): void {
    this.ownEnv.push(...names);
  }

  get args(): string[] {
    return this.parsed.args;
  }

  value(name: string): FlagValue {
    const v = this.parsed.values.get(name);
    if (v === undefined) throw new Error(`flag --${name} is not defined for ${this.node.name}`);
    return v;
  }

  str(name: string): string { return String(this.value(name)); }
  bool(name: string): boolean { return this.value(name) === true; }
  num(name: string): number { return Number(this.value(name)); }
  changed(name: string): boolean { return this.parsed.changed.has(name); }

  out(text: string | Uint8Array): void { this.io.stdout.write(text); }
  err(text: string): void { this.io.stderr.write(text); }

  private configShown = false;

  /**
   * clientConfigFromCmd, which the commands that make a client from the command's flags call:
   * the global options and, with --debug, the inherited flags dumped to stderr (once).
   */
  clientConfig(): GlobalOptions {
    const g = this.globals();
    if (g.debug && !this.configShown) {
      this.configShown = true;
      const inherited = this.root.spec.flags.filter((f) => f.name !== 'help').map((f) => ({ name: f.name, type: f.type, value: this.parsed.values.get(f.name) }));
      // etcdctl adds these two to watch's flag set so that its own variables are not warned about
      if (this.node.name === 'watch') for (const name of ['watch-key', 'watch-range-end']) inherited.push({ name, type: 'string', value: '' });
      this.err(debugDump(inherited));
    }
    return g;
  }

  /** pkg/flags.SetPflagsFromEnv over the global flags, then the typed options. */
  globals(): GlobalOptions {
    if (this.resolved === undefined) {
      this.applyEnv();
      this.resolved = this.readGlobals();
    }
    return this.resolved;
  }

  private applyEnv(): void {
    const used = new Set<string>(this.ownEnv);
    const shadowed = new Set<string>();
    for (const f of this.root.spec.flags.filter((g) => g.name !== 'help')) {
      const key = envName(f.name);
      if (this.parsed.changed.has(f.name)) { shadowed.add(key); continue; }
      const val = this.io.env[key];
      if (val === undefined || val === '') continue;
      used.add(key);
      try {
        this.parsed.values.set(f.name, convert(f, val, undefined));
      } catch {
        // etcdctl ignores the error of SetPflagsFromEnv: the flag keeps its default
      }
    }
    for (const [key, val] of Object.entries(this.io.env)) {
      if (used.has(key) || key === 'ETCDCTL_API') continue;
      if (shadowed.has(key)) {
        this.err(capnslog('C', 'pkg/flags', `conflicting environment variable ${JSON.stringify(key)} is shadowed by corresponding command-line flag (either unset environment variable or disable flag)`));
        throw new ExitError(EXIT.error, '', true);
      }
      if (key.startsWith('ETCDCTL_')) this.err(capnslog('W', 'pkg/flags', `unrecognized environment variable ${key}=${val ?? ''}`));
    }
  }

  private readGlobals(): GlobalOptions {
    return {
      endpoints: this.value('endpoints') as string[],
      cacert: this.str('cacert'), cert: this.str('cert'), key: this.str('key'),
      insecureSkipVerify: this.bool('insecure-skip-tls-verify'),
      insecureTransport: this.bool('insecure-transport'),
      user: this.str('user'), password: this.str('password'),
      writeOut: this.str('write-out'), hex: this.bool('hex'),
      dialTimeoutMs: this.num('dial-timeout'), commandTimeoutMs: this.num('command-timeout'),
      commandTimeoutSet: this.parsed.changed.has('command-timeout') || (this.io.env.ETCDCTL_COMMAND_TIMEOUT ?? '') !== '',
      keepaliveTimeMs: this.num('keepalive-time'),
      debug: this.bool('debug'),
    };
  }
}

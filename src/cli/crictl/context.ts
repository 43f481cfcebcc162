// What a crictl command's action gets: its flags (and the global ones, as urfave's lineage lookup
// finds them), its positionals, the streams, the logger, and the runtime/image connections.
import type { Io } from '../shared/io.js';
import type { Connector, Settings } from './connect.js';
import type { Logger } from './logrus.js';
import { hostPath } from './node-root.js';
import type { ParsedFlags } from './urfave/parse.js';
import { subcommandHelp } from './urfave/help.js';
import type { CommandSpec, FlagValue } from './urfave/types.js';

export class Ctx {
  constructor(
    readonly io: Io,
    readonly log: Logger,
    readonly spec: CommandSpec,
    readonly helpName: string,
    private readonly flags: ParsedFlags,
    private readonly global: ParsedFlags,
    readonly settings: Settings,
    readonly connector: Connector,
    readonly nodeRoot: string,
  ) {}

  get args(): string[] {
    return this.flags.args;
  }

  private value(name: string): FlagValue | undefined {
    return this.flags.values.get(name) ?? this.global.values.get(name);
  }

  string(name: string): string {
    const v = this.value(name);
    return typeof v === 'string' ? v : '';
  }

  bool(name: string): boolean {
    return this.value(name) === true;
  }

  int(name: string): number {
    const v = this.value(name);
    return typeof v === 'number' ? v : 0;
  }

  slice(name: string): string[] {
    const v = this.value(name);
    return Array.isArray(v) ? v : [];
  }

  isSet(name: string): boolean {
    return this.flags.set.has(name) || (!this.flags.values.has(name) && this.global.set.has(name));
  }

  /** Number of flags set on this command (urfave's NumFlags counts names given). */
  numFlags(): number {
    return this.flags.set.size;
  }

  out(text: string): void {
    this.io.stdout.write(text);
  }

  /** cli.ShowSubcommandHelp: the command's help on stdout, and the run ends well. */
  showHelp(): number {
    this.io.stdout.write(subcommandHelp(this.helpName, this.spec));
    return 0;
  }

  /** The host path of a file crictl opens at `inNode` on the node. */
  hostPath(inNode: string): string {
    return hostPath(this.nodeRoot, inNode);
  }
}

export type Action = (ctx: Ctx) => Promise<number | void>;

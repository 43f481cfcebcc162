// What a command's run() gets: its streams, positional args, parsed flags with typed getters,
// the factory (config, client, mapper) and the usage-error helper that names the command.
import type { Io } from '../shared/io.js';
import type { FlagValue, Parsed } from '../shared/pflag.js';
import { UsageError } from './errors.js';
import type { Factory } from './factory.js';
import type { KubectlSpec } from './spec.js';

export class Ctx {
  constructor(
    readonly io: Io,
    readonly spec: KubectlSpec,
    readonly parsed: Parsed,
    readonly factory: Factory,
  ) {}

  /** `kubectl create deployment` */
  get commandPath(): string {
    return ['kubectl', ...this.spec.path].join(' ');
  }

  get args(): string[] {
    return this.parsed.args;
  }

  /** args after `--` (pflag's ArgsLenAtDash), empty without one */
  get argsAfterDash(): string[] {
    return this.parsed.dashAt < 0 ? [] : this.parsed.args.slice(this.parsed.dashAt);
  }

  get argsBeforeDash(): string[] {
    return this.parsed.dashAt < 0 ? this.parsed.args : this.parsed.args.slice(0, this.parsed.dashAt);
  }

  value(name: string): FlagValue | undefined {
    return this.parsed.values.get(name);
  }

  str(name: string): string {
    const v = this.value(name);
    return typeof v === 'string' ? v : v === undefined ? '' : String(v);
  }

  bool(name: string): boolean {
    return this.value(name) === true;
  }

  int(name: string): number {
    const v = this.value(name);
    return typeof v === 'number' ? v : Number(v ?? 0);
  }

  list(name: string): string[] {
    const v = this.value(name);
    return Array.isArray(v) ? v : [];
  }

  changed(name: string): boolean {
    return this.parsed.changed.has(name);
  }

  usageError(message: string): UsageError {
    return new UsageError(message, this.commandPath);
  }
}

export interface CommandModule {
  run(ctx: Ctx): Promise<number>;
}

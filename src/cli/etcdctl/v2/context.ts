// What an API 2 command runs with: global and command flags (with the ETCDCTL_* fallbacks
// etcdctl reads itself), arguments and streams.
import { ExitError } from '../../shared/exit.js';
import type { Io } from '../../shared/io.js';
import { V2_EXIT } from './exit-codes.js';
import type { GoParsed, V2Value } from './goflags.js';
import type { V2CommandSpec } from './spec.js';

export class V2Context {
  constructor(
    readonly io: Io,
    readonly spec: V2CommandSpec,
    readonly globals: GoParsed,
    readonly parsed: GoParsed,
    /** the command's words as typed (before reordering), for exec-watch's quirk */
    readonly raw: string[],
  ) {}

  get args(): string[] { return this.parsed.args; }
  flag(name: string): V2Value | undefined { return this.parsed.values.get(name); }
  bool(name: string): boolean { return this.flag(name) === true; }
  str(name: string): string { return String(this.flag(name) ?? ''); }
  num(name: string): number { return Number(this.flag(name) ?? 0); }
  global(name: string): string { return String(this.globals.values.get(name) ?? ''); }
  globalBool(name: string): boolean { return this.globals.values.get(name) === true; }
  get output(): string { return this.global('output'); }

  /** A flag given on the command line, else the environment variable. */
  globalOrEnv(name: string, env: string): string {
    return this.globals.changed.has(name) ? this.global(name) : this.io.env[env] ?? '';
  }

  out(text: string | Uint8Array): void { this.io.stdout.write(text); }

  /** printResponseKey's output, or its complaint about an unknown -o. */
  print(text: string | null): void {
    if (text === null) this.err(`Unsupported output format: ${this.output}\n`);
    else this.out(text);
  }
  err(text: string): void { this.io.stderr.write(text); }

  /** handleError: `Error:  <err>` (two spaces), the given exit code. */
  fail(code: number, message: string): never {
    this.err(`Error:  ${message}\n`);
    throw new ExitError(code, '', true);
  }

  /** The list commands and auth enable/disable refuse arguments before they connect. */
  noArgs(): void {
    if (this.args.length === 0) return;
    this.err('No arguments accepted\n');
    throw new ExitError(V2_EXIT.badArgs, '', true);
  }

  badArgs(message: string): never {
    return this.fail(V2_EXIT.badArgs, message);
  }
}

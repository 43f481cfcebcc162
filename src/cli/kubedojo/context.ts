// What every kubedojo command runs with: the injected streams and environment, the home, and the
// pieces tests may replace (the daemon's script, the creation steps).
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { ExitError } from '../shared/exit.js';
import type { Io } from '../shared/io.js';
import type { CreateSteps } from '../../daemon/create.js';
import { clusterPaths, kubedojoHome, type ClusterPaths } from '../../daemon/paths.js';
import type { SpawnOptions } from '../../daemon/spawn.js';
import { EXIT } from './exit-codes.js';

/** Cluster names become folder names and context names: DNS labels. */
const NAME = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;

export interface ContextOverrides {
  daemon?: Pick<SpawnOptions, 'entry' | 'execPath'>;
  createSteps?: CreateSteps;
  /** How long `up` waits for /readyz (ms). */
  readyTimeoutMs?: number;
  /** Ends `logs -f` (which otherwise follows until the process is interrupted). */
  signal?: AbortSignal;
}

export class Context {
  readonly home: string;

  constructor(readonly io: Io, readonly overrides: ContextOverrides = {}) {
    this.home = kubedojoHome(io.env as NodeJS.ProcessEnv);
  }

  /** The paths of the named cluster; an invalid name is a usage error. */
  cluster(name: string): ClusterPaths {
    if (!NAME.test(name)) {
      throw new ExitError(EXIT.error, `invalid cluster name "${name}": use lowercase letters, digits and '-' (at most 63, starting and ending with a letter or digit)`);
    }
    return clusterPaths(this.home, name);
  }

  /** The same context with some pieces replaced. */
  with(more: ContextOverrides): Context {
    return new Context(this.io, { ...this.overrides, ...more });
  }

  out(text: string): void {
    this.io.stdout.write(text);
  }

  err(text: string): void {
    this.io.stderr.write(text);
  }

  /** Whether stderr is a terminal with a width (the spinner is drawn only there: ora loops on 0 columns). */
  get interactive(): boolean {
    const tty = this.io.stderr as { isTTY?: boolean; columns?: number };
    return tty.isTTY === true && (tty.columns ?? 80) > 0;
  }
}

/** --config: a layout file (made absolute), or the name of a built-in layout ("single-node"). */
export function layoutArg(value: string, cwd: string): string {
  const file = resolve(cwd, value);
  return existsSync(file) ? file : value;
}

// Loading CommonJS: a package through import() (Node gives its exports as named + default, a bundle
// only as default), and the build's one-file bundles (dist/*.cjs) with V8's code cache.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import vm from 'node:vm';

/** A CommonJS package's exports, whether imported by Node or from a bundle. */
export async function importCjs<T>(pending: Promise<T>): Promise<T> {
  const m = (await pending) as T & { default?: T };
  return m.default ?? m;
}

/** Where the build writes a bundle's code cache. */
export function codeCachePath(bundle: string): string {
  return `${bundle}.cache`;
}

/**
 * Compiles a bundle as Node compiles a CommonJS module (the same wrapper, so the build's code cache
 * and this agree on the source). The build escapes every non-ASCII character, so latin1 reads the
 * file as the one-byte string V8 scans fastest. A cache made by another V8 (another Node version)
 * or for other flags is rejected and the bundle is compiled as usual.
 */
export function compileBundle(file: string, cachedData?: Buffer): vm.Script {
  const source = `(function (exports, require, module, __filename, __dirname) {${readFileSync(file, 'latin1')}\n})`;
  return new vm.Script(source, { filename: file, ...(cachedData ? { cachedData } : {}) });
}

/** Runs a compiled bundle as a CommonJS module and returns its exports. */
export function runBundle<T>(file: string, script: vm.Script): T {
  const module = { exports: {} as T };
  (script.runInThisContext() as Function)(module.exports, createRequire(file), module, file, dirname(file));
  return module.exports;
}

/** A bundle's exports, compiled with its code cache when there is one. */
export function loadBundle<T>(file: string): T {
  const cache = codeCachePath(file);
  return runBundle<T>(file, compileBundle(file, existsSync(cache) ? readFileSync(cache) : undefined));
}

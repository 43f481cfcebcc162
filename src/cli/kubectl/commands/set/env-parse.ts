// set env's argument rules (pkg/cmd/set/env): resources first, then KEY=VALUE and KEY- items;
// `-` reads KEY=VALUE lines from stdin (text after `#` ignored); names checked as
// validation.IsEnvVarName checks them; the env list merged as updateEnv merges it.
import { readAll } from '../../../shared/io.js';
import type { Io } from '../../../shared/io.js';
import { str, type Json } from '../workload/json-values.js';

const ENV_ARG = /^(.+)=(.*)$/s;

/** SplitEnvironmentFromResources; undefined when a resource follows an env item. */
export function splitEnvironment(args: string[]): { resources: string[]; envArgs: string[] } | undefined {
  const resources: string[] = [];
  const envArgs: string[] = [];
  for (const s of args) {
    const isEnv = ENV_ARG.test(s) || s.endsWith('-');
    if (isEnv) envArgs.push(s);
    else if (envArgs.length > 0) return undefined;
    else resources.push(s);
  }
  return { resources, envArgs };
}

const NAME_FMT = '[-._a-zA-Z][-._a-zA-Z0-9]*';
const NAME_MSG = "a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit";

/** validation.IsEnvVarName. */
export function envVarNameErrors(name: string): string[] {
  const errs: string[] = [];
  if (!new RegExp(`^${NAME_FMT}$`).test(name)) {
    errs.push(`${NAME_MSG} (e.g. 'my.env-name',  or 'MY_ENV.NAME',  or 'MyEnvName1', regex used for validation is '${NAME_FMT}')`);
  }
  if (name === '.') errs.push("must not be '.'");
  else if (name === '..') errs.push("must not be '..'");
  else if (name.startsWith('../')) errs.push("must not start with '../'");
  return errs;
}

export interface ParsedEnv {
  env: Json[];
  remove: string[];
  usedStdin: boolean;
}

function readEnvLines(text: string): Json[] {
  const out: Json[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const hash = raw.indexOf('#');
    const line = hash >= 0 ? raw.slice(0, hash) : raw;
    if (!line.includes('=')) continue;
    const at = line.indexOf('=');
    out.push({ name: line.slice(0, at), value: line.slice(at + 1) });
  }
  return out;
}

/** ParseEnv. */
export async function parseEnv(spec: string[], io: Io): Promise<ParsedEnv> {
  const env: Json[] = [];
  const remove: string[] = [];
  const set = new Set<string>();
  let usedStdin = false;
  for (const s of spec) {
    if (s === '-') {
      env.push(...readEnvLines((await readAll(io.stdin)).toString('utf8')));
      usedStdin = true;
    } else if (s.includes('=')) {
      const at = s.indexOf('=');
      const name = s.slice(0, at);
      const errs = envVarNameErrors(name);
      if (errs.length > 0) throw new Error(`${JSON.stringify(name)} is not a valid key name: ${errs.join(';')}`);
      set.add(name);
      env.push({ name, value: s.slice(at + 1) });
    } else if (s.endsWith('-')) {
      remove.push(s.slice(0, -1));
    } else {
      throw new Error(`unknown environment variable: ${s}`);
    }
  }
  if (remove.some((r) => set.has(r))) throw new Error('can not both modify and remove the same environment variable in the same command');
  return { env, remove, usedStdin };
}

/** updateEnv: existing entries replaced in place or dropped, new ones appended. */
export function updateEnv(existing: Json[], env: Json[], remove: string[]): Json[] {
  const out: Json[] = [];
  const covered = new Set(remove);
  for (const e of existing) {
    const name = str(e.name);
    if (covered.has(name)) continue;
    const newer = env.find((x) => str(x.name) === name);
    if (newer) {
      covered.add(name);
      out.push(newer);
    } else {
      out.push(e);
    }
  }
  for (const e of env) {
    if (covered.has(str(e.name))) continue;
    covered.add(str(e.name));
    out.push(e);
  }
  return out;
}

/** validateNoOverwrites. */
export function checkNoOverwrites(existing: Json[], env: Json[]): void {
  for (const e of env) {
    const current = existing.find((x) => str(x.name) === str(e.name));
    if (current && str(current.value) !== str(e.value)) {
      throw new Error(`'${str(current.name)}' already has a value (${str(current.value)}), and --overwrite is false`);
    }
  }
}

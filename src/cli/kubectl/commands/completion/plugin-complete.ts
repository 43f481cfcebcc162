// Completing a plugin's arguments (pluginCompletion, getPluginCompletions): the plugin commands
// parse no flags, so the words go as they are to `kubectl_complete-<plugin>`, whose stdout gives
// the candidates and, on a last `:<n>` line, the directive; its stderr is kubectl's.
import { spawn } from 'node:child_process';
import type { Io } from '../../../shared/io.js';
import { commandPath, type CommandNode } from '../../tree.js';
import { lookPath } from '../plugin/dispatch.js';
import { Directive } from './directive.js';
import type { Result } from './functions.js';
import { subcommandCompletions } from './subcommands.js';

function runPlugin(path: string, args: string[], io: Io): Promise<{ ok: boolean; stdout: string }> {
  return new Promise((done) => {
    const child = spawn(path, args, { env: io.env, cwd: io.cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => io.stderr.write(d));
    child.on('error', () => done({ ok: false, stdout: '' }));
    child.on('close', (code) => done({ ok: code === 0, stdout }));
  });
}

function parseOutput(stdout: string): Result {
  const comps = stdout.split('\n').filter((l) => l !== '');
  const last = comps[comps.length - 1];
  if (last !== undefined && last.length > 1 && last.startsWith(':') && /^[+-]?\d+$/.test(last.slice(1))) {
    return { comps: comps.slice(0, -1), directive: Number(last.slice(1)) };
  }
  return { comps, directive: Directive.Default };
}

async function pluginCompletion(node: CommandNode, args: string[], toComplete: string, io: Io): Promise<Result> {
  const name = commandPath(node).replaceAll('-', '_').replaceAll(' ', '-');
  const exec = name.replace('-', '_complete-');
  const debug = (msg: string) => io.stderr.write(`[Debug] ${msg}\n`);
  debug(`About to look for: ${exec}`);
  const path = lookPath(exec, io.env.PATH ?? '', io.cwd);
  if (path === undefined) {
    debug(`Plugin ${name} does not provide a matching completion executable`);
    return { comps: [], directive: Directive.Default };
  }
  const all = [...args, toComplete];
  debug(`About to call: ${path} ${all.join(' ')}`);
  const r = await runPlugin(path, all, io);
  return r.ok ? parseOutput(r.stdout) : { comps: [], directive: Directive.Default };
}

/** getCompletions for a plugin command (DisableFlagParsing, no flags of its own or inherited). */
export async function completePlugin(node: CommandNode, args: string[], toComplete: string, io: Io): Promise<Result> {
  const flagWord = toComplete.startsWith('-') && !toComplete.includes('=');
  const subs = !flagWord && args.length === 0 ? subcommandCompletions(node, toComplete) : [];
  const r = await pluginCompletion(node, args, toComplete, io);
  return { comps: [...subs, ...r.comps], directive: r.directive };
}

// The txn input language: `value("k") = "v"` compares and `put/get/del` request lines, each
// request parsed by the put/get/del commands' own flag sets (as etcdctl runs them through cobra).
import { ExitError } from '../../../shared/exit.js';
import { CommandContext } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { GoPanic } from '../go-panic.js';
import { FlagError, parseFlags } from '../../../shared/pflag.js';
import { parseInt64, ParseError } from '../goparse.js';
import { goQuote } from '../printers/format.js';
import type { CommandNode } from '../tree.js';
import { cobraUsage } from '../usage.js';
import { delRequest } from './del.js';
import { rangeRequest } from './get.js';
import { putRequest } from './put.js';

const RESULTS: Record<string, number> = { '=': 0, '>': 1, '<': 2, '!=': 3 };
const TARGETS: Record<string, [number, string]> = {
  ver: [0, 'version'], version: [0, 'version'], c: [1, 'create_revision'], create: [1, 'create_revision'],
  m: [2, 'mod_revision'], mod: [2, 'mod_revision'], val: [3, 'value'], value: [3, 'value'],
};

/** Go's %q scan: a double-quoted string with Go escapes, at the start of `s`. */
function scanQuoted(s: string): [string, string] | null {
  const m = /^\s*("(?:[^"\\]|\\.)*")/.exec(s);
  if (m === null) return null;
  try {
    return [JSON.parse(m[1]!) as string, s.slice(m[0].length)];
  } catch {
    return null;
  }
}


function malformed(line: string, target: string, key = '', op = '', val = ''): ExitError {
  return new ExitError(EXIT.invalidInput, `malformed comparison: ${line}; got ${target}(${goQuote(key)}) ${op} ${goQuote(val)}`);
}

export function parseCompare(line: string): object {
  const paren = line.indexOf('(');
  if (paren < 0) throw new ExitError(EXIT.invalidInput, `malformed comparison: ${line}`);
  const target = line.slice(0, paren);
  const key = scanQuoted(line.slice(paren + 1));
  if (key === null || !key[1].startsWith(')')) throw malformed(line, target, key?.[0]);
  const opm = /^\)\s+(\S+)/.exec(key[1]);
  const val = opm === null ? null : scanQuoted(key[1].slice(opm[0].length));
  if (opm === null || val === null) throw malformed(line, target, key[0], opm?.[1]);
  const result = RESULTS[opm[1]!];
  if (target === 'lease') throw new GoPanic('bad value');
  const t = TARGETS[target];
  if (t === undefined) throw new ExitError(EXIT.invalidInput, `malformed comparison: ${line} (unknown target ${target})`);
  let value: string | Buffer = Buffer.from(val[0]);
  if (t[0] !== 3) {
    try {
      value = parseInt64(val[0], 10);
    } catch (err) {
      if (err instanceof ParseError) throw new ExitError(EXIT.invalidInput, `invalid txn compare request: ${line}`);
      throw err;
    }
  }
  if (result === undefined) throw new GoPanic('Unknown result op');
  return { result, target: t[0], key: Buffer.from(key[0]), [t[1]]: value };
}

/** etcdctl's argify: words, "double quoted" (Go escapes) or 'single quoted'. */
export function argify(line: string): string[] {
  const re = /"(?:[^"\\]|\\.)*"|'[^']*'|[^'"\s]\S*[^'"\s]?/g;
  return (line.match(re) ?? []).map((a) => {
    if (a.startsWith("'")) return a.slice(1, -1);
    if (a.startsWith('"')) return JSON.parse(a) as string;
    return a;
  });
}

export function parseRequest(line: string, ctx: CommandContext): object {
  const args = argify(line);
  const bad = () => new ExitError(EXIT.invalidInput, `invalid txn request: ${line}`);
  if (args.length < 2) throw new ExitError(EXIT.invalidInput, `invalid txn compare request: ${line}`);
  const names = ['put', 'get', 'del'];
  const matches = names.filter((n) => n.startsWith(args[0]!));
  const name = names.includes(args[0]!) ? args[0]! : matches.length === 1 ? matches[0]! : undefined;
  const node = ctx.root.children.find((c: CommandNode) => c.name === name);
  if (node === undefined) throw bad();
  try {
    const parsed = parseFlags(node.spec.flags, args.slice(1));
    const sub = new CommandContext(ctx.io, node, ctx.root, parsed);
    if (name === 'put' && sub.args.length < 2 && !sub.bool('ignore-value')) {
      throw new ExitError(EXIT.badArgs, 'put command needs 1 argument and input from stdin or 2 arguments');
    }
    if (name === 'put') return { request_put: putRequest(sub, Buffer.from(sub.args[1] ?? '')) };
    if (name === 'get') return { request_range: rangeRequest(sub) };
    return { request_delete_range: delRequest(sub) };
  } catch (err) {
    if (!(err instanceof FlagError)) throw err;
    ctx.err(cobraUsage(node.spec.use.replace(/^etcdctl /, ''), node.spec.flags));
    throw bad();
  }
}

// crictl logs: reads the CRI log file the runtime names (under the node root), as cri-client's
// ReadLogs does: stdout lines to stdout, stderr lines to stderr, --tail over all lines, --since,
// --limit-bytes, --timestamps, --previous and --follow (until the container stops).
import { open, readFile } from 'node:fs/promises';
import type { CriClient } from '../../../client/cri/client.js';
import type { Ctx } from '../context.js';
import { wrapError } from '../errors.js';
import { parseDuration } from '../../../client/go-duration.js';

interface LogLine {
  ts: string;
  ms: number;
  stream: string;
  text: string;
}

function parseLine(line: string): LogLine | null {
  const m = /^(\S+) (stdout|stderr) (F|P) ?(.*)$/s.exec(line) ?? /^(\S+) (stdout|stderr) (.*)$/s.exec(line);
  if (!m) return null;
  const partial = m.length === 5 && m[3] === 'P';
  const text = m.length === 5 ? m[4]! : m[3]!;
  return { ts: m[1]!, ms: Date.parse(m[1]!), stream: m[2]!, text: partial ? text : `${text}\n` };
}

/** RFC3339NanoFixed of a log timestamp, in the zone it was written in. */
function fixedTimestamp(ts: string): string {
  const m = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.(\d+))?(Z|[+-]\d{2}:\d{2})$/.exec(ts);
  if (!m) return ts;
  return `${m[1]}.${(m[2] ?? '').padEnd(9, '0').slice(0, 9)}${m[3]}`;
}

/** docker's timetypes.GetTimestamp + ParseTimestamps: milliseconds since the epoch. */
export function parseSince(value: string, now = Date.now()): number | null {
  if (value === '') return null;
  const d = parseDuration(value);
  if (d !== null) return now - d;
  if (/^\d+(\.\d+)?$/.test(value)) return Number(value) * 1000;
  const t = Date.parse(/[zZ]|[+-]\d{2}:?\d{2}$/.test(value) || !value.includes('T') ? value : `${value}Z`);
  if (Number.isNaN(t)) throw new Error(`failed to parse value as time or duration: ${JSON.stringify(value)}`);
  return t;
}

class LogWriter {
  private remain: number;
  isNewLine = true;

  constructor(private readonly ctx: Ctx, private readonly since: number | null, limit: number, private readonly timestamps: boolean) {
    this.remain = limit >= 0 ? limit : Number.MAX_SAFE_INTEGER;
  }

  /** Writes one line; false when the byte limit is reached. */
  write(l: LogLine): boolean {
    if (this.since !== null && l.ms < this.since) return true;
    let text = this.timestamps && this.isNewLine ? `${fixedTimestamp(l.ts)} ${l.text}` : l.text;
    this.isNewLine = l.text.endsWith('\n');
    const bytes = Buffer.from(text);
    if (bytes.length > this.remain) text = bytes.subarray(0, this.remain).toString('utf8');
    (l.stream === 'stdout' ? this.ctx.io.stdout : this.ctx.io.stderr).write(text);
    this.remain -= Math.min(bytes.length, this.remain);
    return this.remain > 0;
  }
}

function previousPath(logPath: string, attempt: number): string {
  const slash = logPath.lastIndexOf('/');
  return `${logPath.slice(0, slash + 1)}${attempt - 1}${logPath.slice(logPath.lastIndexOf('.'))}`;
}

async function readLines(host: string, shown: string): Promise<string[]> {
  let text: string;
  try {
    text = await readFile(host, 'utf8');
  } catch {
    throw new Error(`failed to try resolving symlinks in path ${JSON.stringify(shown)}: lstat ${shown}: no such file or directory`);
  }
  return text.split('\n').slice(0, -1);
}

async function follow(ctx: Ctx, runtime: CriClient, id: string, host: string, offset: number, w: LogWriter): Promise<void> {
  let pos = offset;
  for (;;) {
    const fh = await open(host, 'r');
    const { size } = await fh.stat();
    const buf = Buffer.alloc(Math.max(0, size - pos));
    await fh.read(buf, 0, buf.length, pos);
    await fh.close();
    const text = buf.toString('utf8');
    const end = text.lastIndexOf('\n') + 1;
    for (const line of text.slice(0, end).split('\n').slice(0, -1)) {
      const l = parseLine(line);
      if (l && !w.write(l)) return;
    }
    pos += Buffer.byteLength(text.slice(0, end));
    const st = await runtime.containerStatus({ containerId: id, verbose: false }).catch(() => null);
    if (end === 0 && st?.status?.state !== 'CONTAINER_RUNNING') return;
    if (end === 0) await new Promise((r) => setTimeout(r, 250));
  }
}

export async function logs(ctx: Ctx): Promise<number | void> {
  const id = ctx.args[0] ?? '';
  if (id === '') throw new Error('ID cannot be empty');
  if (ctx.args.length > 1) return ctx.showHelp();
  const runtime = await ctx.connector.runtime();
  if (ctx.bool('reopen')) {
    await runtime.reopenContainerLog({ containerId: id }).catch((err: unknown) => {
      throw wrapError('reopen container logs', err);
    });
    ctx.log.info('Container logs reopened');
  }
  const since = parseSince(ctx.string('since'));
  const status = (await runtime.containerStatus({ containerId: id, verbose: false })).status;
  let logPath = status?.logPath ?? '';
  if (logPath === '') throw new Error('the container has not set log path');
  if (ctx.bool('previous')) {
    const attempt = status?.metadata?.attempt ?? 0;
    if (attempt === 0) throw new Error(`previous terminated container ${status?.metadata?.name ?? ''} not found`);
    logPath = previousPath(logPath, attempt);
  }
  const host = ctx.hostPath(logPath);
  const all = await readLines(host, logPath);
  const tail = ctx.int('tail');
  const lines = tail >= 0 ? all.slice(Math.max(0, all.length - tail)) : all;
  const w = new LogWriter(ctx, since, ctx.int('limit-bytes'), ctx.bool('timestamps'));
  for (const line of tail === 0 ? [] : lines) {
    const l = parseLine(line);
    if (l && !w.write(l)) return;
  }
  if (ctx.bool('follow')) {
    const offset = Buffer.byteLength(all.map((l) => `${l}\n`).join(''));
    await follow(ctx, runtime, status?.id ?? id, host, offset, w);
  }
}

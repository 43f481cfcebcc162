// Masks, unordered streams and the exact comparison of one command's outcome.
import type { Mask, StreamName } from './cases.js';
import type { Finished } from './process.js';

export interface Expected {
  stdout: string;
  stderr: string;
  exit: number | null;
  killedBySignal?: string;
  stdoutBase64?: boolean;
  unordered?: StreamName[];
}

export function applyMasks(text: string, masks: Mask[], stream: StreamName): string {
  let out = text;
  for (const mask of masks) {
    if (mask.stream !== 'both' && mask.stream !== stream) continue;
    const flags = `g${(mask.flags ?? '').replace(/g/g, '')}`;
    out = out.replace(new RegExp(mask.pattern, flags), mask.replace);
  }
  return out;
}

function sortLines(text: string): string {
  return text.split('\n').sort().join('\n');
}

function prepare(text: string, stream: StreamName, masks: Mask[], unordered: StreamName[]): string {
  const masked = applyMasks(text, masks, stream);
  return unordered.includes(stream) ? sortLines(masked) : masked;
}

function describeExit(exit: number | null, signal: string | null | undefined): string {
  return signal ? `killed by ${signal}` : `exit ${exit}`;
}

/** Returns one line per mismatch (empty when the outcome equals the recording). */
export function compareOutcome(label: string, want: Expected, got: Finished, masks: Mask[]): string[] {
  const problems: string[] = [];
  const unordered = want.unordered ?? [];
  const gotStdout = want.stdoutBase64 === true ? got.stdout.toString('base64') : got.stdout.toString('utf8');
  const streams: Array<[StreamName, string, string]> = [
    ['stdout', want.stdout, gotStdout],
    ['stderr', want.stderr, got.stderr.toString('utf8')],
  ];
  for (const [name, expected, actual] of streams) {
    const e = prepare(expected, name, masks, unordered);
    const a = prepare(actual, name, masks, unordered);
    if (e !== a) problems.push(`${label} ${name}:\n  want ${JSON.stringify(e)}\n  got  ${JSON.stringify(a)}`);
  }
  const wantExit = describeExit(want.exit, want.killedBySignal);
  const gotExit = describeExit(got.exit, got.signal);
  if (wantExit !== gotExit) problems.push(`${label} exit: want ${wantExit}, got ${gotExit}`);
  return problems;
}

// The recorded etcdctl cases (../../../../shared/reference/etcdctl/cases.jsonl) as typed data.
import { readFileSync } from 'node:fs';

export type ServerKind = 'plain' | 'tls' | 'no-v2' | 'none';
export type StreamName = 'stdout' | 'stderr';

export interface Mask {
  stream: StreamName | 'both';
  pattern: string;
  replace: string;
  flags?: string;
}

export interface SetupStep {
  argv: string[];
  capture?: Record<string, string>;
  env?: Record<string, string>;
}

export interface PostStep {
  argv: string[];
  env?: Record<string, string>;
  stdout?: string;
  stderr?: string;
  exit?: number | null;
  unordered?: StreamName[];
}

export interface Case {
  id: string;
  api: '2' | '3';
  group: string;
  title: string;
  server: ServerKind;
  certs?: boolean;
  setup: Array<string[] | SetupStep>;
  argv: string[];
  env: Record<string, string>;
  stdin: string;
  keep_stdin_open?: boolean;
  during?: string[][];
  settle_s?: number;
  signal?: NodeJS.Signals;
  stdout: string;
  stderr: string;
  stdout_encoding?: 'base64';
  exit: number | null;
  killed_by_signal?: NodeJS.Signals;
  post?: PostStep[];
  masks: Mask[];
  unordered?: StreamName[];
}

export const CASES_FILE =
  process.env.REPLAY_CASES ?? '/work/shared/reference/etcdctl/cases.jsonl';

export function loadCases(file: string = CASES_FILE): Case[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Case);
}

/** REPLAY_FILTER is a regular expression matched against `id` and `group`. */
export function filterCases(cases: Case[], filter: string | undefined): Case[] {
  if (filter === undefined || filter === '') return cases;
  const re = new RegExp(filter);
  return cases.filter((c) => re.test(c.id) || re.test(c.group));
}

export function normalizeStep(step: string[] | SetupStep): SetupStep {
  return Array.isArray(step) ? { argv: step } : step;
}

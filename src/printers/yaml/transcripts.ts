// For tests: the `-o yaml` / `-o json` outputs of the real kubectl recorded in the golden
// transcripts of shared/reference/kubectl (generators.jsonl, mock-server.jsonl).
import { existsSync, readFileSync } from 'node:fs';

// The reference lives beside every checkout on this machine, at /work/shared (as the other replays read it).
const TRANSCRIPTS_DIR = new URL('file:///work/shared/reference/kubectl/');

export interface GoldenOutput {
  id: string;
  file: string;
  stdout: string;
}

interface Step {
  argv: string[];
  stdout: string;
  exit: number;
}

function outputFormat(argv: readonly string[]): string | undefined {
  let format: string | undefined;
  argv.forEach((a, i) => {
    if (a === '-o' || a === '--output') format = argv[i + 1];
    else if (a.startsWith('--output=')) format = a.slice('--output='.length);
    else if (a.startsWith('-o') && !a.startsWith('--')) format = a.slice(2);
  });
  return format;
}

/** Successful outputs in the given format; `kubectl version` prints through its own printer. */
export function goldenOutputs(format: 'yaml' | 'json'): GoldenOutput[] {
  if (!existsSync(TRANSCRIPTS_DIR)) return [];
  const out: GoldenOutput[] = [];
  for (const file of ['generators.jsonl', 'mock-server.jsonl']) {
    const lines = readFileSync(new URL(file, TRANSCRIPTS_DIR), 'utf8').split('\n').filter((l) => l.trim() !== '');
    for (const line of lines) {
      const record = JSON.parse(line) as Step & { id: string; steps?: Step[] };
      const steps = record.steps ?? [record];
      steps.forEach((s, i) => {
        if (s.exit === 0 && s.argv[1] !== 'version' && outputFormat(s.argv) === format) {
          out.push({ id: steps.length > 1 ? `${record.id}#${i}` : record.id, file, stdout: s.stdout });
        }
      });
    }
  }
  return out;
}

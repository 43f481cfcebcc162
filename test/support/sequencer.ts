// Test files run two at a time (2 cores), longest first so the run ends when the longest chain
// does: the etcdctl replays (one file, ~15 minutes, holding 127.0.0.1:2379 through its port lock)
// start at once on one worker while the other works through everything else; then the files that
// start a daemon, largest first; then the unit tests.
import { BaseSequencer, type TestSpecification } from 'vitest/node';
import { relative } from 'node:path';
import { statSync } from 'node:fs';

const FIRST = ['test/etcdctl/replay.test.ts'];

function rank(file: string): number {
  const at = FIRST.indexOf(file);
  if (at >= 0) return at;
  return file.startsWith('test/') ? FIRST.length : FIRST.length + 1;
}

export class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const root = this.ctx.config.root;
    const key = (s: TestSpecification) => {
      const file = relative(root, s.moduleId);
      return { rank: rank(file), size: statSync(s.moduleId).size, file };
    };
    return [...files].map((s) => ({ s, k: key(s) })).sort((a, b) =>
      a.k.rank - b.k.rank || b.k.size - a.k.size || (a.k.file < b.k.file ? -1 : 1)).map((x) => x.s);
  }
}

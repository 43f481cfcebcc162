// The CRI log files of a host-run component's container runs: what the host says each run wrote is
// copied into <node>/var/log/pods/<ns>_<pod>_<uid>/<container>/<attempt-1>.log as it grows, so the
// kubelet's log endpoint and crictl read it like any container's log.
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { containerLogPath, criLine } from '../runtime/cri-log.js';
import type { Pod } from '../pod-spec.js';
import type { ComponentLine } from './types.js';

export class ComponentLogFiles {
  /** Lines already copied, by container and attempt. */
  private readonly written = new Map<string, number>();

  constructor(private readonly podLogs: string, private readonly pod: Pod) {}

  /** Copies the lines of run `attempt` (1-based) not yet in its file; fewer than before restarts the file. */
  sync(container: string, attempt: number, lines: readonly ComponentLine[]): void {
    const key = `${container}/${attempt}`;
    const done = this.written.get(key) ?? 0;
    if (lines.length === done) return;
    const m = this.pod.metadata;
    const path = containerLogPath(this.podLogs, { ns: m.namespace ?? '', name: m.name ?? '', uid: m.uid ?? '' }, container, attempt - 1);
    const from = lines.length < done ? 0 : done;
    const text = lines.slice(from).map((l) => criLine(l.at, l.stream, l.text) + '\n').join('');
    mkdirSync(dirname(path), { recursive: true });
    if (from === 0) writeFileSync(path, text);
    else appendFileSync(path, text);
    this.written.set(key, lines.length);
  }
}

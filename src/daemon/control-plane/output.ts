// What each control-plane component has written, per run: the control-plane node's kubelet copies
// it into the runs' CRI log files, so `kubectl logs` and `crictl logs` show a component's output
// and the error a bad manifest makes it exit with.
import type { ComponentLine } from '../../kubelet/static-pods/types.js';

/** Lines kept per run (the few a component logs after its start; more are dropped). */
const MAX_LINES = 5000;

export class ComponentOutputs {
  private readonly runs = new Map<string, ComponentLine[][]>();

  /** Forgets the component's runs (its manifest changed: the next run is attempt 1 again). */
  reset(name: string): void {
    this.runs.delete(name);
  }

  /** Starts a new run; its lines go to attempt number (1-based) `attempts`. */
  begin(name: string, attempt: number): void {
    const runs = this.runs.get(name) ?? [];
    runs[attempt - 1] = [];
    this.runs.set(name, runs);
  }

  /** Appends to the component's newest run (a first run is begun if none is). */
  write(name: string, ...lines: ComponentLine[]): void {
    const runs = this.runs.get(name) ?? [[]];
    this.runs.set(name, runs);
    const run = runs[runs.length - 1]!;
    run.push(...lines.slice(0, Math.max(0, MAX_LINES - run.length)));
  }

  lines(name: string, attempt: number): readonly ComponentLine[] {
    return this.runs.get(name)?.[attempt - 1] ?? [];
  }
}

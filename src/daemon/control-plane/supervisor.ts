// The control-plane node's static pods for kube-scheduler and kube-controller-manager, run the
// way its kubelet runs them: a component runs while its manifest exists and its command line is
// valid; an edit restarts it; a bad flag or a start failure is retried with the kubelet's
// crash back-off (10 s doubling to 5 min); removing the manifest stops it.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { staticPodArgs } from '../bootstrap/static-pod-args.js';
import { parseComponentFlags, type FlagSpec } from './flags.js';
import type { ComponentExit, ComponentLine, ComponentRun } from '../../kubelet/static-pods/types.js';
import { startFailureLines, upstreamLine } from './klog.js';
import { ComponentOutputs } from './output.js';

export interface Running {
  stop(): Promise<void>;
}

export interface ComponentSpec {
  /** The binary and container name (kube-scheduler). */
  name: string;
  /** Its name in componentstatuses (scheduler) and health port. */
  statusName: string;
  healthPort: number;
  manifest: string;
  flags: FlagSpec;
  /** What the component prints as it starts (host paths in flags map back with inNode). */
  banner(at: number, flags: Record<string, string>, inNode: (p: string) => string): ComponentLine[];
  /** Starts the component; log gets its messages (those upstream prints too reach its container log). */
  start(flags: Record<string, string>, log: (m: string) => void): Promise<Running>;
}

interface State {
  text: string | undefined;
  running?: Running;
  error?: string;
  nextTry: number;
  backoff: number;
  /** Starts tried since the manifest last changed, when the current run started, the last failed start. */
  attempts: number;
  startedAt?: number;
  lastExit?: ComponentExit;
  /** The back-off the component waits out now. */
  waiting?: number;
}

const BACKOFF_START = 10_000;
const BACKOFF_MAX = 300_000;

export class StaticPodSupervisor {
  private readonly states = new Map<string, State>();
  private timer: NodeJS.Timeout | undefined;
  private tick: Promise<void> = Promise.resolve();

  constructor(private readonly nodeRoot: string, private readonly specs: ComponentSpec[], private readonly log: (m: string) => void,
    private readonly now: () => number = Date.now, readonly outputs = new ComponentOutputs()) {}

  /** Checks the manifests now and then every pollMs (components start in the background). */
  start(pollMs = 1000): void {
    this.tick = this.check();
    this.timer = setInterval(() => { this.tick = this.tick.then(() => this.check()); }, pollMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.tick;
    await Promise.all([...this.states.values()].map((s) => s.running?.stop()));
    this.states.clear();
  }

  running(name: string): boolean {
    return !!this.states.get(name)?.running;
  }

  /** The run state the control-plane node's kubelet reports in the component's mirror pod. */
  status(name: string): ComponentRun | undefined {
    if (!this.specs.some((s) => s.name === name)) return undefined;
    const st = this.states.get(name);
    if (!st) return { state: 'starting', attempts: 0 };
    const last = st.lastExit ? { lastExit: st.lastExit } : {};
    if (st.running) return { state: 'running', attempts: st.attempts, startedAt: st.startedAt ?? this.now(), ...last };
    if (st.lastExit && st.waiting !== undefined) return { state: 'crashed', attempts: st.attempts, lastExit: st.lastExit, backoffMs: st.waiting };
    return { state: 'starting', attempts: st.attempts, ...last };
  }

  /** componentstatuses: healthy while running, else the refused health probe. */
  health(): { name: string; healthy: boolean; message: string; error: string }[] {
    return this.specs.map((s) => this.running(s.name)
      ? { name: s.statusName, healthy: true, message: 'ok', error: '' }
      : { name: s.statusName, healthy: false, message: '', error: `Get "https://127.0.0.1:${s.healthPort}/healthz": dial tcp 127.0.0.1:${s.healthPort}: connect: connection refused` });
  }

  /** The component's log: the daemon's, and its container's for what upstream prints too. */
  private componentLog(name: string): (m: string) => void {
    return (m) => {
      this.log(m);
      const line = upstreamLine(this.now(), m);
      if (line) this.outputs.write(name, line);
    };
  }

  /** A host path under the node's root as the node sees it. */
  private inNode(p: string): string {
    return p.startsWith(this.nodeRoot + '/') ? p.slice(this.nodeRoot.length) : p;
  }

  private inNodeText(text: string): string {
    return text.split(this.nodeRoot + '/').join('/');
  }

  async check(): Promise<void> {
    for (const spec of this.specs) await this.checkOne(spec);
  }

  private async checkOne(spec: ComponentSpec): Promise<void> {
    const text = await readFile(join(this.nodeRoot, spec.manifest), 'utf8').catch(() => undefined);
    let st = this.states.get(spec.name);
    if (!st || st.text !== text) {
      if (st?.running) {
        this.log(`${spec.name}: manifest ${text === undefined ? 'removed' : 'changed'}, stopping`);
        await st.running.stop();
      }
      st = { text, nextTry: 0, backoff: BACKOFF_START, attempts: 0 };
      this.states.set(spec.name, st);
      this.outputs.reset(spec.name);
    }
    if (st.running || text === undefined || this.now() < st.nextTry) return;
    st.attempts += 1;
    const at = this.now();
    this.outputs.begin(spec.name, st.attempts);
    try {
      const parsed = parseComponentFlags(staticPodArgs(this.nodeRoot, { manifest: spec.manifest, component: spec.name, pathFlags: spec.flags.paths }), spec.flags);
      if ('error' in parsed) throw new Error(parsed.error);
      this.outputs.write(spec.name, ...spec.banner(at, parsed.flags, (p) => this.inNode(p)));
      st.running = await spec.start(parsed.flags, this.componentLog(spec.name));
      st.error = undefined;
      st.startedAt = at;
      delete st.waiting;
      this.log(`${spec.name}: started`);
    } catch (err) {
      st.error = (err as Error).message;
      this.outputs.begin(spec.name, st.attempts);
      this.outputs.write(spec.name, ...startFailureLines(this.now(), this.inNodeText(st.error)));
      st.nextTry = this.now() + st.backoff;
      st.lastExit = { exitCode: 1, startedAt: at, finishedAt: this.now() };
      st.waiting = st.backoff;
      this.log(`${spec.name}: ${st.error} (back-off ${st.backoff / 1000}s)`);
      st.backoff = Math.min(st.backoff * 2, BACKOFF_MAX);
    }
  }
}

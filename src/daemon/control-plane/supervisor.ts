// The control-plane node's static pods for kube-scheduler and kube-controller-manager, run the
// way its kubelet runs them: a component runs while its manifest exists and its command line is
// valid; an edit restarts it; a bad flag or a start failure is retried with the kubelet's
// crash back-off (10 s doubling to 5 min); removing the manifest stops it.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { staticPodArgs } from '../bootstrap/static-pod-args.js';
import { parseComponentFlags, type FlagSpec } from './flags.js';

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
  start(flags: Record<string, string>): Promise<Running>;
}

interface State {
  text: string | undefined;
  running?: Running;
  error?: string;
  nextTry: number;
  backoff: number;
}

const BACKOFF_START = 10_000;
const BACKOFF_MAX = 300_000;

export class StaticPodSupervisor {
  private readonly states = new Map<string, State>();
  private timer: NodeJS.Timeout | undefined;
  private tick: Promise<void> = Promise.resolve();

  constructor(private readonly nodeRoot: string, private readonly specs: ComponentSpec[], private readonly log: (m: string) => void,
    private readonly now: () => number = Date.now) {}

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

  /** componentstatuses: healthy while running, else the refused health probe. */
  health(): { name: string; healthy: boolean; message: string; error: string }[] {
    return this.specs.map((s) => this.running(s.name)
      ? { name: s.statusName, healthy: true, message: 'ok', error: '' }
      : { name: s.statusName, healthy: false, message: '', error: `Get "https://127.0.0.1:${s.healthPort}/healthz": dial tcp 127.0.0.1:${s.healthPort}: connect: connection refused` });
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
      st = { text, nextTry: 0, backoff: BACKOFF_START };
      this.states.set(spec.name, st);
    }
    if (st.running || text === undefined || this.now() < st.nextTry) return;
    try {
      const parsed = parseComponentFlags(staticPodArgs(this.nodeRoot, { manifest: spec.manifest, component: spec.name, pathFlags: spec.flags.paths }), spec.flags);
      if ('error' in parsed) throw new Error(parsed.error);
      st.running = await spec.start(parsed.flags);
      st.error = undefined;
      this.log(`${spec.name}: started`);
    } catch (err) {
      st.error = (err as Error).message;
      st.nextTry = this.now() + st.backoff;
      this.log(`${spec.name}: ${st.error} (back-off ${st.backoff / 1000}s)`);
      st.backoff = Math.min(st.backoff * 2, BACKOFF_MAX);
    }
  }
}

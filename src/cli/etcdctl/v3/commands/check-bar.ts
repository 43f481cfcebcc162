// The progress bar of `check perf` / `check datascale`: gopkg.in/cheggaaa/pb.v1 (v1.0.25) as
// etcdctl uses it (pb.New(total), Format("Bom !"), Start, Add/Increment, Finish). It writes
// `\r` + its line on stdout when started and every 200 ms, and at Finish a last line with the
// elapsed time and a newline. Its width is the controlling terminal's (see check-terminal.ts):
// without one it is 0, and the line is only ` current / total  percent% timeleft`.
import { goFixed } from './check-load.js';

const REFRESH_MS = 200;
const NS_PER_S = 1e9;
const NS_PER_MIN = 60 * NS_PER_S;
const NS_PER_H = 60 * NS_PER_MIN;
const NS_PER_DAY = 24 * NS_PER_H;
/** Format("Bom !"): bar start, current, current end, empty, bar end. */
const BAR = { start: 'B', current: 'o', currentN: 'm', empty: ' ', end: '!' };

export interface BarFrame {
  total: number;
  current: number;
  /** columns, 0 without a terminal */
  width: number;
  /** the value at Start */
  startValue: number;
  /** nanoseconds since Start */
  sinceStart: number;
  /** nanoseconds from Start to the last observed change */
  changeFromStart: number;
  /** nanoseconds since the last observed change */
  sinceChange: number;
  /** Finish's line: the elapsed time instead of the time left */
  final: boolean;
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** pb's U_DURATION format: [Nd][Nh]MMmSSs. */
export function pbDuration(ns: number): string {
  let d = ns;
  let out = '';
  if (d > NS_PER_DAY) { out = `${Math.floor(d / NS_PER_DAY)}d`; d -= Math.floor(d / NS_PER_DAY) * NS_PER_DAY; }
  if (d > NS_PER_H) { out += `${Math.floor(d / NS_PER_H)}h`; d -= Math.floor(d / NS_PER_H) * NS_PER_H; }
  const m = Math.floor(d / NS_PER_MIN);
  return `${out}${pad2(m)}m${pad2(Math.floor((d - m * NS_PER_MIN) / NS_PER_S))}s`;
}

/** Go's time.Duration.String() of whole seconds (0s, 2s, 1m0s, 1h0m0s). */
export function goSeconds(secs: number): string {
  const h = Math.floor(secs / 3600);
  const m = Math.floor((secs % 3600) / 60);
  const s = secs % 60;
  if (h > 0) return `${h}h${m}m${s}s`;
  return m > 0 ? `${m}m${s}s` : `${s}s`;
}

function timeLeftBox(f: BarFrame): string {
  if (f.final) return ` ${goSeconds(Math.trunc(f.sinceStart / NS_PER_S))}`;
  const done = f.current - f.startValue;
  if (done <= 0) return '';
  const perEntry = Math.trunc(f.changeFromStart / done);
  const left = Math.trunc(((f.total - done) * perEntry - f.sinceChange) / NS_PER_S) * NS_PER_S;
  return left > 0 ? ` ${pbDuration(left)}` : '';
}

function barBox(f: BarFrame, size: number): string {
  if (size <= 0) return '';
  let cur = Math.ceil((f.current / f.total) * size);
  const empty = Math.max(size - cur, 0);
  cur = Math.min(cur, size);
  let box = BAR.start;
  if (empty <= 0) box += BAR.current.repeat(cur);
  else if (cur > 0) box += BAR.current.repeat(cur - 1) + BAR.currentN;
  return box + BAR.empty.repeat(empty) + BAR.end;
}

/** One line of the bar, without its leading `\r`. */
export function renderFrame(f: BarFrame): string {
  const percent = f.total > 0 ? f.current / (f.total / 100) : f.current / 100;
  const percentBox = ` ${goFixed(percent, 2).padStart(6)}%`;
  const counters = ` ${f.current} / ${f.total > 0 ? f.total : '?'} `;
  const left = timeLeftBox(f);
  const size = f.width - (counters.length + BAR.start.length + BAR.end.length + percentBox.length + left.length);
  const out = counters + (f.total > 0 ? barBox(f, size) : '') + percentBox + left;
  return out.length < f.width ? out + ' '.repeat(f.width - out.length) : out;
}

export interface BarDeps {
  write(text: string): void;
  /** the terminal's columns now (0: none) */
  width(): number;
  /** monotonic nanoseconds */
  now(): number;
}

export class ProgressBar {
  private current = 0;
  private previous = 0;
  private startValue = 0;
  private startedAt = 0;
  private changedAt = 0;
  private timer: NodeJS.Timeout | undefined;
  private done = false;

  constructor(private readonly total: number, private readonly deps: BarDeps) {}

  start(): void {
    this.startedAt = this.deps.now();
    this.startValue = this.current;
    this.update();
    this.schedule();
  }

  get stopped(): boolean {
    return this.done;
  }

  add(n = 1): void {
    this.current += n;
  }

  /** The last line (elapsed time) and a newline; the refresher stops. */
  finish(): void {
    if (this.done) return;
    this.stop();
    this.draw(true);
    this.deps.write('\n');
  }

  /** The refresher stops without a last line (the process ended before Finish). */
  stop(): void {
    this.done = true;
    clearTimeout(this.timer);
  }

  private schedule(): void {
    this.timer = setTimeout(() => {
      if (this.done) return;
      this.update();
      this.schedule();
    }, REFRESH_MS);
  }

  private update(): void {
    if (this.previous !== this.current) {
      this.changedAt = this.deps.now();
      this.previous = this.current;
    }
    this.draw(false);
  }

  private draw(final: boolean): void {
    const now = this.deps.now();
    this.deps.write(`\r${renderFrame({
      total: this.total, current: this.current, width: this.deps.width(), startValue: this.startValue,
      sinceStart: now - this.startedAt, changeFromStart: this.changedAt - this.startedAt, sinceChange: now - this.changedAt, final,
    })}`);
  }
}

// A container's stdin (spec.stdin: true), what `kubectl run -i` and `kubectl attach -i` write to:
// the runtime keeps it open for the container's life and clients attach to it one after another.
// With stdinOnce the first client to leave closes it, and the process reads end of input. With a
// tty the input goes through the terminal's line discipline (echo and line editing), whose echo
// is part of the container's output.
import { AsyncQueue } from '../../api/http/async-queue.js';
import { LineDiscipline } from '../exec/tty.js';

export interface StdinOptions {
  tty: boolean;
  once: boolean;
  /** The terminal's echo, written to the container's output. */
  echo(text: string): void;
}

export class ContainerStdin {
  private readonly queue = new AsyncQueue<string>();
  private readonly tty: LineDiscipline | undefined;
  private partial = '';
  private closed = false;
  /** Set while the shell waits for a command (^C then only starts a new prompt). */
  readonly waiting = { now: false };

  constructor(private readonly o: StdinOptions) {
    this.tty = o.tty ? new LineDiscipline({ echo: o.echo, interrupt: () => this.interrupt() }) : undefined;
  }

  /** The input lines the process reads (each with its NL; a last one without). */
  lines(): AsyncIterator<string> {
    return (this.tty ? this.tty.lines : this.queue)[Symbol.asyncIterator]();
  }

  feed(chunk: Buffer): void {
    if (this.closed) return;
    if (this.tty) return this.tty.feed(chunk);
    this.partial += chunk.toString('utf8');
    let nl: number;
    while ((nl = this.partial.indexOf('\n')) >= 0) {
      this.queue.push(this.partial.slice(0, nl + 1));
      this.partial = this.partial.slice(nl + 1);
    }
  }

  /** A client's input ended: with stdinOnce that is the end of the container's input. */
  detach(): void {
    if (this.o.once) this.close();
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    if (this.tty) return this.tty.end();
    if (this.partial) this.queue.push(this.partial);
    this.partial = '';
    this.queue.end();
  }

  private interrupt(): void {
    if (this.waiting.now) this.tty?.lines.push('\n');
  }

  /** Feeds a client's input until it ends, then detaches it. */
  async pump(chunks: AsyncIterable<Buffer>): Promise<void> {
    try {
      for await (const c of chunks) this.feed(c);
    } finally {
      this.detach();
    }
  }
}

// The terminal an exec with tty runs on, as a pty in its default (cooked) mode: input is echoed
// and edited a line at a time (CR read as NL, DEL/BS erase, ^U kills the line, ^C interrupts,
// ^D on an empty line is end of input; escape sequences such as arrow keys are dropped), and
// output has NL written as CR NL. Everything the command writes, stderr too, reaches stdout.
import { AsyncQueue } from '../../api/http/async-queue.js';

export interface TtyHooks {
  /** Echo and output toward the client's terminal. */
  echo(text: string): void;
  /** ^C: the foreground command is interrupted. */
  interrupt(): void;
}

/** NL → CR NL, as ONLCR does (a CR NL already there stays as it is). */
export const onlcr = (text: string): string => text.replace(/\r?\n/g, '\r\n');

export class LineDiscipline {
  /** Completed input lines (with their NL), and a last partial one at ^D. */
  readonly lines = new AsyncQueue<string>();
  private line = '';
  private escape = 0;

  constructor(private readonly hooks: TtyHooks) {}

  feed(data: Buffer | string): void {
    for (const ch of typeof data === 'string' ? data : data.toString('utf8')) this.char(ch);
  }

  /** The client closed its input. */
  end(): void {
    if (this.line) this.lines.push(this.line);
    this.line = '';
    this.lines.end();
  }

  private char(ch: string): void {
    if (this.skipEscape(ch)) return;
    switch (ch) {
      case '\r':
      case '\n':
        this.hooks.echo('\r\n');
        this.lines.push(`${this.line}\n`);
        this.line = '';
        return;
      case '\x7f':
      case '\b':
        if (!this.line) return;
        this.line = [...this.line].slice(0, -1).join('');
        this.hooks.echo('\b \b');
        return;
      case '\x15':
        this.hooks.echo('\b \b'.repeat([...this.line].length));
        this.line = '';
        return;
      case '\x03':
        this.hooks.echo('^C\r\n');
        this.line = '';
        this.hooks.interrupt();
        return;
      case '\x04':
        if (this.line) {
          this.lines.push(this.line);
          this.line = '';
        } else this.end();
        return;
      default:
        if (ch < ' ' && ch !== '\t') return;
        this.line += ch;
        this.hooks.echo(ch);
    }
  }

  /** ESC [ … final byte (CSI) or ESC + one char: consumed without effect. */
  private skipEscape(ch: string): boolean {
    if (this.escape === 0 && ch === '\x1b') {
      this.escape = 1;
      return true;
    }
    if (this.escape === 1) {
      this.escape = ch === '[' || ch === 'O' ? 2 : 0;
      return true;
    }
    if (this.escape === 2) {
      if (ch >= '@' && ch <= '~') this.escape = 0;
      return true;
    }
    return false;
  }
}

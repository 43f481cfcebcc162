// Progress of a long command on stderr, as kind shows it: a spinner on a terminal (ora), plain
// lines otherwise (" • Starting the control plane ..." then " ✓ Starting the control plane").
import type { OutStream } from '../shared/io.js';

export interface Progress {
  /** Runs `work` as one step titled `title`; the step is marked done or failed. */
  step<T>(title: string, work: () => Promise<T>): Promise<T>;
}

export function plainProgress(out: OutStream): Progress {
  return {
    async step(title, work) {
      out.write(` • ${title} ...\n`);
      try {
        const result = await work();
        out.write(` ✓ ${title}\n`);
        return result;
      } catch (err) {
        out.write(` ✗ ${title}\n`);
        throw err;
      }
    },
  };
}

export async function spinnerProgress(out: OutStream): Promise<Progress> {
  const { default: ora } = await import('ora');
  return {
    async step(title, work) {
      const spinner = ora({ text: title, stream: out as NodeJS.WritableStream, prefixText: '' }).start();
      try {
        const result = await work();
        spinner.succeed(title);
        return result;
      } catch (err) {
        spinner.fail(title);
        throw err;
      }
    },
  };
}

export function progressFor(out: OutStream, interactive: boolean): Promise<Progress> {
  return interactive ? spinnerProgress(out) : Promise.resolve(plainProgress(out));
}

// How a crictl run ends. An ordinary error is logrus.Fatal'd (exit 1); an aggregate (rm, rmp, rmi,
// exec) is printed one plain line per error by urfave (exit 1); an exit coder prints its text and
// exits with its code ("No help topic for 'x'", 3); Go's log.Fatal prints a dated line (exit 1).
import type { Logger } from './logrus.js';

/** An error whose text is printed as is, ending the run with `code` (urfave's cli.Exit). */
export class ExitCoder extends Error {
  constructor(message: string, readonly code: number) {
    super(message);
  }
}

/** k8s.io/apimachinery's aggregate error: urfave prints each part on its own line. */
export class AggregateError extends Error {
  constructor(readonly errors: Error[]) {
    super(errors.length === 1 ? errors[0]!.message : `[${errors.map((e) => e.message).join(', ')}]`);
  }
}

/** Go's log.Fatalf (used for a bad --state). */
export class StdLogFatal extends Error {}

/** An error already reported (e.g. a flag error after "Incorrect Usage"): logrus.Fatal its text. */
export class UsageError extends Error {}

/** Errors that end the run their own way and pass through wrapping unchanged. */
export function isTerminal(err: unknown): err is Error {
  return err instanceof ExitCoder || err instanceof AggregateError || err instanceof StdLogFatal;
}

/** Go's fmt.Errorf("…: %w", err) with our errors. */
export function wrapError(prefix: string, err: unknown): Error {
  if (isTerminal(err)) return err;
  return new Error(`${prefix}: ${errorText(err)}`);
}

export function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** The error sink: prints `err` as crictl would and returns the exit code. */
export function reportError(err: unknown, log: Logger, stderr: { write(s: string): unknown }): number {
  if (err instanceof ExitCoder) {
    if (err.message !== '') stderr.write(`${err.message}\n`);
    return err.code;
  }
  if (err instanceof AggregateError) {
    for (const e of err.errors) stderr.write(`${e.message}\n`);
    return 1;
  }
  if (err instanceof StdLogFatal) {
    log.stdlog(err.message);
    return 1;
  }
  log.fatal(errorText(err));
  return 1;
}

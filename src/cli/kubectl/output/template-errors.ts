// What every command needs of the template printers without loading them (the error sink is on
// kubectl's start-up path): the error carrying a failed template's partial output, and the flag.

/** --allow-missing-template-keys: true unless given false (absent from a command: true). */
export function allowMissingKeys(ctx: { str(name: string): string }): boolean {
  return ctx.str('allow-missing-template-keys') !== 'false';
}

/** What was printed before a template failed, and why it failed. */
export class PartialOutputError extends Error {
  constructor(readonly output: string, message: string) {
    super(message);
  }
}

// A typed exit: commands throw it, the binary's one error sink prints `message` (when given)
// and returns `code`. Each tool keeps its own table of codes.
export class ExitError extends Error {
  constructor(readonly code: number, message = '', readonly printed = false) {
    super(message);
  }
}

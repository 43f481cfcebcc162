// Markers the executor passes around: no value piped into a command (Go's missingVal), and the
// unwinding of {{break}} and {{continue}} to their {{range}}.

export const MISSING = Symbol('missing');

export class BreakSignal {}
export class ContinueSignal {}

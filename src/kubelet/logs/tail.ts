// The kubelet's tail.FindTailLineStartIndex: where the last n lines of a log start. An incomplete
// last line (no newline yet) is not counted; n < 0 means the whole file.

const EOL = 0x0a;

export function tailStart(buf: Buffer, n: number): number {
  if (n < 0) return 0;
  // Walk back over n complete lines: the start is just after the (n+1)th newline from the end,
  // not counting a newline that ends the buffer's incomplete tail.
  // The newline that ends the last complete line.
  let end = buf.lastIndexOf(EOL);
  if (end < 0) return 0;
  for (let seen = 0; seen < n; seen++) {
    const prev = end > 0 ? buf.lastIndexOf(EOL, end - 1) : -1;
    if (prev < 0) return 0;
    end = prev;
  }
  return end + 1;
}

// Where Go's tar.Reader stops reading: after the two zero blocks that end an archive (it never
// reads the record padding behind them). kubectl cp's TarPipe only retries, or says it drops out,
// when the reader hits the end of the pod's output before that point. Headers are decoded by
// tar-stream; this only walks the 512-byte blocks (header, then the entry's padded data).
const BLOCK = 512;
/** Typeflags whose size field carries no data (isHeaderOnlyType). */
const HEADER_ONLY = new Set(['1', '2', '3', '4', '5', '6']);

/** The entry's data size: octal, or base-256 when the high bit is set. */
function dataSize(header: Buffer): number {
  const field = header.subarray(124, 136);
  if ((field[0]! & 0x80) !== 0) return field.subarray(1).reduce((n, b) => n * 256 + b, field[0]! & 0x7f);
  const text = field.toString('latin1').replace(/\0.*$/s, '').trim();
  return text === '' ? 0 : parseInt(text, 8) || 0;
}

export class ArchiveEnd {
  private skip = 0;
  private partial = Buffer.alloc(0);
  private zeros = 0;
  /** Both end-of-archive blocks were read. */
  done = false;

  feed(chunk: Buffer): void {
    let i = 0;
    while (i < chunk.length && !this.done) {
      if (this.skip > 0) {
        const n = Math.min(this.skip, chunk.length - i);
        this.skip -= n;
        i += n;
        continue;
      }
      const take = chunk.subarray(i, i + BLOCK - this.partial.length);
      i += take.length;
      this.partial = Buffer.concat([this.partial, take]);
      if (this.partial.length < BLOCK) return;
      this.header(this.partial);
      this.partial = Buffer.alloc(0);
    }
  }

  private header(block: Buffer): void {
    if (block.every((b) => b === 0)) {
      this.done = ++this.zeros === 2;
      return;
    }
    this.zeros = 0;
    const flag = String.fromCharCode(block[156]!);
    this.skip = HEADER_ONLY.has(flag) ? 0 : Math.ceil(dataSize(block) / BLOCK) * BLOCK;
  }
}

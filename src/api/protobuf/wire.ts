// A protobuf wire reader with the checks, and the error texts, of the Unmarshal methods gogo
// generates for the Kubernetes types (generated.pb.go): varints of at most ten bytes, lengths
// checked against the enclosing message, unknown fields skipped as skipGenerated does.

/** A malformed body: message is the Go error text (`unexpected EOF`, `proto: integer overflow`). */
export class WireError extends Error {}

export const ERR_EOF = 'unexpected EOF';
export const ERR_OVERFLOW = 'proto: integer overflow';
export const ERR_LENGTH = 'proto: negative length found during unmarshaling';
export const ERR_END_GROUP = 'proto: unexpected end of group';

const INT64_LIMIT = 1n << 63n;

export interface Tag {
  num: number;
  wireType: number;
  /** The whole tag varint, as gogo prints it in "illegal tag" errors. */
  raw: bigint;
}

/** Reads one message's bytes (a Go dAtA slice: every bound is this buffer's end). */
export class WireReader {
  pos = 0;

  constructor(readonly buf: Buffer) {}

  get done(): boolean {
    return this.pos >= this.buf.length;
  }

  /** A varint as uint64 (bits past 64 dropped, as Go's shifts drop them). */
  varint(): bigint {
    let value = 0n;
    for (let shift = 0n; ; shift += 7n) {
      if (shift >= 64n) throw new WireError(ERR_OVERFLOW);
      if (this.pos >= this.buf.length) throw new WireError(ERR_EOF);
      const b = this.buf[this.pos++]!;
      value |= BigInt(b & 0x7f) << shift;
      if (b < 0x80) return BigInt.asUintN(64, value);
    }
  }

  tag(): Tag {
    const raw = this.varint();
    return { num: Number(BigInt.asIntN(32, raw >> 3n)), wireType: Number(raw & 7n), raw };
  }

  /** The end of a length-delimited payload starting here, checked as gogo checks it. */
  private end(length: bigint): number {
    const signed = BigInt.asIntN(64, length);
    if (signed < 0n || BigInt(this.pos) + signed >= INT64_LIMIT) throw new WireError(ERR_LENGTH);
    const end = BigInt(this.pos) + signed;
    if (end > BigInt(this.buf.length)) throw new WireError(ERR_EOF);
    return Number(end);
  }

  /** A length-delimited payload (string, bytes, message, map entry, packed list). */
  bytes(): Buffer {
    const end = this.end(this.varint());
    const out = this.buf.subarray(this.pos, end);
    this.pos = end;
    return out;
  }

  fixed(size: 4 | 8): Buffer {
    if (this.pos + size > this.buf.length) throw new WireError(ERR_EOF);
    const out = this.buf.subarray(this.pos, this.pos + size);
    this.pos += size;
    return out;
  }

  /** Skips the field whose tag starts at `start` (skipGenerated on dAtA[start:]). */
  skipFrom(start: number): void {
    this.pos = start;
    let depth = 0;
    while (this.pos < this.buf.length) {
      const wireType = Number(this.varint() & 7n);
      this.skipValue(wireType, depth);
      if (wireType === 3) depth++;
      if (wireType === 4) depth--;
      if (depth === 0) {
        if (this.pos > this.buf.length) throw new WireError(ERR_EOF);
        return;
      }
    }
    throw new WireError(ERR_EOF);
  }

  private skipValue(wireType: number, depth: number): void {
    switch (wireType) {
      case 0:
        this.varint();
        return;
      case 1:
        this.pos += 8;
        return;
      case 2: {
        const length = BigInt.asIntN(64, this.varint());
        if (length < 0n || BigInt(this.pos) + length >= INT64_LIMIT) throw new WireError(ERR_LENGTH);
        this.pos += Number(length > BigInt(this.buf.length) ? BigInt(this.buf.length) + 1n : length);
        return;
      }
      case 3:
        return;
      case 4:
        if (depth === 0) throw new WireError(ERR_END_GROUP);
        return;
      case 5:
        this.pos += 4;
        return;
      default:
        throw new WireError(`proto: illegal wireType ${wireType}`);
    }
  }
}

// A minimal protobuf writer for building request bodies in tests, field by field, as gogo would.
import { varintBytes } from '../../schema/proto-writer.js';

export class Pb {
  private parts: Buffer[] = [];

  private tag(num: number, wireType: number): this {
    this.parts.push(varintBytes(BigInt((num << 3) | wireType)));
    return this;
  }

  /** A varint field (int32, int64, bool); negative numbers take ten bytes, as Go writes them. */
  varint(num: number, value: number | bigint | boolean): this {
    const v = typeof value === 'boolean' ? (value ? 1n : 0n) : BigInt(value);
    this.tag(num, 0).parts.push(varintBytes(v));
    return this;
  }

  bytes(num: number, value: Buffer | string | Pb): this {
    const payload = value instanceof Pb ? value.finish() : Buffer.from(value);
    this.tag(num, 2).parts.push(varintBytes(BigInt(payload.length)), payload);
    return this;
  }

  str(num: number, value: string): this {
    return this.bytes(num, value);
  }

  msg(num: number, value: Pb): this {
    return this.bytes(num, value);
  }

  /** A map entry { key = 1, value = 2 }. */
  entry(num: number, key: string, value: string | Buffer | Pb): this {
    return this.msg(num, new Pb().str(1, key).bytes(2, value));
  }

  /** Raw bytes as they are (for malformed input). */
  raw(bytes: number[] | Buffer): this {
    this.parts.push(Buffer.from(bytes));
    return this;
  }

  finish(): Buffer {
    return Buffer.concat(this.parts);
  }
}

export const pb = (): Pb => new Pb();

/** `k8s\0` + runtime.Unknown{typeMeta{apiVersion, kind}, raw}. */
export function body(apiVersion: string, kind: string, object: Pb | Buffer): Buffer {
  const raw = object instanceof Pb ? object.finish() : object;
  const unknown = pb().msg(1, pb().str(1, apiVersion).str(2, kind)).bytes(2, raw).str(3, '').str(4, '');
  return Buffer.concat([Buffer.from('k8s\0', 'latin1'), unknown.finish()]);
}

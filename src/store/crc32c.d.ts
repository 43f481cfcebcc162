declare module 'crc-32/crc32c.js' {
  /** CRC-32C (Castagnoli) of bytes, continuing from seed; a signed 32-bit result. */
  export function buf(data: number[] | Uint8Array, seed?: number): number;
  export function str(data: string, seed?: number): number;
}

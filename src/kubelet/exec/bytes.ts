// The simulated shell's strings as the bytes a process writes: its text is Unicode, but a
// command that writes raw bytes (printf '\xff', tar) gives one char per byte. A string with
// chars above U+00FF is text (UTF-8); otherwise its chars are bytes when those bytes are
// themselves valid UTF-8 (ASCII, tar archives, printf'd UTF-8), and text when they are not
// (a lone é). Input goes the other way: valid UTF-8 is decoded, anything else kept byte for byte.

const utf8 = new TextDecoder('utf-8', { fatal: true });

function validUtf8(b: Buffer): boolean {
  try {
    utf8.decode(b);
    return true;
  } catch {
    return false;
  }
}

export function shellBytes(text: string): Buffer {
  if (/[^\x00-\xff]/.test(text)) return Buffer.from(text, 'utf8');
  const raw = Buffer.from(text, 'latin1');
  return validUtf8(raw) ? raw : Buffer.from(text, 'utf8');
}

export function shellText(bytes: Buffer): string {
  return validUtf8(bytes) ? bytes.toString('utf8') : bytes.toString('latin1');
}

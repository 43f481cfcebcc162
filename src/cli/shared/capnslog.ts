// coreos/capnslog's line format (`2006-01-02 15:04:05.000000 W | pkg: message`), local time.
function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** capnslog's `2006-01-02 15:04:05.000000` in local time. */
export function capnslogTime(d = new Date()): string {
  const micros = `${pad(d.getMilliseconds(), 3)}${pad(Math.floor(Math.random() * 1000), 3)}`;
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.${micros}`;
}

/** One line; an empty `pkg` (a logger without package) prints the message alone. */
export function capnslog(level: 'C' | 'W' | 'I' | 'E', pkg: string, message: string): string {
  return `${capnslogTime()} ${level} | ${pkg === '' ? '' : `${pkg}: `}${message}\n`;
}

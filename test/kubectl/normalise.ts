// What may differ between two runs of the same command: ages and the column widths that follow
// them, klog headers (time, pid), and the identity of objects created in each run.
const AGE = /(?<=^|[\s(])(\d+(s|m|h|d|y)(\d+(s|m|h|d))?|<invalid>)(?=[\s)]|$)/gm;
const KLOG = /^([EWI])\d{4} \d{2}:\d{2}:\d{2}\.\d{6} +\d+ /gm;

export function normalise(text: string): string {
  return text
    .replace(KLOG, '$1MMDD hh:mm:ss.uuuuuu PID ')
    .replace(AGE, '<age>')
    .replace(/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/g, '<uid>')
    .replace(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z/g, '<time>')
    .replace(/("?resourceVersion"?:\s*)"\d+"/g, '$1"<rv>"')
    .replace(/ {2,}/g, '  ')
    .replace(/ +$/gm, '');
}

// hostPath volumes: the path under the node's root folder, checked or created as its type says
// (pkg/volume/hostpath's type checker wording); PVCs bound to a hostPath or local PV use it too.
import { closeSync, mkdirSync, openSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { VolumeError } from './types.js';

type Kind = 'dir' | 'file' | 'socket' | 'char' | 'block' | 'missing' | 'other';

function kindOf(real: string): Kind {
  try {
    const s = statSync(real);
    if (s.isDirectory()) return 'dir';
    if (s.isFile()) return 'file';
    if (s.isSocket()) return 'socket';
    return s.isCharacterDevice() ? 'char' : s.isBlockDevice() ? 'block' : 'other';
  } catch {
    return 'missing';
  }
}

const NEEDS: Record<string, [Kind, string]> = {
  Directory: ['dir', 'is not a directory'],
  File: ['file', 'is not a file'],
  Socket: ['socket', 'is not a socket file'],
  CharDevice: ['char', 'is not a character device'],
  BlockDevice: ['block', 'is not a block device'],
};

/** Checks (or creates) path under nodeRoot for the hostPath type; the error names the in-node path. */
export function prepareHostPath(volume: string, nodeRoot: string, path: string, type = ''): void {
  const real = join(nodeRoot, path);
  const kind = kindOf(real);
  const fail = (reason: string) => new VolumeError(volume, reason);
  try {
    // An unset type is not checked; containerd's CRI creates a missing bind source as a directory.
    if ((type === 'DirectoryOrCreate' || type === '') && kind === 'missing') return void mkdirSync(real, { recursive: true, mode: 0o755 });
    if (type === 'FileOrCreate' && kind === 'missing') return void closeSync(openSync(real, 'a', 0o644));
  } catch (err) {
    throw fail((err as Error).message.split(nodeRoot).join(''));
  }
  const need = NEEDS[type.replace(/OrCreate$/, '')];
  if (need && kind !== need[0]) throw fail(`hostPath type check failed: ${path} ${need[1]}`);
}

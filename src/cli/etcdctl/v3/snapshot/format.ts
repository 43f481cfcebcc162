// The contract of a snapshot file format (status and restore), see backend.ts.
import type { SnapshotStatus } from '../printers/types.js';

export interface RestoreOptions {
  file: string;
  name: string;
  dataDir: string;
  walDir: string;
  cluster: Map<string, string[]>;
  token: string;
  peerUrls: string[];
  skipHashCheck: boolean;
}

export interface SnapshotFormat {
  name: string;
  detect(data: Buffer): boolean;
  /** path: the file's absolute path (data: its bytes). */
  status(data: Buffer, path: string): Promise<SnapshotStatus>;
  /** Writes the data dir (paths in o are relative to cwd); log gets etcdctl's stderr lines. */
  restore(o: RestoreOptions, cwd: string, log: (line: string) => void): Promise<void>;
}

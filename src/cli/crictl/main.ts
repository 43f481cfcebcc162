// crictl (cri-tools v1.32.0) against the simulated runtime of the node this host stands for.
import { processIo, type Io } from '../shared/io.js';
import { runCrictl } from './app.js';

export type CrictlIo = Io;

export async function main(argv: string[], io: Io = processIo()): Promise<number> {
  return runCrictl(argv, io);
}

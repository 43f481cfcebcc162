// A process's output as it is written, for the clients attached to it: a terminal session shows
// each echoed character and prompt at once, where the CRI log only has whole lines.
import type { Stream } from './cri-log.js';

export type OutputListener = (stream: Stream, text: string) => void;

export class OutputTap {
  private readonly listeners = new Set<OutputListener>();

  emit(stream: Stream, text: string): void {
    for (const l of this.listeners) l(stream, text);
  }

  /** Listens from now on; the returned function stops listening. */
  subscribe(l: OutputListener): () => void {
    this.listeners.add(l);
    return () => void this.listeners.delete(l);
  }
}

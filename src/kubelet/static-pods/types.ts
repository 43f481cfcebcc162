// What the host (the daemon) tells a kubelet about the static pods it runs itself: the
// control-plane components are real in-process servers, so their mirror pods show the host's
// run state instead of a simulated container's.

/** One finished run of a component (a start that failed, or a run that stopped). */
export interface ComponentExit {
  exitCode: number;
  startedAt: number;
  finishedAt: number;
}

/** A component's run state; attempts counts every start tried since its manifest last changed. */
export type ComponentRun =
  | { state: 'starting'; attempts: number; lastExit?: ComponentExit }
  | { state: 'running'; attempts: number; startedAt: number; lastExit?: ComponentExit }
  | { state: 'crashed'; attempts: number; lastExit: ComponentExit; backoffMs: number };

/** One line a component wrote (to its container's log), at a time in ms. */
export interface ComponentLine {
  at: number;
  stream: 'stdout' | 'stderr';
  text: string;
}

export interface StaticPodHost {
  /** The run state of the component a static pod named `name` (its manifest's metadata.name) runs, or
   * undefined when the host does not run it (the kubelet then runs the pod on its simulated runtime). */
  status(name: string): ComponentRun | undefined;
  /** What run `attempt` (1-based, as ComponentRun.attempts counts) of the component has written so far. */
  output?(name: string, attempt: number): readonly ComponentLine[];
}

// kubedojo's exit codes, one table for every command.
//
// | code | when                                                                            |
// | ---- | ------------------------------------------------------------------------------- |
// | 0    | success; also `down` of a cluster that was not running, `--help`, `--version`   |
// | 1    | failure: unknown command or flag, invalid value, cluster not found, a cluster   |
// |      | that did not become ready, any other error (the message says which)             |
// | 2    | `__daemon`: another daemon already serves the cluster                           |
// | 3    | `status`: the cluster exists and is stopped (LSB's "program is not running")    |
export const EXIT = {
  success: 0,
  error: 1,
  lockHeld: 2,
  stopped: 3,
} as const;

// An API 2 (urfave/cli) command: its help text verbatim and its flags, as data.
export type V2FlagType = 'bool' | 'string' | 'int' | 'duration';

export interface V2FlagSpec {
  /** long name first, then aliases */
  names: string[];
  type: V2FlagType;
  def?: string;
}

export interface V2CommandSpec {
  path: string[];
  help: string;
  flags: V2FlagSpec[];
  commands: string[];
}

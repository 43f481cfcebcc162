// crictl's global flags (cmd/crictl/main.go), the help/version flags and the help command urfave adds.
import type { CommandSpec, FlagSpec } from '../urfave/types.js';

export const CRICTL_VERSION = 'v1.32.0';
export const DEFAULT_CONFIG_PATH = '/etc/crictl.yaml';
/** Where a kubeadm node's crictl binary lives; the v1.32 fallback config sits beside it. */
export const CRICTL_BINARY_DIR = '/usr/bin';
export const DEFAULT_RUNTIME_ENDPOINTS = [
  'unix:///run/containerd/containerd.sock',
  'unix:///run/crio/crio.sock',
  'unix:///var/run/cri-dockerd.sock',
];

export const HELP_FLAG: FlagSpec = { kind: 'bool', name: 'help', aliases: ['h'], usage: 'show help', noDefaultText: true };
export const VERSION_FLAG: FlagSpec = { kind: 'bool', name: 'version', aliases: ['v'], usage: 'print the version', noDefaultText: true };

export const HELP_COMMAND: CommandSpec = {
  name: 'help',
  aliases: ['h'],
  usage: 'Shows a list of commands or help for one command',
  argsUsage: '[command]',
  flags: [],
};

const endpoints = `[${DEFAULT_RUNTIME_ENDPOINTS.join(' ')}]`;

/** Sorted by name as crictl sorts them (cli.FlagsByName). */
export const GLOBAL_FLAGS: FlagSpec[] = [
  {
    kind: 'string', name: 'config', aliases: ['c'], env: ['CRI_CONFIG_FILE'], value: DEFAULT_CONFIG_PATH,
    usage: "Location of the client config file. If not specified and the default does not exist, the program's directory is searched as well",
  },
  { kind: 'bool', name: 'debug', aliases: ['D'], usage: 'Enable debug mode' },
  { kind: 'bool', name: 'enable-tracing', usage: 'Enable OpenTelemetry tracing.' },
  {
    kind: 'string', name: 'image-endpoint', aliases: ['i'], env: ['IMAGE_SERVICE_ENDPOINT'],
    usage: "Endpoint of CRI image manager service (default: uses 'runtime-endpoint' setting)",
  },
  { kind: 'string', name: 'profile-cpu', usage: 'Write a pprof CPU profile to the provided path.' },
  { kind: 'string', name: 'profile-mem', usage: 'Write a pprof memory profile to the provided path.' },
  {
    kind: 'string', name: 'runtime-endpoint', aliases: ['r'], env: ['CONTAINER_RUNTIME_ENDPOINT'],
    usage: `Endpoint of CRI container runtime service (default: uses in order the first successful one of ${endpoints}). Default is now deprecated and the endpoint should be set instead.`,
  },
  {
    kind: 'duration', name: 'timeout', aliases: ['t'], value: '2s',
    usage: 'Timeout of connecting to the server in seconds (e.g. 2s, 20s.). 0 or less is set to default',
  },
  { kind: 'string', name: 'tracing-endpoint', usage: 'Address to which the gRPC tracing collector will send spans to.', value: '127.0.0.1:4317' },
  {
    kind: 'int', name: 'tracing-sampling-rate-per-million', value: -1,
    usage: 'Number of samples to collect per million OpenTelemetry spans. Set to 1000000 or -1 to always sample.',
  },
];

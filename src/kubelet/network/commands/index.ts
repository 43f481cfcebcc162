// The network tools a container's image has, bound to its pod's place on the network.
import type { Command } from 'just-bash';
import type { CatalogImage } from '../../runtime/catalog.js';
import { toolsOf, type ToolEnv } from './context.js';
import { iptablesSaveCommand } from '../iptables/command.js';
import { curlCommand } from './curl.js';
import { ncCommand } from './nc.js';
import { nslookupCommand } from './nslookup.js';
import { wgetCommand } from './wget.js';

const MAKERS: Record<string, (env: ToolEnv) => Command> = { wget: wgetCommand, curl: curlCommand, nslookup: nslookupCommand, nc: ncCommand, 'iptables-save': iptablesSaveCommand };

export function networkCommands(image: CatalogImage, env: ToolEnv): Command[] {
  return toolsOf(image).flatMap((t) => (MAKERS[t] ? [MAKERS[t](env)] : []));
}

export { toolsOf };

// etcdctl member add <memberName> [options]
import { ExitError } from '../../../shared/exit.js';
import { failWith } from '../client/client.js';
import type { CommandContext } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { display } from '../printers/printer.js';
import type { Member, MemberListResponse } from '../printers/types.js';
import { withClient } from './dial.js';
import { checkPeerUrls, peerUrls } from './member-id.js';

function checkArgs(ctx: CommandContext): void {
  if (ctx.args.length < 1) throw new ExitError(EXIT.badArgs, 'member name not provided');
  if (ctx.args.length > 1) {
    const hints = ctx.args.filter((a) => a.toLowerCase().startsWith('http')).map((a) => `, did you mean --peer-urls=${a}`);
    throw new ExitError(EXIT.badArgs, `too many arguments${hints.join('')}`);
  }
}

function envLines(name: string, urls: string, newId: string, members: Member[]): string {
  const conf = members.flatMap((m) => (m.peerURLs ?? []).map((u) => `${m.ID === newId ? name : m.name ?? ''}=${u}`));
  return `\nETCD_NAME=${JSON.stringify(name)}\nETCD_INITIAL_CLUSTER=${JSON.stringify(conf.join(','))}\n`
    + `ETCD_INITIAL_ADVERTISE_PEER_URLS=${JSON.stringify(urls)}\nETCD_INITIAL_CLUSTER_STATE="existing"\n`;
}

export async function run(ctx: CommandContext): Promise<number> {
  checkArgs(ctx);
  const urls = peerUrls(ctx);
  return withClient(ctx, async (c) => {
    checkPeerUrls(urls);
    const request = { peerURLs: urls, isLearner: ctx.bool('learner') };
    const resp = await c.unary<{ header?: { cluster_id?: string }; member?: Member; members?: Member[] }>('Cluster', 'MemberAdd', request).catch(failWith);
    const id = resp.member?.ID ?? '0';
    display(ctx, { kind: 'member', verb: 'added to', id, resp, rpc: ['Cluster', 'MemberAdd'] }, c.proto.def);
    if (ctx.globals().writeOut === 'simple') {
      const list = await c.unary<MemberListResponse>('Cluster', 'MemberList', {}).catch(failWith);
      ctx.out(envLines(ctx.args[0]!, ctx.str('peer-urls'), id, list.members ?? []));
    }
    return EXIT.success;
  });
}

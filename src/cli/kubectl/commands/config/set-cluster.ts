// kubectl config set-cluster NAME: creates or updates a cluster entry. --insecure-skip-tls-verify
// counts as given even when it is not (its default is set through cliflag.Tristate.Default), so
// every run writes it: false unless asked, and true drops the certificate authority.
import type { Ctx } from '../../context.js';
import { goQuote } from '../../../../printers/jsonpath/gofmt.js';
import { configAccess, goList, helpError } from './access-from-ctx.js';
import type { Files } from './files.js';
import { newCluster, type Struct } from './model.js';
import { modifyConfig } from './modify.js';

interface Options {
  name: string;
  insecure: boolean;
  ca: string;
  embed: boolean;
}

async function validate(o: Options, files: Files): Promise<void> {
  if (o.name === '') throw new Error('you must specify a non-empty cluster name');
  if (o.insecure && o.ca !== '') throw new Error('you cannot specify a certificate authority and insecure mode at the same time');
  if (!o.embed) return;
  if (o.ca === '') throw new Error('you must specify a --certificate-authority to embed');
  if (!(await files.exists(o.ca))) {
    throw new Error(`could not stat certificate-authority file ${o.ca}: stat ${o.ca}: no such file or directory`);
  }
}

async function setCa(c: Struct, o: Options, files: Files): Promise<void> {
  if (o.embed) {
    c['certificate-authority-data'] = await files.read(o.ca).then((b) => new Uint8Array(b), () => null);
    c['insecure-skip-tls-verify'] = false;
    c['certificate-authority'] = '';
    return;
  }
  // filepath.Abs: an empty path is the working directory.
  c['certificate-authority'] = files.abs(o.ca);
  c['insecure-skip-tls-verify'] = false;
  c['certificate-authority-data'] = null;
}

async function modifyCluster(ctx: Ctx, existing: Struct, o: Options, files: Files): Promise<Struct> {
  const c: Struct = { ...existing };
  if (ctx.changed('server')) {
    c.server = ctx.str('server');
    c['tls-server-name'] = '';
  }
  if (ctx.changed('tls-server-name')) c['tls-server-name'] = ctx.str('tls-server-name');
  c['insecure-skip-tls-verify'] = o.insecure;
  if (o.insecure) {
    c['certificate-authority'] = '';
    c['certificate-authority-data'] = null;
  }
  if (ctx.changed('certificate-authority')) await setCa(c, o, files);
  if (ctx.changed('proxy-url')) c['proxy-url'] = ctx.str('proxy-url');
  return c;
}

export async function run(ctx: Ctx): Promise<number> {
  if (ctx.args.length !== 1) throw helpError(ctx, `Unexpected args: ${goList(ctx.args)}`);
  const o: Options = { name: ctx.args[0]!, insecure: ctx.bool('insecure-skip-tls-verify'), ca: ctx.str('certificate-authority'), embed: ctx.bool('embed-certs') };
  const access = configAccess(ctx);
  await validate(o, access.files);
  const cfg = await access.startingConfig();
  const cluster = await modifyCluster(ctx, cfg.clusters.get(o.name) ?? newCluster(), o, access.files);
  cfg.clusters.set(o.name, cluster);
  await modifyConfig(access, cfg, true);
  ctx.io.stdout.write(`Cluster ${goQuote(o.name)} set.\n`);
  return 0;
}

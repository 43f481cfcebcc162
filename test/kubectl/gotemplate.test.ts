// -o go-template / go-template-file / --template, offline (--dry-run=client, empty kubeconfig):
// ours against the real kubectl run on the same arguments, stdout, stderr and exit code equal.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/cli/kubectl/commands/index.js';
import { CREATE_COMMANDS } from '../../src/cli/kubectl/commands/create/index.js';
import { hasRealKubectl, REAL_KUBECTL } from '../support/cluster.js';
import { runOffline } from './generators-golden.js';

Object.assign(COMMANDS, CREATE_COMMANDS);

const CM = ['create', 'configmap', 'x', '--from-literal=a=1', '--from-literal=b=22', '--from-literal=c=hello world', '--dry-run=client'];
const DEPLOY = ['create', 'deploy', 'x', '--image=nginx', '--image=busybox', '--replicas=3', '--port=80', '--dry-run=client'];
const SECRET = ['create', 'secret', 'generic', 's', '--from-literal=user=admin', '--from-literal=pw=s3cr<t>', '--dry-run=client'];
const SVC = ['create', 'service', 'clusterip', 'web', '--tcp=80:8080', '--tcp=443:8443', '--dry-run=client'];

const T = (base: string[], template: string, ...extra: string[]): string[] => [...base, '-o', `go-template=${template}`, ...extra];

/** Templates over a ConfigMap: printing, fields, missing keys, variables, control flow. */
const CM_TEMPLATES = [
  '{{.data}}', '{{.metadata}}', '{{.}}', '{{.kind}} {{.apiVersion}}', '{{.metadata.nope}}', '{{.nope.deeper}}',
  '{{.metadata.creationTimestamp}}', '{{.metadata.creationTimestamp.x}}', '{{.data.a.x}}', '{{.data.a}}{{"\\n"}}',
  '{{index .data "a"}} {{len .data}} {{index .data "zz"}}', '{{index .data 1}}', '{{len .nope}}', '{{len .data.a}}',
  '{{range $k, $v := .data}}{{$k}}={{$v}};{{end}}', '{{range .data}}{{.}},{{end}}', '{{range $v := .data}}[{{$v}}]{{end}}',
  '{{range .nope}}x{{else}}empty{{end}}', '{{range .data.a}}x{{end}}', '{{range 3}}{{.}}{{end}}',
  '{{range $i, $v := .data}}{{if eq $i "b"}}{{break}}{{end}}{{$v}}{{end}}', '{{range .data}}{{if eq . "1"}}{{continue}}{{end}}{{.}}{{end}}',
  '{{if .data.a}}yes{{else}}no{{end}}', '{{if .nope}}yes{{else if .data}}elif{{else}}no{{end}}', '{{with .data}}{{.a}}{{end}}',
  '{{with .nope}}x{{else}}none{{end}}', '{{with $x := .data.b}}{{$x}}{{end}}', '{{$x := .data.a}}{{$x}}{{$x = "z"}}{{$x}}',
  '{{$}}', '{{$.kind}}', '{{.data.c | printf "%q"}}', '{{.data.c | len}}', '{{printf "%s-%v-%d" .kind .data 3}}',
  '{{printf "%5.1f|%q|%x|%X|%o|%b|%c|%U|%e|%g|%t" 3.14159 "s" 255 "hi" 8 5 65 65 1234.5678 0.000012345 true}}',
  '{{printf "%d" .data.a}}', '{{printf "%s"}}', '{{printf "%d %d" 1}}', '{{printf "x" 1 "y"}}', '{{printf "%T %T %T %T" 1 1.5 "s" .data}}',
  '{{printf "%-5s|%5s|%05d|%+d|%x" "ab" "cd" 42 7 -255}}', '{{printf "%v %v" 1e6 123456.0}}', '{{print 1 2 "a" "b" 3 .nope}}',
  '{{println "a" 1 .nope}}', '{{html "<a href=\'x\'>&</a>"}}', '{{js "it\'s <b>\\"x\\"</b> = &"}}', '{{urlquery "a b&c=d/é"}}',
  '{{eq .data.a "1"}} {{ne .data.a "2"}} {{eq 1 1}} {{eq .kind "A" "ConfigMap"}}', '{{eq .data.a 1}}', '{{lt 1 2}} {{le 2 2}} {{gt "b" "a"}} {{ge 1.5 2.5}}',
  '{{lt 1 1.5}}', '{{lt .data .data}}', '{{eq .nope "x"}}', '{{eq .data .data}}', '{{and 1 0 2}} {{or 0 "" "x"}} {{not .nope}} {{and .data.a .data.b}}',
  '{{not 0}} {{or}}', '{{slice "abcdef" 1 3}} {{slice .data.c 6}}', '{{index "abc" 1}}', '{{index .data "a" 0}}',
  '{{define "t"}}[{{.}}]{{end}}{{template "t" .data.a}}{{template "t"}}', '{{block "b" .kind}}<{{.}}>{{end}}', '{{template "nope"}}',
  '{{/* a comment */}}x{{- /* trimmed */ -}} y', 'a  {{- .kind -}}  b', '{{"raw"}} {{`back\\tick`}} {{\'a\'}} {{0x1F}} {{1_000}} {{-3}} {{+4.5}} {{1e3}} {{nil}}',
  '{{true}} {{false}} {{(len .data)}} {{(.data).a}}', '{{.data.a | eq "1"}}', '{{"x" | .data}}', '{{.kind 1}}', '{{$.data.a}}',
  '{{exists . "data" "a"}} {{exists . "data" "zz"}} {{exists . "metadata" "creationTimestamp"}}',
  '{{call .data}}', '{{.data.c | html | urlquery}}', "line1\nline2 {{.kind}}\n{{.nope.x}}\n", 'x{{.data.a}}\n  {{ .data.a.b }}',
  '{{ \n .a \n -}} \n x', '{{.a\n | \n}}',
];

/** Parse errors. */
const CM_PARSE_ERRORS = [
  '{{foo}}', '{{.data', '{{end}}', '{{if .a}}x', '{{else}}', '{{range .a}}{{else}}{{else}}{{end}}', '{{.a | 3}}', '{{}}', '{{$x}}',
  '{{break}}', '{{"unterminated}}', '{{`raw', '{{/* x', '{{/* x */ y}}', '{{.a b}}', '{{(1}}', '{{1)}}', '{{3x}}', '{{99999999999999999999}}',
  "{{'ab'}}", '{{"\\q"}}', '{{define "a"}}x{{end}}{{define "a"}}y{{end}}', '{{define a}}{{end}}', '{{template x}}', '{{.a.}}',
  '{{nil.a}}', '{{1.a}}', '{{$x := 1}}\n{{$x :}}', 'x\n{{.a\n', '{{range $a, $b, $c := .}}{{end}}', '{{with $a, $b := .}}{{end}}', '{{.a #}}',
  '{{.a\n"b\n}}', '{{(\n.a}}', '{{if .a}}\nx\n{{else}}\n{{else}}\n{{end}}', '{{range .a}}\n{{end}}{{break}}', '{{with .a}}\n{{end}}\n{{end}}',
  '{{1 | printf "%d"}}{{"a" | 1}}', '{{if 1}}{{$x := 1}}{{end}}{{$x}}', '{{define "t"}}{{$x}}{{end}}{{$x := 1}}',
];

const MISSING_KEYS_ERRORS = ['{{.nope}}', '{{.metadata.nope}}', '{{.data.a}}{{.metadata.nope.deeper}}', '{{.nope.deeper}}', '{{$x := .nope}}'];

const CASES: string[][] = [
  ...CM_TEMPLATES.map((t) => T(CM, t)),
  ...CM_PARSE_ERRORS.map((t) => T(CM, t)),
  ...MISSING_KEYS_ERRORS.map((t) => T(CM, t, '--allow-missing-template-keys=false')),
  T(DEPLOY, '{{range .spec.template.spec.containers}}{{.name}}{{"\\n"}}{{end}}'),
  T(DEPLOY, '{{.spec.replicas}} {{printf "%d %v %T %5.2f" .spec.replicas .spec.replicas .spec.replicas .spec.replicas}}'),
  T(DEPLOY, '{{range $i, $c := .spec.template.spec.containers}}{{$i}}:{{$c.image}} {{end}}{{len .spec.template.spec.containers}}'),
  T(DEPLOY, '{{.spec}}'),
  T(DEPLOY, '{{(index .spec.template.spec.containers 0).name}} {{index .spec.template.spec.containers 5}}'),
  T(DEPLOY, '{{if gt .spec.replicas 2}}big{{end}} {{eq .spec.replicas 3}} {{lt .spec.replicas 2.5}}'),
  T(DEPLOY, '{{.spec.replicas.x}}', '--allow-missing-template-keys=false'),
  T(SECRET, '{{range $k, $v := .data}}{{$k}}={{$v | base64decode}} {{end}}'),
  T(SECRET, '{{base64decode "!!"}}'),
  T(SECRET, '{{base64decode "YWJj"}} {{base64decode 3}}'),
  T(SVC, '{{range .spec.ports}}{{.port}}->{{.targetPort}}/{{.protocol}} {{end}}'),
  T(SVC, '{{.spec.ports}}'),
  [...CM, '--template={{.kind}}'],
  [...CM, '-o', 'go-template', '--template={{.metadata.name}}'],
  [...CM, '-o', 'template={{.kind}}'],
  [...CM, '-o', 'go-template='],
  [...CM, '-o', 'go-template'],
  [...CM, '-o', 'go-template-file=tpl.txt'],
  [...CM, '-o', 'templatefile=tpl.txt'],
  [...CM, '-o', 'go-template-file=nope.txt'],
];

const FILES = { 'tpl.txt': '{{range $k, $v := .data}}{{$k}}: {{$v}}\n{{end}}' };

function runReal(args: string[]): { stdout: string; stderr: string; code: number } {
  const dir = mkdtempSync(join(tmpdir(), 'kd-gt-'));
  try {
    writeFileSync(join(dir, 'kubeconfig'), '');
    for (const [name, text] of Object.entries(FILES)) writeFileSync(join(dir, name), text);
    const r = spawnSync(REAL_KUBECTL, args, { cwd: dir, encoding: 'utf8', env: { PATH: process.env.PATH, HOME: dir, KUBECONFIG: join(dir, 'kubeconfig') } });
    return { stdout: r.stdout, stderr: r.stderr, code: r.status ?? -1 };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe.skipIf(!hasRealKubectl)('-o go-template: ours against the real kubectl (offline)', () => {
  for (const args of CASES) {
    const name = `${args.slice(args.indexOf('--dry-run=client') + 1).join(' ').slice(0, 150)} [${args.slice(0, 3).join(' ')}]`;
    it(name, async () => {
      const real = runReal(args);
      const ours = await runOffline(args, FILES);
      expect({ stdout: ours.stdout, stderr: ours.stderr, code: ours.code }).toEqual(real);
    });
  }
});

import { describe, expect, it } from 'vitest';
import * as ops from './ops.js';
import { READ, WRITE } from './perms.js';
import { decodeState, encodeState, freshState, type AuthState } from './state.js';

const b = (s: string): Buffer => Buffer.from(s);
const message = (fn: () => unknown): string => {
  try {
    fn();
  } catch (err) {
    return (err as Error).message;
  }
  return 'no error';
};

function withRoot(): AuthState {
  const s = freshState();
  ops.userAdd(s, 'root', 'hash', false);
  ops.userGrantRole(s, 'root', 'root'); // the root role need not exist to be granted
  return s;
}

describe('auth operations', () => {
  it('enables only with a root user holding the root role', () => {
    const s = freshState();
    expect(message(() => ops.authEnable(s))).toBe('etcdserver: root user does not exist');
    ops.userAdd(s, 'root', 'hash', false);
    expect(message(() => ops.authEnable(s))).toBe('etcdserver: root user does not have root role');
    ops.userGrantRole(s, 'root', 'root');
    const rev = s.revision;
    expect(ops.authEnable(s)).toBe(true);
    expect(ops.authEnable(s)).toBe(false);
    expect(s.revision).toBe(rev); // enabling does not move the auth revision
    expect(ops.authDisable(s)).toBe(true);
    expect(s.revision).toBe(rev + 1);
    expect(ops.authDisable(s)).toBe(false);
  });

  it('protects root while auth is on', () => {
    const s = withRoot();
    ops.roleAdd(s, 'root');
    ops.authEnable(s);
    expect(message(() => ops.userDelete(s, 'root'))).toBe('etcdserver: invalid auth management');
    expect(message(() => ops.roleDelete(s, 'root'))).toBe('etcdserver: invalid auth management');
    expect(message(() => ops.userRevokeRole(s, 'root', 'root'))).toBe('etcdserver: invalid auth management');
  });

  it('keeps roles sorted, ignores a duplicate grant and reports what is missing', () => {
    const s = withRoot();
    ops.userAdd(s, 'alice', 'h', false);
    ops.roleAdd(s, 'r2');
    ops.roleAdd(s, 'r1');
    ops.userGrantRole(s, 'alice', 'r2');
    ops.userGrantRole(s, 'alice', 'r1');
    const rev = s.revision;
    ops.userGrantRole(s, 'alice', 'r1');
    expect(s.revision).toBe(rev);
    expect(ops.userGet(s, 'alice')).toEqual(['r1', 'r2']);
    expect(ops.roleList(s)).toEqual(['r1', 'r2']);
    expect(ops.userList(s)).toEqual(['alice', 'root']);
    expect(message(() => ops.userGrantRole(s, 'alice', 'nope'))).toBe('etcdserver: role name not found');
    expect(message(() => ops.userGrantRole(s, 'bob', 'r1'))).toBe('etcdserver: user name not found');
    expect(message(() => ops.userRevokeRole(s, 'root', 'r1'))).toBe('etcdserver: role is not granted to the user');
    expect(message(() => ops.userAdd(s, 'alice', 'h', false))).toBe('etcdserver: user name already exists');
    expect(message(() => ops.roleAdd(s, 'r1'))).toBe('etcdserver: role name already exists');
    expect(message(() => ops.roleAdd(s, ''))).toBe('etcdserver: role name is empty');
    ops.roleDelete(s, 'r1');
    expect(ops.userGet(s, 'alice')).toEqual(['r2']);
  });

  it('sorts permissions by key, updates the type of an identical one, revokes exact matches', () => {
    const s = withRoot();
    ops.roleAdd(s, 'r');
    ops.roleGrantPermission(s, 'r', { permType: READ, key: b('/z'), rangeEnd: b('') });
    ops.roleGrantPermission(s, 'r', { permType: READ, key: b('/a'), rangeEnd: b('/b') });
    ops.roleGrantPermission(s, 'r', { permType: WRITE, key: b('/a'), rangeEnd: b('/b') });
    expect(ops.roleGet(s, 'r').map((p) => [p.key.toString(), p.rangeEnd.toString(), p.permType])).toEqual([
      ['/a', '/b', WRITE],
      ['/z', '', READ],
    ]);
    expect(message(() => ops.roleRevokePermission(s, 'r', b('/a'), b('')))).toBe('etcdserver: permission is not granted to the role');
    ops.roleRevokePermission(s, 'r', b('/a'), b('/b'));
    expect(ops.roleGet(s, 'r')).toHaveLength(1);
  });

  it('survives a round trip through its JSON record', () => {
    const s = withRoot();
    ops.roleAdd(s, 'r');
    ops.roleGrantPermission(s, 'r', { permType: READ, key: b('/a'), rangeEnd: Buffer.from([0]) });
    const back = decodeState(encodeState(s));
    expect(back.revision).toBe(s.revision);
    expect(back.users.get('root')?.roles).toEqual(['root']);
    expect(back.roles.get('r')?.perms[0]?.rangeEnd).toEqual(Buffer.from([0]));
  });
});

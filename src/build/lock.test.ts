import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lockHolder, tryLock } from './lock.ts';

const lockDir = () => join(mkdtempSync(join(tmpdir(), 'honour-lock-')), 'x.lock');
/** A lock folder as some other writer (an old version, a forged commit) left it. */
function forged(pidText: string): string {
  const dir = lockDir();
  mkdirSync(dir);
  writeFileSync(join(dir, 'pid'), pidText);
  return dir;
}

describe('lock folders', () => {
  it('is held by its live owner, and free once released', () => {
    const dir = lockDir();
    const lock = tryLock(dir);
    if (!lock.ok) throw new Error('a fresh lock was taken');
    expect(tryLock(dir)).toMatchObject({ ok: false, pid: process.pid });
    expect(lockHolder(dir)).toEqual({ state: 'running', pid: process.pid });
    lock.release();
    expect(lockHolder(dir)).toEqual({ state: 'free' });
  });

  it('takes over a lock whose pid is 1, or garbage, or a dead process, and says why', async () => {
    expect(lockHolder(forged('1'))).toMatchObject({ state: 'stale', why: 'not-ours' });
    expect(lockHolder(forged('{"oops": '))).toMatchObject({ state: 'stale', why: 'unreadable' });
    const child = spawn(process.execPath, ['-e', '0']);
    await new Promise((done) => child.once('exit', done));
    expect(lockHolder(forged(String(child.pid)))).toMatchObject({ state: 'stale', why: 'dead' });
    const dir = forged('1');
    const lock = tryLock(dir);
    expect(lock).toMatchObject({ ok: true, tookOver: { pid: 1, why: 'not-ours' } });
    if (lock.ok) lock.release();
  });

  it('never reads an owner file that is a link (to /dev/zero, read without end it took 23 GB)', () => {
    const dir = lockDir();
    mkdirSync(dir);
    symlinkSync('/dev/zero', join(dir, 'pid'));
    utimesSync(dir, new Date(0), new Date(0));
    expect(lockHolder(dir)).toMatchObject({ state: 'stale', why: 'unreadable' });
  });

  it('takes over a lock naming a live process that is not its writer (a reused pid)', () => {
    // This process, recorded with another start: the pid was reused since the lock was written.
    expect(lockHolder(forged(JSON.stringify({ pid: process.pid, start: 'x:1' })))).toMatchObject({
      state: 'stale',
      why: 'not-ours',
    });
    // A bare pid (the old format) of a live process that is not Node cannot be an import.
    const sleeper = spawn('sleep', ['5']);
    try {
      expect(lockHolder(forged(String(sleeper.pid)))).toMatchObject({ state: 'stale', why: 'not-ours' });
    } finally {
      sleeper.kill();
    }
  });

  it('cannot judge a lock written on another computer, and says so', () => {
    expect(lockHolder(forged(JSON.stringify({ pid: 4242, host: 'office-pc-7' })))).toEqual({
      state: 'other-host',
      pid: 4242,
      host: 'office-pc-7',
    });
  });
});

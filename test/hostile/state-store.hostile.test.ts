import { transformFileSync } from '@swc/core';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync, existsSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileStore } from '../../shared/state-store.js';

// Class 9 of issue 16: concurrent writers of a `file:` state lose nothing. Twenty real processes
// update one file at once through shared/state-store.ts (compiled as it is, no bundle), each adding
// its own records; every record must be there at the end. Without the lock about a third is lost.

const root = join(import.meta.dirname, '..', '..');
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'state-lock-'));
  // The child processes run the module itself, compiled by the same transformer jest uses.
  for (const name of ['state-store', 'errors', 'files', 'paths', 'glob']) {
    const { code } = transformFileSync(join(root, 'shared', `${name}.ts`), {
      jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
      module: { type: 'es6' },
    });
    writeFileSync(join(dir, `${name}.js`), code);
  }
  writeFileSync(join(dir, 'package.json'), '{"type":"module"}');
  writeFileSync(
    join(dir, 'writer.js'),
    `import { existsSync } from 'node:fs';
import { fileStore } from './state-store.js';
const [state, go, name, count] = process.argv.slice(2);
while (!existsSync(go)) await new Promise((r) => setTimeout(r, 1));
const store = fileStore(state);
for (let i = 0; i < Number(count); i++) {
  await store.update((text) => {
    const doc = text ? JSON.parse(text) : { records: [] };
    doc.records.push(name + '-' + i);
    return JSON.stringify(doc);
  }, 'test');
}
`,
  );
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function runWriter(state: string, go: string, name: string, count: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(dir, 'writer.js'), state, go, name, String(count)], {
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    child.once('error', reject);
    child.once('exit', (code) => resolve(code ?? -1));
  });
}

test('20 processes updating one file state at once lose no record', async () => {
  const state = join(dir, 'history.json');
  const go = join(dir, 'go');
  const writers = Array.from({ length: 20 }, (_, i) => runWriter(state, go, `run${i}`, 10));
  writeFileSync(go, '');
  expect(await Promise.all(writers)).toEqual(Array(20).fill(0));
  const records = (JSON.parse(readFileSync(state, 'utf8')) as { records: string[] }).records;
  expect(records).toHaveLength(200);
  expect(new Set(records).size).toBe(200);
  expect(existsSync(`${state}.lock`)).toBe(false);
});

describe('the lock file', () => {
  const append = (text: string | undefined) => `${text ?? ''}x`;

  test('a lock left by a process of this host that is gone is broken', async () => {
    const state = join(dir, 'dead.json');
    const exited = spawn(process.execPath, ['-e', '0']);
    const pid = await new Promise<number>((resolve) => exited.once('exit', () => resolve(exited.pid!)));
    writeFileSync(`${state}.lock`, `${pid} ${hostname()} abc`);
    await expect(fileStore(state).update(append, 'm')).resolves.toEqual({ written: true, attempts: 1 });
    expect(readFileSync(state, 'utf8')).toBe('x');
    expect(existsSync(`${state}.lock`)).toBe(false);
  });

  test('a lock older than the stale limit (another machine, a cache restore) is broken', async () => {
    const state = join(dir, 'old.json');
    writeFileSync(`${state}.lock`, `1 other-host abc`);
    const past = new Date(Date.now() - 3600_000);
    utimesSync(`${state}.lock`, past, past);
    await fileStore(state).update(append, 'm');
    expect(readFileSync(state, 'utf8')).toBe('x');
  });

  test('a live lock is waited for, then refused with a sentence naming the lock file', async () => {
    const state = join(dir, 'live.json');
    writeFileSync(`${state}.lock`, `${process.pid} ${hostname()} held`);
    await expect(fileStore(state, { lockWaitMs: 50 }).update(append, 'm')).rejects.toThrow(
      `The state file is locked by another run (${state}.lock, held for 0 s by process ${process.pid} on ${hostname()}); if no run is using it, delete the lock file.`,
    );
    expect(existsSync(state)).toBe(false);
    expect(readFileSync(`${state}.lock`, 'utf8')).toBe(`${process.pid} ${hostname()} held`);
  });

  test('a transform that throws releases the lock', async () => {
    const state = join(dir, 'throws.json');
    await expect(
      fileStore(state).update(() => {
        throw new Error('bad history');
      }, 'm'),
    ).rejects.toThrow('bad history');
    expect(existsSync(`${state}.lock`)).toBe(false);
    await fileStore(state).update(append, 'm');
    expect(readFileSync(state, 'utf8')).toBe('x');
  });
});

import { execFileSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MAX_EVENT_BYTES, readEventPayload } from '../../shared/context.js';
import { Git } from '../../shared/git.js';
import { fileStore } from '../../shared/state-store.js';
import { createRepo } from '../support/git-repo.js';

// Class 1 of issue 16, the last three readers: files read from git objects, the event payload and
// the `file:` state store are capped in bytes (the cap named in the error), read from regular files
// only and never through a link that leads elsewhere.

describe('files read from git objects are capped before their content is read', () => {
  const repo = createRepo({ 'small.json': '{}\n', 'big/package.json': `${'x'.repeat(4096)}\n` });
  let huge: string; // a commit holding a 129 MiB blob (zeros compress to almost nothing)
  beforeAll(() => {
    const oid = execFileSync('git', ['hash-object', '-w', '--stdin'], {
      cwd: repo.dir,
      input: Buffer.alloc(129 * 1024 * 1024),
    })
      .toString()
      .trim();
    repo.git(['update-index', '--add', '--cacheinfo', `100644,${oid},pnpm-lock.yaml`]);
    repo.git(['commit', '-q', '-m', 'huge lockfile']);
    huge = repo.git(['rev-parse', 'HEAD']).trim();
  });
  afterAll(() => repo.cleanup());

  it('refuses a file over the cap in readFiles, naming the path, its size and the cap, reading no blob', async () => {
    const trace: string[] = [];
    const git = new Git(repo.dir, { blobCap: { maxBytes: 1024 }, trace: (line) => trace.push(line) });
    await expect(git.readFiles('HEAD', ['small.json', 'big/package.json'])).rejects.toThrow(
      /^big\/package\.json at HEAD in git is 4097 bytes \(4 KiB\), over the cap of 1024 bytes.*nothing raises it/,
    );
    expect(trace.some((line) => /^git cat-file (--batch|contents) \(/.test(line))).toBe(false);
    expect((await git.readFiles('HEAD', ['small.json'])).get('small.json')).toBe('{}\n');
  });

  it('refuses a blob over the cap in readBlobs (ids from listTree), naming its path and what raises the cap', async () => {
    const git = new Git(repo.dir);
    const tree = await git.listTree('HEAD');
    const blobs = ['small.json', 'big/package.json'].map((p) => [p, tree.get(p)!] as const);
    await expect(git.readBlobs(blobs, { maxBytes: 100, raisedBy: 'input "max-bytes"' })).rejects.toThrow(
      /^big\/package\.json \(blob [0-9a-f]{12}\) in git is 4097 bytes .*over the cap of 100 bytes.*raise it with input "max-bytes"/,
    );
    expect((await git.readBlobs(blobs)).get('big/package.json')).toHaveLength(4097);
  });

  it('refuses a 129 MiB blob at the default cap (128 MiB) in both readers', async () => {
    const git = new Git(repo.dir);
    await expect(git.readFiles(huge, ['pnpm-lock.yaml'])).rejects.toThrow(
      /pnpm-lock\.yaml at .* is 135266304 bytes \(129 MiB\), over the cap of 134217728 bytes \(128 MiB\)/,
    );
    const oid = (await git.listTree(huge)).get('pnpm-lock.yaml')!;
    await expect(git.readBlobs([['pnpm-lock.yaml', oid]])).rejects.toThrow(
      /pnpm-lock\.yaml \(blob [0-9a-f]{12}\) in git .* \(128 MiB\)/,
    );
  });
});

describe('GITHUB_EVENT_PATH is read like every other file', () => {
  const temp = mkdtempSync(join(tmpdir(), 'trunk-event-temp-'));
  const outside = mkdtempSync(join(tmpdir(), 'trunk-event-out-'));
  const env = (name: string) => ({ GITHUB_EVENT_PATH: join(temp, name), RUNNER_TEMP: temp });
  beforeAll(() => {
    writeFileSync(join(temp, 'event.json'), '{"pull_request":{"number":7}}');
    writeFileSync(join(outside, 'other.json'), '{"pull_request":{"number":666}}');
    writeFileSync(join(temp, 'huge.json'), `{"pad":"${' '.repeat(MAX_EVENT_BYTES)}"}`);
    symlinkSync('/dev/zero', join(temp, 'zero.json'));
    symlinkSync(join(outside, 'other.json'), join(temp, 'elsewhere.json'));
    symlinkSync('event.json', join(temp, 'inside-link.json'));
    mkdirSync(join(temp, 'folder.json'));
    execFileSync('mkfifo', [join(temp, 'fifo.json')]);
  });
  afterAll(() => {
    rmSync(temp, { recursive: true, force: true });
    rmSync(outside, { recursive: true, force: true });
  });

  it('reads the payload the runner wrote, also through a link inside its folder', () => {
    expect(readEventPayload(env('event.json'))).toEqual({ pull_request: { number: 7 } });
    expect(readEventPayload(env('inside-link.json'))).toEqual({ pull_request: { number: 7 } });
  });

  it.each([
    [
      'huge.json',
      /Variable GITHUB_EVENT_PATH names .*huge\.json, which is larger than 32 MiB; at most 33554432 bytes/,
    ],
    [
      'zero.json',
      /Variable GITHUB_EVENT_PATH is .*zero\.json.*, which leads outside .* through a symbolic link/,
    ],
    ['elsewhere.json', /Variable GITHUB_EVENT_PATH is .*elsewhere\.json.*, which leads outside/],
    ['folder.json', /Variable GITHUB_EVENT_PATH names .*folder\.json, which is a directory/],
    ['fifo.json', /Variable GITHUB_EVENT_PATH names .*fifo\.json, which is not a regular file/],
  ])('refuses %s in one sentence', (name, message) => {
    expect(() => readEventPayload(env(name))).toThrow(message);
  });
});

describe('the file: state store is read and written like every other file', () => {
  let workspace: string;
  let outside: string;
  beforeEach(() => {
    workspace = mkdtempSync(join(tmpdir(), 'trunk-state-ws-'));
    outside = mkdtempSync(join(tmpdir(), 'trunk-state-out-'));
  });
  afterEach(() => {
    rmSync(workspace, { recursive: true, force: true });
    rmSync(outside, { recursive: true, force: true });
  });
  const store = (path: string, maxBytes?: number) => fileStore(path, { workspace, maxBytes });

  it('refuses a state file over the cap, naming the input and the cap', async () => {
    writeFileSync(join(workspace, 'state.json'), 'x'.repeat(2048));
    await expect(store('state.json', 1024).read()).rejects.toThrow(
      /Input "state" names .*state\.json, which is larger than 1 KiB; at most 1024 bytes are read/,
    );
    await expect(store('state.json', 1024).update((text) => `${text}y`, 'm')).rejects.toThrow(
      /at most 1024 bytes/,
    );
  });

  it('refuses a committed link to /dev/zero (reading it never ends) and to a file outside', async () => {
    symlinkSync('/dev/zero', join(workspace, 'zero.json'));
    writeFileSync(join(outside, 'theirs.json'), '{"secret":1}');
    symlinkSync(join(outside, 'theirs.json'), join(workspace, 'theirs.json'));
    expect(() => store('zero.json')).toThrow(
      /Input "state" is "zero\.json", which leads outside the workspace through a symbolic link/,
    );
    expect(() => store('theirs.json')).toThrow(/leads outside the workspace through a symbolic link/);
  });

  it('never writes through a dangling link out of the workspace', async () => {
    symlinkSync(join(outside, 'planted.json'), join(workspace, 'planted.json'));
    expect(() => store('planted.json')).toThrow(/leads outside the workspace/);
    expect(existsSync(join(outside, 'planted.json'))).toBe(false);
  });

  it('refuses a FIFO or a folder as the state file in one sentence', async () => {
    execFileSync('mkfifo', [join(workspace, 'fifo.json')]);
    mkdirSync(join(workspace, 'folder.json'));
    await expect(store('fifo.json').read()).rejects.toThrow(/fifo\.json, which is not a regular file/);
    await expect(store('folder.json').read()).rejects.toThrow(/folder\.json, which is a directory/);
  });

  it('refuses a lock file that is a link (to /dev/zero) instead of reading it', async () => {
    symlinkSync('/dev/zero', join(workspace, 'state.json.lock'));
    await expect(store('state.json').update(() => 'x', 'm')).rejects.toThrow(
      /The state lock .*state\.json\.lock is a symbolic link; delete it/,
    );
  });

  it('keeps working through a link inside the workspace, replacing the target atomically', async () => {
    mkdirSync(join(workspace, 'data'));
    writeFileSync(join(workspace, 'data', 'state.json'), 'a');
    symlinkSync('data/state.json', join(workspace, 'state.json'));
    expect(await store('state.json').read()).toBe('a');
    await store('state.json').update((text) => `${text}b`, 'm');
    expect(readFileSync(join(workspace, 'data', 'state.json'), 'utf8')).toBe('ab');
  });
});

// The cat-file process a Git keeps open for a run (see ObjectReader), apart from shared/git.ts, which
// runs every other git command.
import { UserError } from './errors.js';

/** node:child_process, loaded with the first git command, so a run's first output does not wait for it. */
let childProcess: Promise<typeof import('node:child_process')> | undefined;
export const loadChildProcess = () => (childProcess ??= import('node:child_process'));

/** Questions asked of the kept-open cat-file and not all answered yet. */
interface ObjectRequest {
  /** `info`: one answer line per name; `contents`: one blob text (or undefined) per id. */
  command: 'info' | 'contents';
  count: number;
  answers: (string | undefined)[];
  resolve: (answers: (string | undefined)[] | undefined) => void;
  reject: (error: unknown) => void;
  timer: NodeJS.Timeout;
}

type ChildProcess = import('node:child_process').ChildProcessWithoutNullStreams;

/** One kept-open cat-file and the questions it has not answered yet, in order. */
interface ObjectProcess {
  child: ChildProcess;
  waiting: ObjectRequest[];
}

/** How long the kept-open cat-file waits for the next question before it is closed. */
const IDLE_MS = 1000;

/**
 * The most blobs, and bytes of them, read through the kept-open cat-file's pipe rather than a
 * `cat-file --batch` of their own. git writes each blob in two writes, and every read of a pipe
 * wakes this process: a hundred manifests (20 KB) cost a quarter of a process of their own this way,
 * five thousand (1 MB) four times more than the temp file of `Git.batchOutput` (shared/git.ts).
 */
export const PIPED_BLOBS = 256;
export const PIPED_BYTES = 64 * 1024;

/**
 * One `git cat-file --batch-command --buffer` (git 2.36+) kept open while a run asks about objects:
 * the revisions at the start, the manifests' sizes later and small reads cost one process instead of
 * one each, and every spawn blocks this process for milliseconds (far more on a loaded machine).
 * Questions go in as `info` or `contents` lines and a `flush`; answers come back in order. It never
 * keeps this process alive while idle, and closes after IDLE_MS without questions. Answers are
 * undefined where git lacks the option.
 */
export class ObjectReader {
  private current: ObjectProcess | undefined;
  private unsupported = false;
  private idle: NodeJS.Timeout | undefined;

  constructor(
    private readonly cwd: string,
    private readonly timeoutMs: number,
  ) {}

  /** `<oid> <type> <size>` or `<name> missing` (or `ambiguous`) for each name (names hold no newline). */
  info(names: readonly string[]): Promise<string[] | undefined> {
    return this.ask('info', names) as Promise<string[] | undefined>;
  }

  /** The text of each blob, by id: only ids whose size was checked (see PIPED_BYTES). */
  contents(oids: readonly string[]): Promise<(string | undefined)[] | undefined> {
    return this.ask('contents', oids);
  }

  /** Ends the process once it has answered what it was asked; the next question starts another. */
  close(): void {
    clearTimeout(this.idle);
    this.current?.child.stdin.end();
    this.current = undefined;
  }

  private async ask(
    command: ObjectRequest['command'],
    names: readonly string[],
  ): Promise<(string | undefined)[] | undefined> {
    if (this.unsupported) return undefined;
    if (!names.length) return [];
    const { spawn } = await loadChildProcess();
    if (this.unsupported) return undefined;
    const open = (this.current ??= this.start(spawn));
    clearTimeout(this.idle);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        open.child.kill();
        failAll(open, new UserError(`git cat-file took longer than ${this.timeoutMs} ms and was stopped.`));
      }, this.timeoutMs);
      open.waiting.push({ command, count: names.length, answers: [], resolve, reject, timer });
      hold(open.child, true);
      open.child.stdin.write(`${names.map((name) => `${command} ${name}\n`).join('')}flush\n`);
    });
  }

  private start(spawn: typeof import('node:child_process').spawn): ObjectProcess {
    const child = spawn('git', ['cat-file', '--batch-command', '--buffer'], {
      cwd: this.cwd,
      env: { ...process.env, LC_ALL: 'C' },
    });
    const started: ObjectProcess = { child, waiting: [] };
    let pending: Buffer = Buffer.alloc(0);
    let content = -1; // bytes of the blob being read, its newline included; -1 between blobs
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      const data = pending.length ? Buffer.concat([pending, chunk]) : chunk;
      let at = 0;
      for (let request = started.waiting[0]; request; request = started.waiting[0]) {
        if (content >= 0) {
          if (data.length - at < content) break;
          request.answers.push(data.toString('utf8', at, at + content - 1));
          at += content;
          content = -1;
        } else {
          const eol = data.indexOf(10, at);
          if (eol < 0) break;
          const line = data.toString('utf8', at, eol);
          at = eol + 1;
          // `<oid> <type> <size>` then the content, or `<name> missing` alone
          const [, type, size] = line.split(' ');
          if (request.command === 'contents' && size !== undefined) {
            content = Number(size) + 1;
            if (type === 'blob') continue;
            request.answers.push(undefined); // not a blob: its content is skipped
            at += content;
            content = -1;
          } else request.answers.push(request.command === 'info' ? line : undefined);
        }
        if (request.answers.length < request.count) continue;
        started.waiting.shift();
        clearTimeout(request.timer);
        request.resolve(request.answers);
      }
      pending = data.subarray(at);
      if (started.waiting.length) return;
      hold(child, false);
      if (this.current === started) this.idle = setTimeout(() => this.close(), IDLE_MS).unref();
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.stdin.on('error', () => {}); // an early exit is reported by 'close'
    child.on('error', (error) => failAll(started, error));
    child.on('close', (code) => {
      if (this.current === started) this.current = undefined;
      // an option this git does not know (before 2.36): the questions go to --batch-check instead
      if (code === 129 && stderr.includes('batch-command')) {
        this.unsupported = true;
        for (const request of started.waiting.splice(0)) {
          clearTimeout(request.timer);
          request.resolve(undefined);
        }
      }
      failAll(started, new Error(`git cat-file --batch-command failed: ${stderr.trim() || `exit ${code}`}`));
    });
    return started;
  }
}

function failAll(open: ObjectProcess, error: unknown): void {
  for (const request of open.waiting.splice(0)) {
    clearTimeout(request.timer);
    request.reject(error);
  }
}

/** While questions wait, the process and its pipes keep this process alive; idle, they do not. */
function hold(child: ChildProcess, waiting: boolean): void {
  for (const handle of [child, child.stdin, child.stdout, child.stderr] as unknown as {
    ref(): void;
    unref(): void;
  }[])
    if (waiting) handle.ref();
    else handle.unref();
}

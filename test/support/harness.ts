import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { evaluateDefault } from '../../shared/metadata.js';

export const repoRoot = join(import.meta.dirname ?? new URL('.', import.meta.url).pathname, '..', '..');

export interface RunOptions {
  inputs?: Record<string, string>;
  /** The triggering event: its name and the payload written to GITHUB_EVENT_PATH. */
  event?: { name: string; payload: Record<string, unknown> };
  /** GITHUB_WORKSPACE (and the process's cwd), usually a test repository. */
  workspace?: string;
  /** Extra environment (GITHUB_SHA, GITHUB_RUN_ID, ...); wins over the defaults below. */
  env?: Record<string, string>;
  /** A test GitHub server: sets GITHUB_API_URL and a token. */
  github?: { url: string; token?: string };
  /** Milliseconds before the process is killed. */
  timeoutMs?: number;
  /** Run a bundle from another dist folder (the drift test builds one). */
  distDir?: string;
  /**
   * Give the step a non-blocking stdout (as a parent may leave it; perl sets O_NONBLOCK, then execs
   * node) that is read only after this many milliseconds, so its writes meet a full pipe (EAGAIN).
   */
  fullNonBlockingStdoutMs?: number;
}

export interface RunAnnotation {
  level: string;
  message: string;
  file?: string;
  line?: number;
  endLine?: number;
  col?: number;
  endColumn?: number;
  title?: string;
}

export interface RunResult {
  exitCode: number;
  outputs: Record<string, string>;
  /** Variables the step exported through GITHUB_ENV. */
  env: Record<string, string>;
  summary: string;
  annotations: RunAnnotation[];
  stdout: string;
  stderr: string;
}

/** Reads a GITHUB_OUTPUT / GITHUB_ENV file: `name=value` lines and `name<<DELIM ... DELIM` blocks. */
export function parseCommandFile(text: string): Record<string, string> {
  const values: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const body: string[] = [];
      while (++i < lines.length && lines[i] !== heredoc[2]) body.push(lines[i]!);
      values[heredoc[1]!] = body.join('\n');
    } else if (line.includes('=')) {
      values[line.slice(0, line.indexOf('='))] = line.slice(line.indexOf('=') + 1);
    }
  }
  return values;
}

const unescapeData = (s: string) => s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
const unescapeProperty = (s: string) => unescapeData(s).replace(/%3A/g, ':').replace(/%2C/g, ',');

/** Workflow commands the step printed (`::error file=a,line=3::message`), as the runner reads them. */
export function parseAnnotations(stdout: string): RunAnnotation[] {
  const found: RunAnnotation[] = [];
  for (const line of stdout.split('\n')) {
    const m = /^::(error|warning|notice)( [^:]*)?::(.*)$/.exec(line);
    if (!m) continue;
    const a: RunAnnotation = { level: m[1]!, message: unescapeData(m[3]!) };
    for (const pair of (m[2] ?? '').trim().split(',').filter(Boolean)) {
      const [key, raw] = [
        pair.slice(0, pair.indexOf('=')),
        unescapeProperty(pair.slice(pair.indexOf('=') + 1)),
      ];
      if (key === 'file' || key === 'title') a[key] = raw;
      else if (key === 'line' || key === 'endLine' || key === 'col' || key === 'endColumn')
        a[key] = Number(raw);
    }
    found.push(a);
  }
  return found;
}

/** The inputs an action declares, with their defaults, as the runner would set them. */
function inputEnv(
  action: string,
  given: Record<string, string>,
  env: Record<string, string>,
): Record<string, string> {
  const meta = parseYaml(readFileSync(join(repoRoot, 'actions', action, 'action.yml'), 'utf8')) as {
    inputs?: Record<string, { default?: string }>;
  };
  const out: Record<string, string> = {};
  for (const [name, input] of Object.entries(meta.inputs ?? {})) {
    const value = given[name] ?? evaluateDefault(input.default ?? '', env);
    out[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value;
  }
  for (const name of Object.keys(given)) {
    if (!meta.inputs?.[name]) throw new Error(`test bug: ${action} has no input "${name}"`);
  }
  return out;
}

/** Sets O_NONBLOCK on stdout (shared with the pipe's other users), then runs the command it is given. */
const NON_BLOCKING_STDOUT =
  'fcntl(STDOUT, F_SETFL, fcntl(STDOUT, F_GETFL, 0) | O_NONBLOCK) or die "fcntl: $!"; exec @ARGV or die "exec: $!"';

/**
 * Runs the bundled `dist/<action>/index.js` as the GitHub runner does and collects what it left:
 * outputs, exported env, the step summary, annotations and the exit code.
 */
export async function runBundle(action: string, options: RunOptions = {}): Promise<RunResult> {
  const temp = mkdtempSync(join(tmpdir(), 'trunk-run-'));
  const files = {
    GITHUB_OUTPUT: join(temp, 'output'),
    GITHUB_STEP_SUMMARY: join(temp, 'summary'),
    GITHUB_ENV: join(temp, 'env'),
    GITHUB_STATE: join(temp, 'state'),
    GITHUB_PATH: join(temp, 'path'),
    GITHUB_EVENT_PATH: join(temp, 'event.json'),
  };
  for (const path of Object.values(files)) writeFileSync(path, '');
  writeFileSync(files.GITHUB_EVENT_PATH, JSON.stringify(options.event?.payload ?? {}));
  const workspace = options.workspace ?? temp;
  // As on a runner, GITHUB_SHA is the checked-out commit (tests override it for other events).
  const head = spawnSync('git', ['rev-parse', '--verify', '--quiet', 'HEAD'], {
    cwd: workspace,
    encoding: 'utf8',
  });
  const checkedOut: Record<string, string> =
    head.status === 0
      ? { GITHUB_SHA: head.stdout.trim(), GITHUB_REF: 'refs/heads/main', GITHUB_REF_NAME: 'main' }
      : {};
  const base: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? temp,
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: options.event?.name ?? 'push',
    GITHUB_WORKSPACE: workspace,
    GITHUB_REPOSITORY: 'acme/shop',
    GITHUB_REPOSITORY_OWNER: 'acme',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_API_URL: options.github?.url ?? 'http://127.0.0.1:9',
    GITHUB_RUN_ID: '1000',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_RUN_NUMBER: '7',
    GITHUB_ACTOR: 'octocat',
    GITHUB_WORKFLOW: 'ci',
    GITHUB_JOB: 'test',
    RUNNER_TEMP: temp,
    ...checkedOut,
    ...(options.github
      ? { GITHUB_TOKEN: options.github.token ?? 'ghs_testtoken000000000000000000000000' }
      : {}),
    ...files,
    ...options.env,
  };
  const env = { ...base, ...inputEnv(action, options.inputs ?? {}, base) };
  const bundle = join(options.distDir ?? join(repoRoot, 'dist'), action, 'index.js');
  try {
    const { exitCode, stdout, stderr } = await new Promise<{
      exitCode: number;
      stdout: string;
      stderr: string;
    }>((resolve, reject) => {
      const held = options.fullNonBlockingStdoutMs;
      const [command, args] =
        held === undefined
          ? [process.execPath, [bundle]]
          : ['perl', ['-MFcntl', '-e', NON_BLOCKING_STDOUT, process.execPath, bundle]];
      const child = spawn(command, args, { cwd: workspace, env, stdio: ['ignore', 'pipe', 'pipe'] });
      if (held !== undefined) {
        child.stdout.pause();
        setTimeout(() => child.stdout.resume(), held);
      }
      const stdout: Buffer[] = [];
      let stderr = '';
      child.stdout.on('data', (c: Buffer) => stdout.push(c));
      child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
      const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 60_000);
      child.on('error', reject);
      child.on('close', (code, signal) => {
        clearTimeout(timer);
        resolve({ exitCode: code ?? (signal ? 137 : 1), stdout: Buffer.concat(stdout).toString(), stderr });
      });
    });
    return {
      exitCode,
      outputs: parseCommandFile(readFileSync(files.GITHUB_OUTPUT, 'utf8')),
      env: parseCommandFile(readFileSync(files.GITHUB_ENV, 'utf8')),
      summary: readFileSync(files.GITHUB_STEP_SUMMARY, 'utf8'),
      annotations: parseAnnotations(stdout),
      stdout,
      stderr,
    };
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
}

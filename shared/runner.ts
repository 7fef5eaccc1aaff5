import { UserError } from './errors.js';
import { type ActionIO, type Annotation, type Logger, formatOutput } from './io.js';
import { type ActionMeta, evaluateDefault, loadActionMeta } from './metadata.js';
import { Redactor, redactDeep } from './redact.js';
import type { Summary } from './summary.js';
import {
  annotate,
  appendSummary,
  exportVariable,
  issueCommand,
  reportDroppedAnnotations,
  setOutput,
  standardStreams,
  writeLine,
} from './workflow-commands.js';

export type ActionRun = (io: ActionIO) => Promise<void>;

/**
 * The exit codes of every action, on a runner and on the command line alike (README and `--help`
 * print this table).
 */
export const EXIT_CODES: ReadonlyArray<readonly [number, string]> = [
  [0, 'done: the check passed, or found nothing to check'],
  [1, 'the check found what it exists to find (a gate that blocks, a lint error, a failing test)'],
  [2, 'bad input or usage: an input, file, path, revision or server to fix, named in the message'],
  [3, 'a bug in trunk-actions: please report it with the --debug log'],
];

/** Where a failure leaves the process: its exit code and the one line the user reads. */
export interface Outcome {
  failed: boolean;
  exitCode: number;
  message: string;
}

/** The input check every environment shares: only declared names, defaults from action.yml. */
export function declaredInput(
  meta: ActionMeta,
  name: string,
  raw: string | undefined,
  env: Readonly<Record<string, string | undefined>>,
): string {
  const declared = Object.hasOwn(meta.inputs, name) ? meta.inputs[name] : undefined;
  if (!declared) {
    throw new Error(`bug: ${meta.name} reads input "${name}", which its action.yml does not declare`);
  }
  const value = raw?.trim() ?? '';
  return value === '' ? evaluateDefault(declared.default ?? '', env) : (raw ?? '');
}

export function assertDeclaredOutput(meta: ActionMeta, name: string): void {
  if (!Object.hasOwn(meta.outputs, name)) {
    throw new Error(`bug: ${meta.name} sets output "${name}", which its action.yml does not declare`);
  }
}

/**
 * Runs an action's `run()` and turns what it throws into an outcome: user errors and failed gates
 * become one clear line; anything else is a bug, reported with its stack for the debug log.
 */
export async function settle(run: () => Promise<void>, log: Pick<Logger, 'debug'>): Promise<Outcome> {
  try {
    await run();
    return { failed: false, exitCode: 0, message: '' };
  } catch (error) {
    if (error instanceof UserError) {
      return {
        failed: true,
        exitCode: error.exitCode,
        message: error.message,
      };
    }
    const stack = error instanceof Error ? (error.stack ?? error.message) : String(error);
    log.debug(stack);
    const fileMistake = fileSystemMistake(error);
    if (fileMistake) return { failed: true, exitCode: 2, message: fileMistake };
    const message = error instanceof Error ? error.message : String(error);
    return {
      failed: true,
      exitCode: 3,
      message: `Unexpected error (a bug in trunk-actions, please report it with the debug log): ${message}`,
    };
  }
}

/** What a user reads when a path they gave cannot be read or written (no action caught it first). */
const FILE_MISTAKES: Record<string, string> = {
  ENOENT: 'does not exist; check the path (paths are relative to the repository root)',
  ENOTDIR: 'does not exist: a part of it is a file, not a folder',
  EISDIR: 'is a folder where a file was expected',
  EACCES: 'cannot be read or written with this user’s permissions',
  EPERM: 'cannot be read or written with this user’s permissions',
};

function fileSystemMistake(error: unknown): string | undefined {
  const { code, path } = (error ?? {}) as NodeJS.ErrnoException;
  const what = code ? FILE_MISTAKES[code] : undefined;
  return what && path ? `${path} ${what}.` : undefined;
}

/** The step's log; every line passes `redact` (the runner masks only add-mask values). */
export const githubLogger = (redact: (text: string) => string): Logger => ({
  debug: (message) => issueCommand('debug', {}, redact(message)),
  info: (message) => writeLine(redact(message)),
  warning: (message) => annotate('warning', {}, redact(message)),
  group: async (name, body) => {
    issueCommand('group', {}, redact(name));
    try {
      return await body();
    } finally {
      standardStreams.write('stdout', '::endgroup::\n');
    }
  },
});

/** The ActionIO of a step on a GitHub runner, speaking its workflow commands and environment files. */
export function githubIO(meta: ActionMeta, action: string, redactor = new Redactor()): ActionIO {
  const redact = (text: string) => redactor.redact(text);
  return {
    action,
    input: (name) =>
      declaredInput(meta, name, process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`], process.env),
    setOutput: (name, value) => {
      assertDeclaredOutput(meta, name);
      const safe =
        typeof value === 'object'
          ? redactor.redactJson(value, formatOutput(value))
          : { value: redactDeep(value, redact), json: undefined };
      const cut = setOutput(name, safe.json ?? formatOutput(safe.value), safe.value);
      if (cut) githubLogger(redact).warning(cut);
    },
    exportVariable,
    setSecret: (value) => {
      if (value) issueCommand('add-mask', {}, value);
      redactor.add(value);
    },
    redact,
    annotate: (a: Annotation) =>
      annotate(
        a.level,
        {
          title: a.title === undefined ? undefined : redact(a.title),
          file: a.file,
          line: a.line,
          endLine: a.endLine,
          col: a.column,
          endColumn: a.endColumn,
        },
        redact(a.message),
      ),
    writeSummary: async (summary: Summary) => appendSummary(redact(summary.toMarkdown())),
    log: githubLogger(redact),
    env: process.env,
  };
}

/** The whole life of an action step on a runner. */
function runAction(action: string, run: ActionRun): void {
  void (async () => {
    const redactor = new Redactor();
    const redact = (text: string) => redactor.redact(text);
    const outcome = await settle(
      async () => run(githubIO(await loadActionMeta(action), action, redactor)),
      githubLogger(redact),
    );
    reportDroppedAnnotations();
    if (outcome.failed) {
      annotate('error', {}, redact(outcome.message), true);
      process.exitCode = outcome.exitCode;
    }
    // The process ends when its event loop empties. process.exit() here hung Node 24 in one run in
    // five (nodejs/node#54918): it joins V8's compiler threads without disposing of the heap first,
    // and a Maglev job waiting for a collection only the main thread can run never ends. A handle
    // left open (a keep-alive socket) ends the process after EXIT_GRACE_MS, when such jobs are done.
    // Standard streams are asynchronous pipes on Windows: drained before that clock starts.
    await standardStreams.drained();
    setTimeout(() => process.exit(), EXIT_GRACE_MS).unref();
  })();
}

/** How long a handle left open may keep a finished step alive. */
const EXIT_GRACE_MS = 2000;

/**
 * What an action's bundle, `dist/<action>/action.js`, exports. The runner starts `index.js` beside
 * it, which calls `runStep`; the command line loads the same bundle instead of carrying its own copy
 * of every action, and calls `runWith` with its own ActionIO. The outcome is settled inside the
 * bundle, whose error classes are its own (`instanceof` does not cross bundles).
 */
export interface ActionBundle {
  runStep(): void;
  runWith(io: ActionIO): Promise<Outcome>;
}

/** An action's entry, `actions/<name>/src/index.ts`: the action as its bundle exports it. */
export function actionEntry(action: string, run: ActionRun): ActionBundle {
  return {
    runStep: () => runAction(action, run),
    runWith: (io) => settle(() => run(io), io.log),
  };
}

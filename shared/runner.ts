import * as core from '@actions/core';
import { InputError, UserError } from './errors.js';
import { type ActionIO, type Annotation, type Logger, formatOutput } from './io.js';
import { type ActionMeta, loadActionMeta } from './metadata.js';
import { neutralise } from './neutralise.js';
import type { Summary } from './summary.js';

export type ActionRun = (io: ActionIO) => Promise<void>;

/** Where a failure leaves the process: its exit code and the one line the user reads. */
export interface Outcome {
  failed: boolean;
  exitCode: number;
  message: string;
  /** The failure was a bad input: the command line exits 2 for it. */
  inputError: boolean;
}

/** The input check every environment shares: only declared names, defaults from action.yml. */
export function declaredInput(meta: ActionMeta, name: string, raw: string | undefined): string {
  const declared = meta.inputs[name];
  if (!declared)
    throw new Error(`bug: ${meta.name} reads input "${name}", which its action.yml does not declare`);
  const value = raw?.trim() ?? '';
  return value === '' ? (declared.default ?? '') : (raw ?? '');
}

export function assertDeclaredOutput(meta: ActionMeta, name: string): void {
  if (!meta.outputs[name]) {
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
    return { failed: false, exitCode: 0, message: '', inputError: false };
  } catch (error) {
    if (error instanceof UserError) {
      return {
        failed: true,
        exitCode: error.exitCode,
        message: error.message,
        inputError: error instanceof InputError,
      };
    }
    const stack = error instanceof Error ? (error.stack ?? error.message) : String(error);
    log.debug(stack);
    const message = error instanceof Error ? error.message : String(error);
    return {
      failed: true,
      exitCode: 1,
      inputError: false,
      message: `Unexpected error (a bug in trunk-actions, please report it with the debug log): ${message}`,
    };
  }
}

export const githubLogger: Logger = {
  debug: (message) => core.debug(message),
  info: (message) => core.info(neutralise(message)),
  warning: (message) => core.warning(message),
  group: (name, body) => core.group(name, body),
};

/** The ActionIO of a step on a GitHub runner, backed by @actions/core. */
export function githubIO(meta: ActionMeta, action: string): ActionIO {
  return {
    action,
    input: (name) => declaredInput(meta, name, process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`]),
    setOutput: (name, value) => {
      assertDeclaredOutput(meta, name);
      core.setOutput(name, formatOutput(value));
    },
    exportVariable: (name, value) => core.exportVariable(name, value),
    setSecret: (value) => core.setSecret(value),
    annotate: (a: Annotation) => {
      const props = {
        title: a.title,
        file: a.file,
        startLine: a.line,
        endLine: a.endLine,
        startColumn: a.column,
        endColumn: a.endColumn,
      };
      if (a.level === 'error') core.error(a.message, props);
      else if (a.level === 'warning') core.warning(a.message, props);
      else core.notice(a.message, props);
    },
    writeSummary: async (summary: Summary) => {
      if (!process.env.GITHUB_STEP_SUMMARY) return;
      await core.summary.addRaw(summary.toMarkdown()).write();
    },
    log: githubLogger,
    env: process.env,
  };
}

/** The whole life of an action step: `actions/<name>/src/index.ts` is one call to this. */
export function runAction(action: string, run: ActionRun): void {
  void (async () => {
    const outcome = await settle(async () => run(githubIO(loadActionMeta(action), action)), githubLogger);
    if (outcome.failed) {
      core.setFailed(outcome.message);
      process.exitCode = outcome.exitCode;
    }
  })();
}

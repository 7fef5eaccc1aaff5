/**
 * A mistake the user can fix (a bad input, a missing revision, a file that cannot be read).
 * The runner prints only its message; anything else is a bug and is reported with its stack.
 */
export class UserError extends Error {
  /** Exit code for this failure (see EXIT_CODES in runner.ts): 2 unless the check itself failed. */
  readonly exitCode: number;
  constructor(message: string, options: { exitCode?: number; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = 'UserError';
    this.exitCode = options.exitCode ?? 2;
  }
}

/**
 * How an error names where a value came from: `Input "paths"` for an action input (kebab-case),
 * `Variable GITHUB_EVENT_PATH` for a variable the runner sets (upper case).
 */
export function source(name: string): string {
  return /^[A-Z][A-Z0-9_]*$/.test(name) ? `Variable ${name}` : `Input "${name}"`;
}

/** An input value that is not allowed (exit code 2). */
export class InputError extends UserError {
  constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }
}

/**
 * The action ran to completion and its verdict is "fail the step" (a gate that blocks, a linter
 * that found errors). Outputs and the summary are already written when this is thrown.
 */
export class StepFailed extends UserError {
  constructor(message: string) {
    super(message, { exitCode: 1 });
    this.name = 'StepFailed';
  }
}

/** One line describing any thrown value, for messages that wrap a cause. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return error.message.split('\n')[0] ?? error.name;
  return String(error);
}

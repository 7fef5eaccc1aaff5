/**
 * A mistake the user can fix (a bad input, a missing revision, a file that cannot be read).
 * The runner prints only its message; anything else is a bug and is reported with its stack.
 */
export class UserError extends Error {
  /** Exit code for this failure: 1 fails the step; 2 means nothing could be analysed. */
  readonly exitCode: number;
  constructor(message: string, options: { exitCode?: number; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = 'UserError';
    this.exitCode = options.exitCode ?? 1;
  }
}

/** An input value that is not allowed. The command line exits 2 for these; a step fails with 1. */
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
    super(message);
    this.name = 'StepFailed';
  }
}

/** One line describing any thrown value, for messages that wrap a cause. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return error.message.split('\n')[0] ?? error.name;
  return String(error);
}

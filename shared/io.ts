import type { NetworkOptions } from './network.js';
import type { Summary } from './summary.js';

export type AnnotationLevel = 'error' | 'warning' | 'notice';

/** A finding on a file, shown by GitHub on the exact line (1-based lines and columns). */
export interface Annotation {
  level: AnnotationLevel;
  message: string;
  title?: string;
  file?: string;
  line?: number;
  endLine?: number;
  column?: number;
  endColumn?: number;
}

/** Logging that is quiet by default; `debug` shows with ACTIONS_STEP_DEBUG or `--debug`. */
export interface Logger {
  debug(message: string): void;
  info(message: string): void;
  warning(message: string): void;
  group<T>(name: string, body: () => Promise<T>): Promise<T>;
}

export type OutputValue = string | number | boolean | readonly unknown[] | Record<string, unknown>;

/**
 * Everything an action may do to its surroundings, so one `run()` serves the runner and the command
 * line. Only declared inputs and outputs can be used: reading an undeclared one is a bug.
 */
export interface ActionIO {
  readonly action: string;
  /** The raw input with the action.yml default applied when the value is empty. */
  input(name: string): string;
  setOutput(name: string, value: OutputValue): void;
  exportVariable(name: string, value: string): void;
  /** Masks a value in the log and removes it from every text the action sends out (see `redact`). */
  setSecret(value: string): void;
  /**
   * Text leaving the action (issues, comments, tag messages, payloads) without secrets: the values
   * given to setSecret and every format shared/redact.ts knows. Outputs, annotations, summaries and
   * log lines pass through it already.
   */
  redact(text: string): string;
  annotate(annotation: Annotation): void;
  writeSummary(summary: Summary): Promise<void>;
  readonly log: Logger;
  /** The process environment as the action sees it (GITHUB_*, RUNNER_*, tokens are not read from here). */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Timeouts and retries of remote calls, when not the production ones (shared/network.ts). */
  readonly network?: NetworkOptions;
}

/** Outputs are strings on the runner: objects and arrays become JSON, the rest their text. */
export function formatOutput(value: OutputValue): string {
  return typeof value === 'string'
    ? value
    : typeof value === 'object'
      ? JSON.stringify(value)
      : String(value);
}

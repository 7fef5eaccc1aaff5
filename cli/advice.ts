import { flagOf } from './args.js';

/**
 * Advice in the actions' messages is written for a workflow (actions/checkout, fetch-depth); at a
 * terminal the same fix is a git command. Each pair is a runner phrase and what it means locally.
 */
const TERMINAL: ReadonlyArray<readonly [RegExp, string]> = [
  [/check out with (actions\/checkout )?fetch-depth: 0/g, 'fetch the full history (git fetch --unshallow)'],
  [/run actions\/checkout before [\w-]+/g, 'run it from inside a clone of the repository'],
  [/check out the code first \(actions\/checkout\)/g, 'run it from inside a clone of the repository'],
  [/check out the repository first/g, 'run it from inside a clone of the repository'],
];

/**
 * The message as a terminal shows it: runner advice turned into git advice, and each `input "<name>"`
 * of the action's `inputs` (the workflow's `with:` key) into the flag a person types, `--<name>`.
 */
export function terminalAdvice(message: string, inputs: readonly string[] = []): string {
  const advised = TERMINAL.reduce((text, [runner, local]) => text.replace(runner, local), message);
  return advised.replace(/\binput "([\w-]+)"/g, (phrase, name: string) =>
    inputs.includes(name) ? `--${flagOf(name)}` : phrase,
  );
}

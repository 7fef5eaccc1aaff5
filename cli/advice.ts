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

export function terminalAdvice(message: string): string {
  return TERMINAL.reduce((text, [runner, local]) => text.replace(runner, local), message);
}

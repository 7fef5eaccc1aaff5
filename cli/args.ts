import type { ActionMeta } from '../shared/metadata.js';

/**
 * Inputs spelled differently on the command line, because the action.yml name is an option Node
 * itself reads: Node 20 versions before 20.13 took `--env-file` even after the script's name, loading
 * that file into the environment (on a second run, the one the first wrote) and hiding it from us.
 */
export const cliSpellings: Readonly<Record<string, string>> = { 'env-file': 'dotenv-file' };

/** The input a command-line flag names, or undefined. */
export function inputOfFlag(meta: ActionMeta, flag: string): string | undefined {
  const input = Object.entries(cliSpellings).find(([, spelled]) => spelled === flag)?.[0] ?? flag;
  return Object.hasOwn(meta.inputs, input) && !Object.hasOwn(cliSpellings, flag) ? input : undefined;
}

/** The flag that sets an input. */
export const flagOf = (input: string): string =>
  Object.hasOwn(cliSpellings, input) ? cliSpellings[input]! : input;

/** A yes/no input: its action.yml default is `true` or `false`. */
const isBoolean = (meta: ActionMeta, input: string) =>
  /^(true|false)$/.test(meta.inputs[input]?.default ?? '');

export interface Parsed {
  values: Map<string, string>;
  json: boolean;
  debug: boolean;
  help: boolean;
  summaryFile?: string;
}

/**
 * Reads an action's flags as people type them: `--name value`, `--name=value`, a yes/no input alone
 * (`--all`) or negated (`--no-all`), a list input repeated (`--paths a --paths b`). Returns the
 * values, or one sentence saying what is wrong.
 */
export function parseArgs(args: readonly string[], meta: ActionMeta, action: string): Parsed | string {
  const parsed: Parsed = { values: new Map(), json: false, debug: false, help: false };
  const set = (input: string, value: string) => {
    const before = parsed.values.get(input);
    parsed.values.set(input, before === undefined ? value : `${before}\n${value}`);
  };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--json') parsed.json = true;
    else if (arg === '--debug') parsed.debug = true;
    else if (arg === '--help' || arg === '-h') parsed.help = true;
    else if (arg === '--summary-file' || arg.startsWith('--summary-file=')) {
      const value = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : args[++i];
      if (!value) return '--summary-file needs a path: the file the Markdown summary is written to.';
      parsed.summaryFile = value;
    } else if (arg === '--input') {
      // `--input name=value` spells any input by its action.yml name.
      const pair = args[++i] ?? '';
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq);
      if (eq <= 0 || !Object.hasOwn(meta.inputs, name))
        return `--input takes name=value with an input of ${action}, not ${JSON.stringify(pair)}; \`trunk-actions ${action} --help\` lists them.`;
      set(name, pair.slice(eq + 1));
    } else if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      const flag = eq > 0 ? arg.slice(2, eq) : arg.slice(2);
      const negated = flag.startsWith('no-') ? inputOfFlag(meta, flag.slice(3)) : undefined;
      if (negated && isBoolean(meta, negated) && eq < 0) {
        set(negated, 'false');
        continue;
      }
      const input = inputOfFlag(meta, flag);
      if (!input) {
        const spelled = Object.hasOwn(cliSpellings, flag) ? cliSpellings[flag] : undefined;
        return spelled && Object.hasOwn(meta.inputs, flag)
          ? `Write --${spelled} for input "${flag}": Node itself reads --${flag} on some versions.`
          : `Unknown flag --${flag} for ${action}; \`trunk-actions ${action} --help\` lists its inputs.`;
      }
      const next = args[i + 1];
      if (eq < 0 && isBoolean(meta, input) && (next === undefined || next.startsWith('--'))) {
        set(input, 'true');
        continue;
      }
      const value = eq > 0 ? arg.slice(eq + 1) : args[++i];
      if (value === undefined) return `--${flag} needs a value (${meta.inputs[input]!.description})`;
      set(input, value);
    } else
      return `Unexpected argument ${JSON.stringify(arg)}: flags start with --; \`trunk-actions ${action} --help\` lists them.`;
  }
  return parsed;
}

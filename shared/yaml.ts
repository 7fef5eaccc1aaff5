import { UserError } from './errors.js';

/**
 * The full YAML parser, loaded on first need. It is a third of a bundle's code and about 10 ms of
 * every start-up, and most runs never call it: bundles carry action.yml pre-parsed, YAML inputs are
 * usually empty, and affected reads workspace files and lockfiles with its fast subset reader.
 */
let parser: typeof import('yaml') | undefined;

/** Aliases a document may expand, against billion-laughs documents. */
export const MAX_ALIASES = 100;

/** Thrown by parseYaml before loadYaml has run; `withYaml` loads the parser and runs the work again. */
export class YamlNotLoaded extends Error {
  constructor() {
    super('bug: the YAML parser was used before loadYaml()');
  }
}

export async function loadYaml(): Promise<void> {
  parser ??= await import('yaml');
}

/** The parser itself, for what parseYaml does not cover (streams, writing); needs loadYaml first. */
export function yamlParser(): typeof import('yaml') {
  if (!parser) throw new YamlNotLoaded();
  return parser;
}

/** Parses YAML text (aliases bounded, against billion-laughs documents); needs loadYaml first. */
export function parseYaml(text: string): unknown {
  return yamlParser().parse(text, { maxAliasCount: MAX_ALIASES });
}

/**
 * Runs work that may need the full parser: when it does and the parser is not loaded yet, loads it
 * and runs the work again. The work must depend only on its inputs (it may read git, not change
 * anything), so running it twice gives what one run with the parser loaded would have.
 */
export async function withYaml<T>(work: () => T | Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof YamlNotLoaded)) throw error;
    await loadYaml();
    return work();
  }
}

/**
 * Runs a parse of YAML a user wrote (an SLO file, a quarantine list, an input) and turns what the
 * parser throws, an alias bomb, nesting too deep for the stack or a syntax error, into one sentence
 * naming `source`, never a crash reported as a bug.
 */
export function userYaml<T>(source: string, parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    if (error instanceof UserError || error instanceof YamlNotLoaded) throw error;
    const message = error instanceof Error ? error.message : String(error);
    const why = /alias count|resource exhaustion/i.test(message)
      ? `expands more than ${MAX_ALIASES} aliases (an alias bomb?)`
      : error instanceof RangeError
        ? 'is nested too deeply'
        : `is not valid YAML: ${message.split('\n')[0]}`;
    throw new UserError(`${source} ${why}.`, { cause: error });
  }
}

import { parseArgs } from '../../cli/args.js';
import { plural } from '../../shared/english.js';
import { outputLines } from '../../cli/text.js';
import { terminalAdvice } from '../../cli/advice.js';
import { uncommittedPaths } from '../../cli/local.js';
import type { ActionMeta } from '../../shared/metadata.js';

const meta: ActionMeta = {
  name: 'demo',
  description: 'demo',
  runs: { using: 'node24', main: 'index.js' },
  inputs: {
    all: { description: 'Lint every file.', default: 'false' },
    paths: { description: 'Globs.', default: '' },
    base: { description: 'Base revision.' },
    'env-file': { description: 'A dotenv file to write.' },
  },
  outputs: {},
};

const values = (args: string[]) => {
  const parsed = parseArgs(args, meta, 'demo');
  if (typeof parsed === 'string') throw new Error(parsed);
  return Object.fromEntries(parsed.values);
};

describe('flags as people type them', () => {
  it.each([
    [['--base', 'main'], { base: 'main' }],
    [['--base=main'], { base: 'main' }],
    [['--all'], { all: 'true' }],
    [['--all', '--base', 'x'], { all: 'true', base: 'x' }],
    [['--all', 'false'], { all: 'false' }],
    [['--no-all'], { all: 'false' }],
    [['--paths', 'a/*.sql', '--paths', 'b/*.sql'], { paths: 'a/*.sql\nb/*.sql' }],
    [['--dotenv-file', 'deploy.env'], { 'env-file': 'deploy.env' }],
    [['--input', 'env-file=deploy.env'], { 'env-file': 'deploy.env' }],
  ])('%j', (args, expected) => {
    expect(values(args)).toEqual(expected);
  });

  it('takes --summary-file, --json and --debug for itself', () => {
    expect(parseArgs(['--summary-file', 's.md', '--json', '--debug'], meta, 'demo')).toMatchObject({
      summaryFile: 's.md',
      json: true,
      debug: true,
    });
  });

  it.each([
    [
      ['--env-file', 'x'],
      'Write --dotenv-file for input "env-file": Node itself reads --env-file on some versions.',
    ],
    [['--nope', 'x'], 'Unknown flag --nope for demo; `trunk-actions demo --help` lists its inputs.'],
    [['--base'], '--base needs a value (Base revision.)'],
    [['main'], 'Unexpected argument "main": flags start with --; `trunk-actions demo --help` lists them.'],
    [['--summary-file'], '--summary-file needs a path: the file the Markdown summary is written to.'],
  ])('%j is one sentence saying what to do', (args, message) => {
    expect(parseArgs(args, meta, 'demo')).toBe(message);
  });
});

describe('text for a terminal', () => {
  it('counts in English', () => {
    expect([plural(0, 'file'), plural(1, 'file'), plural(2, 'file')]).toEqual([
      '0 files',
      '1 file',
      '2 files',
    ]);
  });

  it('prints a multi-line output in the runner’s heredoc form, with a delimiter the value lacks', () => {
    expect(outputLines({ one: 'a=b', many: 'x\nEOF\ny' })).toEqual([
      'one=a=b',
      'many<<EOF1\nx\nEOF\ny\nEOF1',
    ]);
  });

  it('gives git advice at a terminal where a workflow would be told about actions/checkout', () => {
    expect(
      terminalAdvice(
        'Revision "x" (input base) is not in this clone; check the name, or check out with fetch-depth: 0.',
      ),
    ).toBe(
      'Revision "x" (input base) is not in this clone; check the name, or fetch the full history (git fetch --unshallow).',
    );
    expect(terminalAdvice('/w is not a git repository; run actions/checkout before deploy-metadata.')).toBe(
      '/w is not a git repository; run it from inside a clone of the repository.',
    );
  });

  it('names the flag a person types where a message names an input of the action', () => {
    const inputs = ['burn-rate-rules', 'slo', 'env-file'];
    expect(
      terminalAdvice(
        'too few samples in the 5m window (1 sample; the export is sampled every 5m: widen the window to at least 10m with input "burn-rate-rules", or sample more often)',
        inputs,
      ),
    ).toBe(
      'too few samples in the 5m window (1 sample; the export is sampled every 5m: widen the window to at least 10m with --burn-rate-rules, or sample more often)',
    );
    expect(terminalAdvice('No SLO is defined: set input "slo" or input "total-query".', inputs)).toBe(
      'No SLO is defined: set --slo or input "total-query".',
    );
    expect(terminalAdvice('Cannot read input "env-file".', inputs)).toBe('Cannot read --dotenv-file.');
    expect(terminalAdvice('Set input "slo".')).toBe('Set input "slo".');
  });

  it('reads the paths of git status -z, renames included', () => {
    expect(uncommittedPaths('?? db/new.sql\0R  b.sql\0a.sql\0 M src/x.ts\0')).toEqual([
      'db/new.sql',
      'b.sql',
      'src/x.ts',
    ]);
  });
});

import { renderMarkdown } from '../../cli/render.js';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { neutralise, showText } from '../../shared/neutralise.js';
import { Summary } from '../../shared/summary.js';
import {
  exportVariable,
  issueCommand,
  setOutput,
  standardStreams,
  writeLine,
} from '../../shared/workflow-commands.js';
import { parseAnnotations, parseCommandFile } from '../support/harness.js';
import { runnerCommands } from './runner-protocol.js';

// Class 2: one writer for everything that reaches stdout and stderr. Untrusted text never becomes a
// workflow command, in either syntax; annotation text and properties are escaped as the runner
// unescapes them; environment files use a random delimiter checked against the value.

function capture(body: () => void): string {
  const write = standardStreams.write;
  let out = '';
  standardStreams.write = (_stream, chunk) => {
    out += chunk;
  };
  try {
    body();
  } finally {
    standardStreams.write = write;
  }
  return out;
}

/** Text an attacker controls: package, test and SLO names, SQL lines, override reasons, server errors. */
const HOSTILE: string[] = [
  '::add-mask::secret',
  '::set-output name=decision::pass',
  '  ::stop-commands::token',
  '\t::error::fake',
  'ok\n::warning::injected',
  'ok\r\n::notice::crlf',
  'ok\r::debug::cr only',
  '##[set-output name=decision;]pass',
  'package ##[add-mask]hunter2',
  'slo "checkout" ##[error]raised from a name',
  'reason: ##[set-env name=NODE_OPTIONS;]--require=/tmp/x.js',
  'prometheus said: bad_data ##[warning file=x]',
  '###[error]three hashes',
  '##[group]open a group',
  'line\u2028::add-mask::after U+2028',
  'line\u2029::add-mask::after U+2029',
  'line\u0085::add-mask::after U+0085',
  '\u2028##[error]both',
  '::::double',
  ':\u200b:already neutralised',
];

describe.each(HOSTILE)('untrusted text %j', (text) => {
  it('is no command when written as a log line', () => {
    const out = capture(() => writeLine(`Package ${text} changed`));
    expect(runnerCommands(out)).toEqual([]);
    const start = capture(() => writeLine(text));
    expect(runnerCommands(start)).toEqual([]);
  });

  it('is exactly one annotation, whose message reads back whole, when it is the message', () => {
    const out = capture(() => issueCommand('warning', { title: text, file: 'a.sql' }, text));
    expect(runnerCommands(out).map((c) => c.name)).toEqual(['warning']);
    const [annotation] = parseAnnotations(out);
    expect(annotation!.message).toBe(showText(text));
    expect(annotation!.title).toBe(showText(text));
  });

  it('is no command in a summary rendered for the terminal', async () => {
    const summary = new Summary()
      .heading(text)
      .table(['name'], [[text]])
      .list([text])
      .code(text);
    const shown = await renderMarkdown(summary.toMarkdown(), { width: 100, color: false });
    expect(runnerCommands(capture(() => writeLine(shown)))).toEqual([]);
  });

  it('is a value, never a second output, in GITHUB_OUTPUT and GITHUB_ENV', () => {
    const dir = mkdtempSync(join(tmpdir(), 'trunk-writer-'));
    process.env.GITHUB_OUTPUT = join(dir, 'out');
    process.env.GITHUB_ENV = join(dir, 'env');
    writeFileSync(process.env.GITHUB_OUTPUT, '');
    writeFileSync(process.env.GITHUB_ENV, '');
    try {
      const value = `${text}\nother=1\nEOF\nother<<EOF\nx\nEOF`;
      setOutput('reason', value);
      exportVariable('TRUNK_REASON', value);
      expect(parseCommandFile(readFileSync(process.env.GITHUB_OUTPUT, 'utf8'))).toEqual({ reason: value });
      expect(parseCommandFile(readFileSync(process.env.GITHUB_ENV, 'utf8'))).toEqual({ TRUNK_REASON: value });
    } finally {
      delete process.env.GITHUB_OUTPUT;
      delete process.env.GITHUB_ENV;
      delete process.env.TRUNK_REASON;
    }
  });
});

describe('the writer', () => {
  it('neutralises idempotently', () => {
    for (const text of HOSTILE) expect(neutralise(neutralise(text))).toBe(neutralise(text));
  });

  it('escapes annotation properties as the runner reads them (%, CR, LF, :, ,)', () => {
    const out = capture(() =>
      issueCommand('error', { file: 'a,b:c%\r\n.sql', title: 'x,y:z' }, 'm%\r\n::add-mask::x'),
    );
    expect(out).toBe('::error file=a%2Cb%3Ac%25%0D%0A.sql,title=x%2Cy%3Az::m%25%0D%0A::add-mask::x\n');
    expect(parseAnnotations(out)[0]).toMatchObject({ file: 'a,b:c%\r\n.sql', title: 'x,y:z' });
  });

  it('never uses a delimiter the value contains', () => {
    const dir = mkdtempSync(join(tmpdir(), 'trunk-writer-'));
    process.env.GITHUB_OUTPUT = join(dir, 'out');
    writeFileSync(process.env.GITHUB_OUTPUT, '');
    const realRandom = Math.random;
    // the first delimiter drawn is all zeros (four draws of 0), the next one random
    let draws = 0;
    Math.random = () => (draws++ < 4 ? 0 : realRandom());
    try {
      const value = 'x\nghadelimiter_00000000-0000-0000-0000-000000000000\ninjected=1';
      setOutput('v', value);
      const written = readFileSync(process.env.GITHUB_OUTPUT, 'utf8');
      expect(draws).toBeGreaterThan(4);
      expect(written).toMatch(/^v<<ghadelimiter_[0-9a-f-]{36}\n/);
      expect(written.startsWith('v<<ghadelimiter_00000000-0000-0000-0000-000000000000')).toBe(false);
      expect(parseCommandFile(written)).toEqual({ v: value });
    } finally {
      Math.random = realRandom;
      delete process.env.GITHUB_OUTPUT;
    }
  });
});

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportVariable, issueCommand, setOutput } from '../../shared/workflow-commands.js';
import { parseAnnotations, parseCommandFile } from '../support/harness.js';

function captureStdout(body: () => void): string {
  const write = process.stdout.write;
  let out = '';
  process.stdout.write = ((chunk: string) => {
    out += chunk;
    return true;
  }) as typeof process.stdout.write;
  try {
    body();
  } finally {
    process.stdout.write = write;
  }
  return out;
}

describe('workflow commands as the runner reads them', () => {
  it('escapes messages and properties so text cannot start a second command', () => {
    const out = captureStdout(() =>
      issueCommand('error', { file: 'a,b:c.sql', line: 3, col: undefined }, 'first\n::add-mask::x 100%'),
    );
    expect(out).toBe('::error file=a%2Cb%3Ac.sql,line=3::first%0A::add-mask::x 100%25\n');
    expect(parseAnnotations(out)).toEqual([
      { level: 'error', file: 'a,b:c.sql', line: 3, message: 'first\n::add-mask::x 100%' },
    ]);
  });

  it('writes outputs and env as delimited blocks that survive newlines and `=`', () => {
    const dir = mkdtempSync(join(tmpdir(), 'trunk-cmd-'));
    process.env.GITHUB_OUTPUT = join(dir, 'out');
    process.env.GITHUB_ENV = join(dir, 'env');
    writeFileSync(process.env.GITHUB_OUTPUT, '');
    writeFileSync(process.env.GITHUB_ENV, '');
    try {
      setOutput('matrix', '{"include":[]}\nsecond=line');
      exportVariable('OTEL_RESOURCE_ATTRIBUTES', 'service.name=shop');
      expect(parseCommandFile(readFileSync(process.env.GITHUB_OUTPUT, 'utf8'))).toEqual({
        matrix: '{"include":[]}\nsecond=line',
      });
      expect(parseCommandFile(readFileSync(process.env.GITHUB_ENV, 'utf8'))).toEqual({
        OTEL_RESOURCE_ATTRIBUTES: 'service.name=shop',
      });
    } finally {
      delete process.env.GITHUB_OUTPUT;
      delete process.env.GITHUB_ENV;
      delete process.env.OTEL_RESOURCE_ATTRIBUTES;
    }
  });
});

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportVariable, issueCommand, setOutput, standardStreams } from '../../shared/workflow-commands.js';
import { parseAnnotations, parseCommandFile } from '../support/harness.js';

function captureStdout(body: () => void): string {
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

  it('writes every value as a block with a random delimiter', () => {
    const dir = mkdtempSync(join(tmpdir(), 'trunk-cmd-'));
    process.env.GITHUB_OUTPUT = join(dir, 'out');
    process.env.GITHUB_ENV = join(dir, 'env');
    writeFileSync(process.env.GITHUB_OUTPUT, '');
    writeFileSync(process.env.GITHUB_ENV, '');
    try {
      setOutput('matrix', '{"include":[]}\nsecond=line');
      setOutput('projects', '["a<<b","c=d"]');
      setOutput('carriage', 'one\rtwo');
      exportVariable('OTEL_RESOURCE_ATTRIBUTES', 'service.name=shop');
      const written = readFileSync(process.env.GITHUB_OUTPUT, 'utf8');
      expect(written).toMatch(/^matrix<<ghadelimiter_[0-9a-f-]{36}\n/);
      expect(written).toMatch(/\nprojects<<ghadelimiter_[0-9a-f-]{36}\n\["a<<b","c=d"\]\n/);
      expect(written).toMatch(/\ncarriage<<ghadelimiter_[0-9a-f-]{36}\none\rtwo\n/);
      expect(parseCommandFile(written)).toEqual({
        matrix: '{"include":[]}\nsecond=line',
        projects: '["a<<b","c=d"]',
        carriage: 'one\rtwo',
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

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connectGitHub } from '../../shared/github.js';
import { LIMITS, boundOutput, cutText } from '../../shared/limits.js';
import { Summary } from '../../shared/summary.js';
import { parseAnnotations, parseCommandFile } from '../support/harness.js';
import { type GitHubServer, clientIO, startGitHubServer } from '../support/github-server.js';

// Class 6: every output, summary and issue body is bounded and linear in its input, within
// GitHub's own limits, with a line saying what was cut.

const bytes = (text: string) => Buffer.byteLength(text, 'utf8');

/** Runs `body` with fresh GITHUB_OUTPUT / GITHUB_STEP_SUMMARY files and a fresh writer module. */
async function withRunnerFiles(
  body: (w: typeof import('../../shared/workflow-commands.js'), stdout: () => string) => void,
): Promise<{ output: string; summary: string; stdout: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'trunk-limits-'));
  const files = { GITHUB_OUTPUT: join(dir, 'out'), GITHUB_STEP_SUMMARY: join(dir, 'summary') };
  for (const [name, path] of Object.entries(files)) {
    writeFileSync(path, '');
    process.env[name] = path;
  }
  let stdout = '';
  try {
    let writer!: typeof import('../../shared/workflow-commands.js');
    await jestIsolate(async () => {
      writer = await import('../../shared/workflow-commands.js');
    });
    writer.standardStreams.write = (_stream, chunk) => {
      stdout += chunk;
    };
    body(writer, () => stdout);
  } finally {
    delete process.env.GITHUB_OUTPUT;
    delete process.env.GITHUB_STEP_SUMMARY;
  }
  return {
    output: readFileSync(files.GITHUB_OUTPUT, 'utf8'),
    summary: readFileSync(files.GITHUB_STEP_SUMMARY, 'utf8'),
    stdout,
  };
}

async function jestIsolate(load: () => Promise<void>): Promise<void> {
  const { jest } = await import('@jest/globals');
  await jest.isolateModulesAsync(load);
}

describe('outputs', () => {
  it('cuts a JSON list over 1 MB to the items that fit, still valid JSON, and says so', async () => {
    const list = Array.from({ length: 20_000 }, (_, i) => `packages/${'x'.repeat(80)}-${i}`);
    let note: string | undefined;
    const { output } = await withRunnerFiles((w) => {
      note = w.setOutput('projects', JSON.stringify(list), list);
    });
    const value = parseCommandFile(output).projects!;
    expect(bytes(value)).toBeLessThanOrEqual(LIMITS.outputBytes);
    const kept = JSON.parse(value) as string[];
    expect(kept).toEqual(list.slice(0, kept.length));
    expect(kept.length).toBeGreaterThan(10_000);
    expect(note).toMatch(new RegExp(`first ${kept.length} of 20000 items`));
  });

  it('cuts a text output at a character boundary', () => {
    const text = '€'.repeat(400_000); // 1.2 MB of 3-byte characters
    const bounded = boundOutput('reason', text, text, LIMITS.outputBytes);
    expect(bytes(bounded.text)).toBeLessThanOrEqual(LIMITS.outputBytes);
    expect(bounded.text).toBe('€'.repeat(bounded.text.length));
    expect(bounded.note).toMatch(/Output "reason" is 1200000 bytes/);
  });

  it('keeps all outputs of a step within the 50 MB a run may hold', async () => {
    const chunk = 'y'.repeat(999_000);
    const notes: (string | undefined)[] = [];
    const { output } = await withRunnerFiles((w) => {
      for (let i = 0; i < 60; i++) notes.push(w.setOutput(`o${i}`, chunk));
    });
    const values = Object.values(parseCommandFile(output));
    expect(values.reduce((n, v) => n + bytes(v), 0)).toBeLessThanOrEqual(LIMITS.allOutputsBytes);
    expect(notes.filter(Boolean).length).toBeGreaterThan(0);
  });
});

describe('the step summary', () => {
  it('stays within 1 MiB of bytes (not characters) with a line saying what was cut', () => {
    const rows = Array.from({ length: 40_000 }, (_, i) => [`pkg-€€€€€-${i}`, 'affected']);
    const markdown = new Summary().heading('Affected').table(['project', 'why'], rows).toMarkdown();
    expect(bytes(markdown)).toBeLessThanOrEqual(LIMITS.summaryBytes);
    expect(markdown).toMatch(/cut here: \d+ bytes in all, GitHub keeps 1048576 bytes of a step summary/);
  });

  it('keeps several parts of one step within 1 MiB together', async () => {
    const part = new Summary().code('z'.repeat(700_000));
    const { summary } = await withRunnerFiles((w) => {
      for (let i = 0; i < 3; i++) w.appendSummary(part.toMarkdown());
    });
    expect(bytes(summary)).toBeLessThanOrEqual(LIMITS.summaryBytes);
    expect(summary).toContain('cut here');
  });

  it('is linear: 20 MB of cells render in bounded time and size', () => {
    const rows = Array.from({ length: 10_000 }, () => ['|'.repeat(2000)]);
    expect(bytes(new Summary().table(['x'], rows).toMarkdown())).toBeLessThanOrEqual(LIMITS.summaryBytes);
  });
});

describe('annotations', () => {
  it('shows at most 10 of each level a step, the failure and a line saying how many went to the log', async () => {
    const { stdout } = await withRunnerFiles((w) => {
      for (let i = 0; i < 40; i++) w.annotate('error', { file: `m/${i}.sql`, line: 1 }, `finding ${i}`);
      for (let i = 0; i < 40; i++) w.annotate('warning', { file: `m/${i}.sql` }, `warning ${i}`);
      w.reportDroppedAnnotations();
      w.annotate('error', {}, 'migration-lint: 40 errors', true);
    });
    const annotations = parseAnnotations(stdout);
    const errors = annotations.filter((a) => a.level === 'error');
    const warnings = annotations.filter((a) => a.level === 'warning');
    expect(errors.length).toBeLessThanOrEqual(LIMITS.annotationsPerStep);
    expect(warnings.length).toBeLessThanOrEqual(LIMITS.annotationsPerStep);
    expect(errors.at(-1)!.message).toBe('migration-lint: 40 errors');
    expect(errors.map((a) => a.message)).toContain(
      '32 more error annotations are in the log, not on the files: GitHub shows 10 of each level a step.',
    );
    expect(warnings.at(-1)!.message).toMatch(/^31 more warning annotations are in the log/);
    // nothing lost: every finding is in the log
    for (let i = 0; i < 40; i++) expect(stdout).toContain(`finding ${i}`);
    expect(annotations.length).toBeLessThanOrEqual(LIMITS.annotationsPerJob);
  });
});

describe('issue bodies and comments', () => {
  let server: GitHubServer;
  beforeEach(async () => {
    server = await startGitHubServer();
  });
  afterEach(() => server.close());

  it('are cut to 65,536 characters by the one GitHub client, with the marker kept and a line saying so', async () => {
    const gh = connectGitHub(clientIO(server), 'token', 'test');
    const body = `<!-- trunk-actions:flaky id=abc -->\n${'failure line\n'.repeat(20_000)}`;
    const { data } = await gh.rest.issues.create({ owner: 'acme', repo: 'shop', title: 't', body });
    await gh.rest.issues.createComment({ owner: 'acme', repo: 'shop', issue_number: data.number, body });
    const stored = server.state.issues.at(-1)!;
    expect(String(stored.body).length).toBeLessThanOrEqual(LIMITS.issueChars);
    expect(String(stored.body)).toMatch(/^<!-- trunk-actions:flaky id=abc -->/);
    expect(String(stored.body)).toMatch(/cut here: 260036 characters in all/);
    const comment = server.requests.find((r) => r.method === 'POST' && r.path.endsWith('/comments'));
    expect(comment).toBeDefined();
  });

  it('cutText never splits a surrogate pair', () => {
    const cut = cutText('😀'.repeat(40_000), LIMITS.issueChars, 'chars', 'limit');
    expect(cut.length).toBeLessThanOrEqual(LIMITS.issueChars);
    expect(cut).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
  });
});

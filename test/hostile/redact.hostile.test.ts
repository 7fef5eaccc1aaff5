import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadActionMeta } from '../../shared/metadata.js';
import { githubIO } from '../../shared/runner.js';
import { Redactor, redactDeep, redactSecrets } from '../../shared/redact.js';
import { repoRoot } from '../support/harness.js';

// Class 4 of issue 16: one redaction for every text that leaves an action. A committed corpus of
// real-format secrets (random bodies in each service's documented format) must lose the secret and
// keep the text around it; text that must survive (hashes, UUIDs, SHAs, stack traces) is unchanged.

interface Corpus {
  secrets: Array<{ kind: string; text: string; secret: string }>;
  survivors: string[];
}
const corpus = JSON.parse(
  readFileSync(join(import.meta.dirname, '..', 'fixtures', 'redact', 'corpus.json'), 'utf8'),
) as Corpus;

test('the corpus holds at least 60 secrets and 20 survivors', () => {
  expect(corpus.secrets.length).toBeGreaterThanOrEqual(60);
  expect(corpus.survivors.length).toBeGreaterThanOrEqual(20);
});

describe.each(corpus.secrets)('$kind', ({ text, secret }) => {
  test('the secret is removed and the text before it kept', () => {
    const redacted = redactSecrets(text);
    expect(redacted).not.toContain(secret);
    expect(redacted).toContain('***');
    const before = text.slice(0, Math.min(text.indexOf(secret), 8));
    expect(redacted.startsWith(before)).toBe(true);
  });
});

test.each(corpus.survivors)('survives unchanged: %j', (text) => {
  expect(redactSecrets(text)).toBe(text);
});

describe('values the run masked', () => {
  const token = 'tok-7f3a9c-secret-value';
  const redactor = new Redactor();
  redactor.add(token);
  redactor.add('line-one-secret\nline-two-secret');
  redactor.add('on');

  test.each([
    ['raw', `curl -H "X-Token: ${token}" https://x`],
    ['base64', `basic ${Buffer.from(token).toString('base64')}`],
    ['URL-encoded', `?q=${encodeURIComponent(`${token} & more`)}`],
    ['JSON-escaped', JSON.stringify({ note: `say "${token}"` })],
    ['inside a longer word', `prefix${token}suffix`],
  ])('%s', (_, text) => {
    const redacted = redactor.redact(text);
    expect(redacted).not.toContain(token);
    expect(redacted).not.toContain(Buffer.from(token).toString('base64'));
    expect(redacted).toContain('***');
  });

  test('each line of a multi-line masked value is masked, as the runner does', () => {
    expect(redactor.redact('saw line-two-secret here')).toBe('saw *** here');
  });

  test('a masked value shorter than 3 characters does not destroy text', () => {
    expect(redactor.redact('turn on the lights')).toBe('turn on the lights');
  });

  test('regular-expression characters in a masked value are literal', () => {
    const r = new Redactor();
    r.add('a.b*c(d)[e]');
    expect(r.redact('x a.b*c(d)[e] axbbbcde')).toBe('x *** axbbbcde');
  });

  test('redactDeep redacts every string of a payload and keeps its shape', () => {
    expect(
      redactDeep({ a: [token, 1, null, { b: `url https://u:${token}@h/x` }], sha: 'f'.repeat(40) }, (t) =>
        redactor.redact(t),
      ),
    ).toEqual({ a: ['***', 1, null, { b: 'url https://u:***@h/x' }], sha: 'f'.repeat(40) });
  });

  test('redactDeep copies what it changes, keeps a "__proto__" key, and leaves its input alone', () => {
    const clean = { include: [{ project: 'web', path: 'apps/web' }] };
    expect(redactDeep(clean, (t) => redactor.redact(t))).toBe(clean);
    const input = JSON.parse(
      `{"include": [{"project": "web"}, {"project": "${token}", "__proto__": "${token}", "z": "${token}"}]}`,
    );
    const safe = redactDeep(input, (t) => redactor.redact(t));
    expect(JSON.stringify(safe)).toBe(
      '{"include":[{"project":"web"},{"project":"***","__proto__":"***","z":"***"}]}',
    );
    expect(safe.include[0]).toBe(input.include[0]);
    expect(input.include[1].z).toBe(token);
  });

  test('outputs sharing an entry that changed after the first was set: the runner redacts it in the next', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'trunk-redact-'));
    process.env.GITHUB_OUTPUT = join(dir, 'out');
    writeFileSync(process.env.GITHUB_OUTPUT, '');
    try {
      const redactor = new Redactor();
      redactor.add(token);
      const io = githubIO(await loadActionMeta('affected', repoRoot), 'affected', redactor);
      const entry = { project: 'web', reason: 'changed apps/web/index.ts' };
      io.setOutput('matrix', { include: [entry] });
      entry.reason = `changed with ${token}`; // in the same job of the event loop
      io.setOutput('reasons', { web: entry.reason });
      io.setOutput('changed-files', [entry]);
      const written = readFileSync(process.env.GITHUB_OUTPUT, 'utf8');
      expect(written).not.toContain(token);
      expect(written.match(/changed with \*\*\*/g)).toHaveLength(2);
    } finally {
      delete process.env.GITHUB_OUTPUT;
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a value masked after a text was redacted is removed from that text the next time', () => {
    const r = new Redactor();
    expect(r.redact('deploy key k3y-value-42')).toBe('deploy key k3y-value-42');
    r.add('k3y-value-42');
    expect(r.redact('deploy key k3y-value-42')).toBe('deploy key ***');
  });
});

test.each([
  ['alone', (key: string) => key],
  ['at the start of a sentence', (key: string) => `${key} was used`],
  ['after words and a line break', (key: string) => `the value was\n${key}`],
  ['after a run of 19 key characters cut by a dot', (key: string) => `${'a'.repeat(19)}. ${key} here`],
])('a bare AWS secret key with no word around it is redacted: %s', (_where, place) => {
  // nothing but its run of 40 key characters tells this text may hold a secret
  const key = ['wJalrXUtnFEMI', 'K7MDENG', 'bPxRfiCYEXAMPLEKEY'].join('/');
  const redacted = redactSecrets(place(key));
  expect(redacted).not.toContain(key);
  expect(redacted).toContain('***');
});

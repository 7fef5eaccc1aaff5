import { jest } from '@jest/globals';
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

describe('outputs tested as JSON text before their strings are walked', () => {
  const redactorWith = (...values: string[]) => {
    const r = new Redactor();
    for (const value of values) r.add(value);
    return r;
  };
  // What a string may stand next to in a value: JSON writes each of these escaped.
  const neighbours = ['', ' ', '"', '\\', '\n', '\x01', '\t', '\ud800', '\udc00', '/', 'a', 'A', '0', '='];
  const placed = (secret: string) =>
    neighbours.flatMap((before) => neighbours.map((after) => `${before}${secret}${after}`));
  const check = (r: Redactor, texts: string[]) => {
    for (const text of texts) {
      const value = { include: [{ project: 'web', reason: text }], list: ['x', text] };
      const walked = redactDeep(value, (t) => r.redact(t));
      const tested = r.redactJson(value, JSON.stringify(value));
      expect(tested.value).toEqual(walked);
      expect(tested.json).toBe(JSON.stringify(walked));
    }
  };

  test('every corpus secret, beside any character JSON escapes, is redacted as by the walk', () => {
    const r = new Redactor();
    for (const { text, secret } of corpus.secrets) check(r, [...placed(secret), ...placed(text)]);
  });

  test.each([
    ['quotes and backslashes', 'pa"ss\\word-42'],
    ['a line break', 'first-line-x\nsecond-line-y'],
    ['a control character', 'ctl\x02value-9'],
    ['its own JSON form', JSON.stringify('q"uoted\\value').slice(1, -1)],
    ['a surrogate pair', 'emoji-😀-value'],
  ])('a masked value holding %s is found in the JSON text', (_what, secret) => {
    const r = redactorWith(secret);
    check(r, [...placed(secret), ...placed(JSON.stringify(secret).slice(1, -1)), `\ud83d${secret}`]);
    const value = { reason: `x ${secret} y` };
    expect(r.redactJson(value, JSON.stringify(value)).value).not.toEqual(value);
  });

  test('an output of long paths, SHAs and UUIDs is kept as it is, not walked', () => {
    const r = new Redactor();
    const redact = jest.spyOn(r, 'redact');
    const value = {
      include: [
        { project: 'markdown-remark', path: 'packages/integrations/markdown/remark/src/plugins' },
        { project: 'web', path: 'apps/WebConsoleFrontend/src/components/DashboardPanel' },
      ],
      sha: 'f9c3a1b2'.repeat(5),
      id: '123e4567-e89b-12d3-a456-426614174000',
    };
    const json = JSON.stringify(value);
    expect(r.redactJson(value, json)).toEqual({ value, json });
    expect(redact).not.toHaveBeenCalled();
  });

  test('a bare Basic or Bearer credential after any space JSON escapes is redacted as by the walk', () => {
    const spaces = [' ', '\t', '\v', '\f', '\u00a0', '\u2028', '\u3000'];
    const texts = spaces.flatMap((space) => [
      `Basic${space}dXNlcjpwYXNzd29yZA==`,
      `bearer${space}Ab3xYz9KmPq`,
    ]);
    const r = new Redactor();
    check(r, texts);
    for (const text of texts)
      expect(r.redactJson({ text }, JSON.stringify({ text })).value.text).toContain('***');
  });

  test('an output naming basic examples is kept as it is, not walked', () => {
    const r = new Redactor();
    const redact = jest.spyOn(r, 'redact');
    const value = {
      include: [{ project: '@example/basics', path: 'examples/basics', reason: 'Basic-auth docs' }],
    };
    const json = JSON.stringify(value);
    expect(r.redactJson(value, json)).toEqual({ value, json });
    expect(redact).not.toHaveBeenCalled();
  });

  test('a clean output is kept as it is, its strings not redacted one by one', () => {
    const r = redactorWith('tok-7f3a9c-secret-value');
    const redact = jest.spyOn(r, 'redact');
    const value = { include: [{ project: 'web', path: 'apps/web', reason: 'changed apps/web/a.ts' }] };
    const json = JSON.stringify(value);
    expect(r.redactJson(value, json)).toEqual({ value, json });
    expect(redact).not.toHaveBeenCalled();
  });
});

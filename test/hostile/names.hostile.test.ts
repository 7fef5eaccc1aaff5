import { renderMarkdown } from '../../cli/render.js';
import { eventContext } from '../../shared/context.js';
import { connectGitHub } from '../../shared/github.js';
import { input, parseInputs } from '../../shared/inputs.js';
import { neutralise, showText } from '../../shared/neutralise.js';
import { Summary, escapeMarkdown, inlineCode } from '../../shared/summary.js';
import { loadYaml } from '../../shared/yaml.js';
import type { Zod } from '../../shared/zod.js';
import { type GitHubServer, clientIO, startGitHubServer } from '../support/github-server.js';

// Class 7: names are shown, not obeyed. Hidden and direction-changing characters are escaped
// wherever a person reads them; identities keep the raw text; lookups by outside names use own
// properties only.

const HIDDEN: [string, string][] = [
  ['right-to-left override', 'c\u202egnp.exe'],
  ['left-to-right override', 'a\u202dbc'],
  ['right-to-left embedding', 'a\u202bb'],
  ['pop directional formatting', 'a\u202cb'],
  ['right-to-left isolate', 'a\u2067b\u2069'],
  ['first strong isolate', 'a\u2068b'],
  ['right-to-left mark', 'admin\u200f'],
  ['left-to-right mark', '\u200eadmin'],
  ['arabic letter mark', 'a\u061cb'],
  ['zero-width space', 'pay\u200bments'],
  ['zero-width joiner', 'pay\u200dments'],
  ['zero-width non-joiner', 'pay\u200cments'],
  ['word joiner', 'pay\u2060ments'],
  ['byte order mark', '\ufeffpayments'],
  ['soft hyphen', 'pay\u00adments'],
  ['line separator', 'a\u2028b'],
];

describe.each(HIDDEN)('a name with a %s', (_what, name) => {
  const visible = (text: string) =>
    expect(text).not.toMatch(/[\u00ad\u061c\u200b-\u200f\u2028-\u202e\u2060\u2066-\u2069\ufeff]/);

  it('is shown escaped in a summary, in Markdown and on a terminal', async () => {
    const summary = new Summary()
      .heading(name)
      .text(escapeMarkdown(name))
      .table(['project'], [[inlineCode(name)]])
      .list([name])
      .code(`SELECT '${name}';`);
    visible(summary.toMarkdown());
    visible(await renderMarkdown(summary.toMarkdown(), { width: 100, color: false }));
    expect(summary.toMarkdown()).toMatch(/<U\+[0-9A-F]{4}>/);
  });

  it('is shown escaped in a log line', () => {
    visible(neutralise(`Package ${name} changed`));
    expect(showText(name)).toMatch(/<U\+[0-9A-F]{4}>/);
  });
});

describe('issue titles and bodies', () => {
  let server: GitHubServer;
  beforeEach(async () => {
    server = await startGitHubServer();
  });
  afterEach(() => server.close());

  it('show hidden characters escaped whatever the action wrote', async () => {
    const gh = connectGitHub(clientIO(server), 'token', 'test');
    await gh.rest.issues.create({
      owner: 'acme',
      repo: 'shop',
      title: 'Flaky test c\u202egnp.exe',
      body: 'Test id `c\u202egnp.exe`',
    });
    const issue = server.state.issues.at(-1)!;
    expect(issue.title).toBe('Flaky test c<U+202E>gnp.exe');
    expect(issue.body).toBe('Test id `c<U+202E>gnp.exe`');
  });
});

describe('lookups by outside names', () => {
  const io = (values: Record<string, string>) => ({ input: (name: string) => values[name] ?? '' });

  it.each([
    ['YAML', '__proto__:\n  paths: ["**"]\n'],
    ['YAML, nested', 'web:\n  paths: ["**"]\n  __proto__: {}\n'],
    ['JSON', '{"__proto__": {"paths": ["**"]}}'],
  ])('a %s input with a __proto__ key is refused instead of vanishing', async (kind, raw) => {
    await loadYaml();
    const schema = (z: Zod) => z.record(z.string(), z.object({ paths: z.array(z.string()) }));
    const shape = {
      projects: kind.startsWith('JSON')
        ? input.json(schema, {}, 'projects')
        : input.yaml(schema, {}, 'projects'),
    };
    await expect(parseInputs(shape, io({ projects: raw }))).rejects.toThrow(/Input "projects" .*__proto__/);
  });

  it('keeps constructor and toString as ordinary names', async () => {
    await loadYaml();
    const shape = { inputs: input.yaml((z) => z.record(z.string(), z.array(z.string())), {}, 'globs') };
    const parsed = await parseInputs(shape, io({ inputs: 'constructor: ["a/**"]\ntoString: ["b/**"]\n' }));
    expect(Object.entries(parsed.inputs)).toEqual([
      ['constructor', ['a/**']],
      ['toString', ['b/**']],
    ]);
  });

  it('reads dispatch inputs named __proto__ and constructor as own entries', () => {
    const payload = JSON.parse('{"inputs": {"__proto__": "x", "constructor": "y"}}') as Record<
      string,
      unknown
    >;
    const ctx = eventContext({}, payload);
    expect(Object.getPrototypeOf(ctx.inputs)).toBe(Object.prototype);
    expect(Object.entries(ctx.inputs)).toEqual([
      ['__proto__', 'x'],
      ['constructor', 'y'],
    ]);
  });
});

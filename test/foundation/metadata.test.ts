import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { needs, revisionInputs } from '../../cli/local.js';
import { actionNames } from '../../shared/metadata.js';
import { repoRoot } from '../support/harness.js';

// The actions are the folders under actions/: every list of them is read from there, and the tables
// that must say something per action are checked against it here.
const ACTIONS = actionNames();
const KEBAB = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

describe('the list of actions', () => {
  it('is every folder under actions/, each with an action.yml', () => {
    const folders = readdirSync(join(repoRoot, 'actions'), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name);
    const bare = folders.filter((name) => !ACTIONS.includes(name));
    expect(bare.map((name) => `actions/${name}/ has no action.yml: add one, or remove the folder`)).toEqual(
      [],
    );
    expect(ACTIONS.length).toBeGreaterThan(0);
  });

  it("each has a row in the command line's needs (cli/local.ts), and the table names no other", () => {
    const missing = ACTIONS.filter((name) => !Object.hasOwn(needs, name)).map(
      (name) =>
        `cli/local.ts needs has no row for ${name}: add '${name}': {} (or what it needs from git: commit, uncommitted)`,
    );
    const unknown = Object.keys(needs)
      .filter((name) => !ACTIONS.includes(name))
      .map(
        (name) => `cli/local.ts needs names ${name}, which has no actions/${name}/action.yml: remove its row`,
      );
    expect([...missing, ...unknown]).toEqual([]);
  });

  it('the command line resolves only revisions that an action declares as inputs', () => {
    const wrong = Object.entries(revisionInputs).flatMap(([name, inputs]) => {
      if (!ACTIONS.includes(name))
        return [`cli/local.ts revisionInputs names ${name}, which has no actions/${name}/action.yml`];
      const meta = parse(readFileSync(join(repoRoot, 'actions', name, 'action.yml'), 'utf8'));
      return inputs
        .filter((input) => !Object.hasOwn(meta.inputs ?? {}, input))
        .map((input) => `cli/local.ts revisionInputs: ${name} declares no input ${input}`);
    });
    expect(wrong).toEqual([]);
  });
});

describe.each(ACTIONS)('actions/%s/action.yml', (name) => {
  const dir = join(repoRoot, 'actions', name);
  const meta = parse(readFileSync(join(dir, 'action.yml'), 'utf8'));

  it('has the keys the runner and the Marketplace need', () => {
    expect(meta.name).toEqual(expect.any(String));
    expect(meta.description).toEqual(expect.any(String));
    expect(meta.description.length).toBeLessThanOrEqual(300);
    expect(meta.runs).toEqual({ using: 'node24', main: `../../dist/${name}/index.js` });
    expect(existsSync(join(dir, meta.runs.main))).toBe(true);
    expect(meta.branding).toEqual({ icon: expect.any(String), color: expect.any(String) });
  });

  it('describes every input and output with a kebab-case name', () => {
    for (const [input, spec] of Object.entries<Record<string, unknown>>(meta.inputs ?? {})) {
      expect([input, KEBAB.test(input)]).toEqual([input, true]);
      expect([input, typeof spec.description, (spec.description as string).length > 10]).toEqual([
        input,
        'string',
        true,
      ]);
      expect(
        Object.keys(spec).filter(
          (k) => !['description', 'required', 'default', 'deprecationMessage'].includes(k),
        ),
      ).toEqual([]);
      if (spec.default !== undefined) expect([input, typeof spec.default]).toEqual([input, 'string']);
    }
    for (const [output, spec] of Object.entries<Record<string, unknown>>(meta.outputs ?? {})) {
      expect([output, KEBAB.test(output)]).toEqual([output, true]);
      expect([output, typeof spec.description]).toEqual([output, 'string']);
    }
  });

  it('has a one-line entry that hands run() to the shared runner and exports it for the command line', () => {
    const entry = readFileSync(join(dir, 'src', 'index.ts'), 'utf8');
    expect(entry).toContain(`export default actionEntry('${name}', run);`);
  });

  it('parses exactly the inputs action.yml declares, and sets only declared outputs', async () => {
    const { inputs } = (await import(`../../actions/${name}/src/main.ts`)) as {
      inputs: Record<string, unknown>;
    };
    expect(Object.keys(inputs).sort()).toEqual(Object.keys(meta.inputs ?? {}).sort());
    const sources = readdirSync(join(dir, 'src'), { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.ts'))
      .map((f) => readFileSync(join(dir, 'src', f), 'utf8'))
      .join('\n');
    for (const [, used] of sources.matchAll(/setOutput\('([^']+)'/g))
      expect(Object.keys(meta.outputs)).toContain(used);
  });

  it('has catalog facts', () => {
    const facts = parse(readFileSync(join(dir, 'catalog.yml'), 'utf8'));
    expect(facts.status).toMatch(/^(ready|not ready)$/);
    expect(Object.keys(facts.permissions).length).toBeGreaterThan(0);
    expect(facts.network).toEqual(expect.any(String));
    expect(facts.secrets).toEqual(expect.any(String));
  });
});

// The full YAML parser is loaded only when a file needs more than the fast reader. This file never
// loads it up front, so it sees what a run sees: the first need throws YamlNotLoaded, withYaml loads
// the parser and runs the work again.
import { discoverWorkspace } from '../../actions/affected/src/discover.js';
import { manifestPaths } from '../../actions/affected/src/manifests.js';
import { UserError } from '../../shared/errors.js';
import { YamlNotLoaded, parseYaml, withYaml } from '../../shared/yaml.js';

const discover = (files: Record<string, string>) => () => {
  const paths = Object.keys(files);
  return discoverWorkspace(paths, new Map(manifestPaths(paths).map((p) => [p, files[p]])));
};

const member = (name: string) => JSON.stringify({ name, version: '1.0.0' });

describe('the full YAML parser, on demand', () => {
  it('is not loaded while the fast reader suffices', async () => {
    let runs = 0;
    const workspace = await withYaml(() => {
      runs++;
      return discover({
        'pnpm-workspace.yaml': "packages:\n  - 'packages/*'\n",
        'packages/a/package.json': member('a'),
      })();
    });
    expect(workspace.projects.map((p) => p.name)).toEqual(['a']);
    expect(runs).toBe(1);
    expect(() => parseYaml('a: 1')).toThrow(YamlNotLoaded);
  });

  it('is loaded when a workspace file needs it, and the work runs again with it', async () => {
    // An anchor and an alias: beyond the fast reader.
    const work = discover({
      'pnpm-workspace.yaml': 'packages:\n  - &apps apps/*\n  - *apps\n  - libs/*\n',
      'apps/web/package.json': member('web'),
      'libs/ui/package.json': member('ui'),
    });
    expect(work).toThrow(YamlNotLoaded);
    const workspace = await withYaml(work);
    expect(workspace.projects.map((p) => p.name)).toEqual(['ui', 'web']);
    expect(parseYaml('a: 1')).toEqual({ a: 1 });
  });

  it('reports a malformed workspace file as the user error, not as a loading problem', async () => {
    const work = discover({
      'pnpm-workspace.yaml': 'packages: [apps/*\n',
      'apps/a/package.json': member('a'),
    });
    await expect(withYaml(work)).rejects.toThrow(UserError);
    await expect(withYaml(work)).rejects.toThrow(/pnpm-workspace.yaml is not valid YAML/);
  });
});

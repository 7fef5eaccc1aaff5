import fc from 'fast-check';
import { stringify } from 'yaml';
import { diffLockfile, type LockfileProject } from '../../actions/affected/src/lockfiles/index.js';

/**
 * Random workspaces over random external packages (cycles allowed), rendered into several lockfile
 * formats, checked against an oracle that compares each project's closure on the model itself.
 */
interface Model {
  workspaces: Array<{ name: string; workspaceDeps: string[]; externalDeps: string[] }>;
  externals: Map<string, { version: string; deps: string[] }>;
}

const externalName = (i: number): string => `e${i}`;

const modelArbitrary: fc.Arbitrary<Model> = fc
  .record({ workspaceCount: fc.integer({ min: 1, max: 6 }), externalCount: fc.integer({ min: 1, max: 8 }) })
  .chain(({ workspaceCount, externalCount }) => {
    const externals = Array.from({ length: externalCount }, (_, i) => externalName(i));
    return fc.record({
      workspaces: fc.tuple(
        ...Array.from({ length: workspaceCount }, (_, i) =>
          fc.record({
            name: fc.constant(`w${i}`),
            // Workspace links only point at earlier workspaces: a DAG, as workspace tools require.
            workspaceDeps: fc.subarray(Array.from({ length: i }, (_, j) => `w${j}`)),
            externalDeps: fc.subarray(externals),
          }),
        ),
      ),
      externals: fc.tuple(
        ...externals.map((name) =>
          fc.record({
            version: fc.constantFrom('1.0.0', '1.1.0', '2.0.0'),
            deps: fc.subarray(externals.filter((other) => other !== name)),
          }),
        ),
      ),
    });
  })
  .map(({ workspaces, externals }) => ({
    workspaces,
    externals: new Map(externals.map((external, i) => [externalName(i), external])),
  }));

type Mutation =
  | { kind: 'bump'; target: number }
  | { kind: 'edge'; target: number; other: number }
  | { kind: 'workspace-edge'; target: number; other: number };

const mutationArbitrary: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('bump' as const), target: fc.nat() }),
  fc.record({ kind: fc.constant('edge' as const), target: fc.nat(), other: fc.nat() }),
  fc.record({ kind: fc.constant('workspace-edge' as const), target: fc.nat(), other: fc.nat() }),
);

function mutate(model: Model, mutation: Mutation): Model {
  const externals = new Map([...model.externals].map(([name, external]) => [name, { ...external }]));
  const workspaces = model.workspaces.map((workspace) => ({ ...workspace }));
  const names = [...externals.keys()];
  const toggle = (list: string[], item: string) =>
    list.includes(item) ? list.filter((x) => x !== item) : [...list, item];
  if (mutation.kind === 'bump') {
    const external = externals.get(names[mutation.target % names.length]!)!;
    external.version = external.version === '2.0.0' ? '2.0.1' : '2.0.0';
  } else if (mutation.kind === 'edge') {
    const name = names[mutation.target % names.length]!;
    const other = names[mutation.other % names.length]!;
    if (other !== name) externals.get(name)!.deps = toggle(externals.get(name)!.deps, other);
  } else {
    const workspace = workspaces[mutation.target % workspaces.length]!;
    workspace.externalDeps = toggle(workspace.externalDeps, names[mutation.other % names.length]!);
  }
  return { workspaces, externals };
}

function withUnrelated(model: Model): Model {
  return {
    ...model,
    externals: new Map([...model.externals, ['zz-unrelated', { version: '9.9.9', deps: [] }]]),
  };
}

/** The oracle: a project's closure as a set of `package@version -> deps`, straight from the model. */
function closure(model: Model, project: string): string {
  const seen = new Set<string>();
  const lines: string[] = [];
  const stack = [project];
  while (stack.length > 0) {
    const name = stack.pop()!;
    if (seen.has(name)) continue;
    seen.add(name);
    const workspace = model.workspaces.find((w) => w.name === name);
    const deps = workspace
      ? [...workspace.workspaceDeps, ...workspace.externalDeps]
      : model.externals.get(name)!.deps;
    const version = workspace ? 'workspace' : model.externals.get(name)!.version;
    lines.push(`${name}@${version} -> ${[...deps].sort().join(',')}`);
    stack.push(...deps);
  }
  return lines.sort().join('\n');
}

function expectedAffected(before: Model, after: Model): string[] {
  return before.workspaces
    .map((workspace) => workspace.name)
    .filter((name) => closure(before, name) !== closure(after, name))
    .sort();
}

const integrity = (name: string, version: string) =>
  `sha512-${Buffer.from(`${name}@${version}`).toString('base64')}`;
const projects = (model: Model): LockfileProject[] =>
  model.workspaces.map((workspace) => ({ name: workspace.name, dir: `packages/${workspace.name}` }));

const renderers: Array<{ path: string; render: (model: Model) => string }> = [
  {
    path: 'package-lock.json',
    render: (model) => {
      const packages: Record<string, unknown> = { '': { name: 'root', workspaces: ['packages/*'] } };
      for (const w of model.workspaces) {
        const deps = Object.fromEntries([...w.workspaceDeps, ...w.externalDeps].map((dep) => [dep, '*']));
        packages[`packages/${w.name}`] = { name: w.name, version: '1.0.0', dependencies: deps };
        packages[`node_modules/${w.name}`] = { resolved: `packages/${w.name}`, link: true };
      }
      for (const [name, { version, deps }] of model.externals) {
        packages[`node_modules/${name}`] = {
          version,
          resolved: `https://registry.npmjs.org/${name}/-/${name}-${version}.tgz`,
          integrity: integrity(name, version),
          dependencies: Object.fromEntries(deps.map((dep) => [dep, `^${model.externals.get(dep)!.version}`])),
        };
      }
      return JSON.stringify({ name: 'root', lockfileVersion: 3, requires: true, packages }, null, 2);
    },
  },
  {
    path: 'pnpm-lock.yaml',
    render: (model) => {
      const importers: Record<string, unknown> = {};
      for (const w of model.workspaces) {
        const dependencies: Record<string, unknown> = {};
        for (const dep of w.workspaceDeps)
          dependencies[dep] = { specifier: 'workspace:*', version: `link:../${dep}` };
        for (const dep of w.externalDeps) {
          dependencies[dep] = { specifier: '*', version: model.externals.get(dep)!.version };
        }
        importers[`packages/${w.name}`] = { dependencies };
      }
      const packages: Record<string, unknown> = {};
      const snapshots: Record<string, unknown> = {};
      for (const [name, { version, deps }] of model.externals) {
        packages[`${name}@${version}`] = { resolution: { integrity: integrity(name, version) } };
        snapshots[`${name}@${version}`] = {
          dependencies: Object.fromEntries(deps.map((dep) => [dep, model.externals.get(dep)!.version])),
        };
      }
      return stringify({ lockfileVersion: '9.0', importers, packages, snapshots });
    },
  },
  {
    path: 'yarn.lock',
    render: (model) => {
      const lock: Record<string, unknown> = { __metadata: { version: 8, cacheKey: '10c0' } };
      const range = (dep: string) => `npm:^${model.externals.get(dep)!.version}`;
      for (const w of model.workspaces) {
        const dependencies = Object.fromEntries([
          ...w.workspaceDeps.map((dep) => [dep, 'workspace:*']),
          ...w.externalDeps.map((dep) => [dep, range(dep)]),
        ]);
        lock[`${w.name}@workspace:packages/${w.name}`] = {
          version: '0.0.0-use.local',
          resolution: `${w.name}@workspace:packages/${w.name}`,
          dependencies,
          languageName: 'unknown',
          linkType: 'soft',
        };
      }
      for (const [name, { version, deps }] of model.externals) {
        lock[`${name}@npm:^${version}`] = {
          version,
          resolution: `${name}@npm:${version}`,
          dependencies: Object.fromEntries(deps.map((dep) => [dep, range(dep)])),
          checksum: `10c0/${integrity(name, version)}`,
          languageName: 'node',
          linkType: 'hard',
        };
      }
      return stringify(lock);
    },
  },
  {
    path: 'bun.lock',
    render: (model) => {
      const workspaces: Record<string, unknown> = { '': { name: 'root' } };
      const packages: Record<string, unknown> = {};
      for (const w of model.workspaces) {
        const dependencies = Object.fromEntries([
          ...w.workspaceDeps.map((dep) => [dep, 'workspace:*']),
          ...w.externalDeps.map((dep) => [dep, '*']),
        ]);
        workspaces[`packages/${w.name}`] = { name: w.name, version: '1.0.0', dependencies };
        packages[w.name] = [`${w.name}@workspace:packages/${w.name}`];
      }
      for (const [name, { version, deps }] of model.externals) {
        const dependencies = Object.fromEntries(deps.map((dep) => [dep, '*']));
        packages[name] = [`${name}@${version}`, '', { dependencies }, integrity(name, version)];
      }
      // bun writes trailing commas; so does this rendering.
      return JSON.stringify({ lockfileVersion: 1, workspaces, packages }, null, 2).replace(
        /(["\]}])\n/g,
        '$1,\n',
      );
    },
  },
  {
    path: 'Cargo.lock',
    render: (model) => {
      const blocks = ['version = 4'];
      const list = (deps: string[]) => `dependencies = [\n${deps.map((dep) => ` "${dep}",\n`).join('')}]`;
      for (const w of model.workspaces) {
        blocks.push(
          `[[package]]\nname = "${w.name}"\nversion = "0.1.0"\n${list([...w.workspaceDeps, ...w.externalDeps])}`,
        );
      }
      for (const [name, { version, deps }] of model.externals) {
        blocks.push(
          `[[package]]\nname = "${name}"\nversion = "${version}"\nsource = "registry+https://github.com/rust-lang/crates.io-index"\nchecksum = "${integrity(name, version)}"\n${list(deps)}`,
        );
      }
      return `${blocks.join('\n\n')}\n`;
    },
  },
];

const affectedNames = (path: string, before: string, after: string, model: Model): string[] => {
  const result = diffLockfile(path, before, after, projects(model));
  if (result.kind !== 'diffed') throw new Error(result.reason);
  return [...result.affected.keys()].sort();
};

describe.each(renderers)('$path against the model oracle', ({ path, render }) => {
  it('affects exactly the projects whose closure changed', () => {
    fc.assert(
      fc.property(modelArbitrary, mutationArbitrary, (model, mutation) => {
        const after = mutate(model, mutation);
        expect(affectedNames(path, render(model), render(after), model)).toEqual(
          expectedAffected(model, after),
        );
      }),
      { numRuns: 100 },
    );
  });

  it('diffing a lockfile with itself (reformatted) affects nothing', () => {
    fc.assert(
      fc.property(modelArbitrary, (model) => {
        const text = render(model);
        expect(affectedNames(path, text, `${text}\n`, model)).toEqual([]);
      }),
      { numRuns: 30 },
    );
  });

  it('adding an unrelated package changes nothing about the answer', () => {
    fc.assert(
      fc.property(modelArbitrary, mutationArbitrary, (model, mutation) => {
        const after = mutate(model, mutation);
        const plain = affectedNames(path, render(model), render(after), model);
        expect(affectedNames(path, render(model), render(withUnrelated(after)), model)).toEqual(plain);
        expect(affectedNames(path, render(withUnrelated(model)), render(after), model)).toEqual(plain);
      }),
      { numRuns: 30 },
    );
  });
});

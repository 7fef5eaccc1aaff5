// The action's inputs: their schema, and what the run takes from them (matchers, explicit projects).
import { globList } from '../../../shared/glob.js';
import { type Inputs, input } from '../../../shared/inputs.js';
import { confineRelative } from '../../../shared/paths.js';
import type { Zod } from '../../../shared/zod.js';
import type { ExplicitProject } from './discover.js';
import { ECOSYSTEMS, type Workspace } from './model.js';

// Schemas are built with zod once loaded, when their input has a value (shared/zod.ts).
const globs = (z: Zod) =>
  z.pipe(
    z.union([z.string(), z.array(z.string())]),
    z.transform((v: string | string[]) => (typeof v === 'string' ? [v] : v)),
  );
const projectsSchema = (z: Zod) =>
  z.record(
    z.string(),
    z.union([
      z.pipe(
        globs(z),
        z.transform((paths: string[]) => ({
          paths,
          'depends-on': [] as string[],
          path: undefined as string | undefined,
        })),
      ),
      z.strictObject({
        paths: globs(z),
        'depends-on': z._default(z.array(z.string()), []),
        path: z.optional(z.string()),
      }),
    ]),
  );

export const inputs = {
  base: input.optional(),
  head: input.optional(),
  'include-dependents': input.boolean(),
  'include-dependencies': input.boolean(),
  'global-files': input.list(),
  ignore: input.list(),
  projects: input.yaml(projectsSchema, {}, 'a mapping of project name to {paths, depends-on, path}'),
  inputs: input.yaml(
    (z) => z.record(z.string(), globs(z)),
    {},
    'a mapping of project or ecosystem name to globs',
  ),
  'working-directory': input.text(),
};

export type ParsedInputs = Inputs<typeof inputs>;

/** What the analysis needs from the inputs, every glob compiled (a bad one fails here, naming its input). */
export interface Settings {
  isGlobal: (path: string) => boolean;
  isIgnored: (path: string) => boolean;
  explicit: ExplicitProject[];
  /** The `inputs` input: globs per project or ecosystem name. */
  inputs: Map<string, string[]>;
  includeDependents: boolean;
  includeDependencies: boolean;
}

/** `none` turns a list input with a default off (an empty input gets the default). */
const orNone = (list: string[]) => (list.length === 1 && list[0] === 'none' ? [] : list);

export function settingsOf(options: ParsedInputs): Settings {
  const isGlobal = globList(orNone(options['global-files']), 'global-files');
  const isIgnored = globList(orNone(options.ignore), 'ignore');
  for (const patterns of Object.values(options.inputs)) globList(patterns, 'inputs'); // fail early on a bad glob
  return {
    isGlobal,
    isIgnored,
    explicit: Object.entries(options.projects).map(([name, p]) => ({
      name,
      paths: p.paths,
      dependsOn: p['depends-on'],
      path: p.path === undefined ? undefined : confineRelative(p.path, 'projects'),
    })),
    inputs: new Map(Object.entries(options.inputs)),
    includeDependents: options['include-dependents'],
    includeDependencies: options['include-dependencies'],
  };
}

/** Warnings for `inputs` keys that name neither a project at head nor an ecosystem. */
export function unknownInputKeys(settings: Settings, head: Workspace): string[] {
  return [...settings.inputs.keys()]
    .filter((key) => !head.byName.has(key) && !(ECOSYSTEMS as readonly string[]).includes(key))
    .map(
      (key) =>
        `Input "inputs" names ${JSON.stringify(key)}, which is neither a project nor an ecosystem (${ECOSYSTEMS.join(', ')}); it is ignored.`,
    );
}

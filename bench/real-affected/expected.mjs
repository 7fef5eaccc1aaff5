// The expected affected set of one commit range, computed from git alone and independently of the
// action's code (nothing here comes from actions/ or shared/). It follows issue 15's rule:
//   projects   JS: the root's workspace globs (package.json `workspaces`, pnpm-workspace.yaml, `!` negations);
//              Cargo: `[workspace] members` minus `exclude`, a root `[package]`, path deps inside the root;
//              Go: every go.mod (not under testdata/, vendor/, `_`/`.` folders); uv: the root `[project]`
//              and `[tool.uv.workspace]` members. A JS tooling root is not one.
//   owners     a file belongs to the project with the deepest folder holding it; a crate also owns the
//              files its manifest points at (lib/bin/test/bench/example paths, build script).
//   inputs     documentation and repository/CI configuration are read by no build (the list below); a Go
//              module reads its code, go.mod/go.sum, testdata/ and (approximated) embedded files.
//   changes    renames count for the old owner (base layout) and the new one (head layout); a project new
//              at head is affected; unowned files affect nothing except toolchain pins (all projects) and
//              a tsconfig that a project's tsconfig*.json extends (through the chain); a root lockfile marks
//              the projects whose resolved external closure changed; a Cargo `[workspace.*]` entry or a
//              pnpm catalog entry marks the projects whose manifest, once inherited values are filled in, changed.
//   closure    every project that depends on an affected one (dependencies, dev, peer, optional, build;
//              Cargo path/workspace deps; Go requires with a local replace or a go.work using both),
//              transitively, which also makes a cycle one unit.
// Where the rule cannot decide (a lockfile format not read here, a root [profile] edit), `unsure` says why.
// CLI: node expected.mjs <git-dir> <base> <head>
import { execFileSync, spawnSync } from 'node:child_process';
import { posix } from 'node:path';
import { parse as parseToml } from 'smol-toml';
import { parseAllDocuments } from 'yaml';

const NOT_READ_BY_BUILDS = [
  /(^|\/)[^/]*\.md$/i,
  /(^|\/)LICEN[CS]E[^/]*$/i,
  /(^|\/)\.(github|vscode|idea|devcontainer|circleci)\//,
  /(^|\/)(\.gitignore|\.gitattributes|\.editorconfig|\.mailmap|CODEOWNERS|renovate\.json|\.gitlab-ci\.yml|\.pre-commit-config\.yaml)$/,
];
const TOOLCHAIN_PINS = /^(\.nvmrc|\.node-version|\.tool-versions|rust-toolchain|rust-toolchain\.toml)$/;
const ROOT_LOCKFILES = new Set(['pnpm-lock.yaml', 'yarn.lock', 'package-lock.json', 'Cargo.lock']);
const GO_CODE = /\.(go|s|c|h|cc|cpp|hh|hpp|syso)$|(^|\/)(go\.mod|go\.sum)$|(^|\/)testdata\//;

const git = (dir, args) =>
  execFileSync('git', ['-C', dir, ...args], { encoding: 'utf8', maxBuffer: 1 << 30 });

/** The files of one revision, read on demand through one `cat-file --batch` per request. */
class Tree {
  constructor(dir, rev) {
    this.dir = dir;
    this.rev = rev;
    this.files = git(dir, ['ls-tree', '-r', '-z', '--name-only', rev]).split('\0').filter(Boolean);
    this.has = new Set(this.files);
    this.cache = new Map();
  }
  readMany(paths) {
    const wanted = paths.filter((p) => this.has.has(p) && !this.cache.has(p));
    if (wanted.length) {
      const out = spawnSync('git', ['-C', this.dir, 'cat-file', '--batch'], {
        input: wanted.map((p) => `${this.rev}:${p}\n`).join(''),
        maxBuffer: 1 << 30,
      }).stdout;
      let at = 0;
      for (const p of wanted) {
        const eol = out.indexOf(10, at);
        const size = Number(out.subarray(at, eol).toString().split(' ')[2]);
        this.cache.set(p, out.subarray(eol + 1, eol + 1 + size).toString('utf8'));
        at = eol + 1 + size + 1;
      }
    }
    return paths.map((p) => this.cache.get(p));
  }
  read(path) {
    return this.readMany([path])[0];
  }
}

/** A glob (`*`, `**`, `?`, `{a,b}`) as a regular expression over a whole path. */
export function globRegex(glob) {
  const g = glob.replace(/^\.\//, '').replace(/\/+$/, '');
  let re = '';
  for (let i = 0; i < g.length; i++) {
    const c = g[i];
    if (c === '/' && g.slice(i) === '/**') {
      re += '(?:/.*)?'; // `dir/**` selects `dir` itself too, as pnpm and npm do
      break;
    } else if (c === '*' && g[i + 1] === '*') {
      const slash = g[i + 2] === '/';
      re += slash ? '(?:.*/)?' : '.*';
      i += slash ? 2 : 1;
    } else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else if (c === '{') re += '(?:';
    else if (c === '}') re += ')';
    else if (c === ',' && re.includes('(?:')) re += '|';
    else re += c.replace(/[.+^$()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

/** Folders holding `manifest` that the globs select (a `!` glob removes what earlier ones added). */
function selectDirs(tree, globs, manifest) {
  const rules = globs.map((g) => ({ neg: g.startsWith('!'), re: globRegex(g.replace(/^!/, '')) }));
  const dirs = [];
  for (const f of tree.files) {
    if (posix.basename(f) !== manifest || f.split('/').includes('node_modules')) continue;
    const dir = posix.dirname(f);
    let inside = false;
    for (const r of rules) if (r.re.test(dir)) inside = !r.neg;
    if (inside && dir !== '.') dirs.push(dir);
  }
  return dirs;
}

const inside = (dir, path) => dir === '.' || path.startsWith(`${dir}/`);
const norm = (p) => posix.normalize(p).replace(/\/$/, '');

function jsProjects(tree, unsure) {
  const rootPkg = tree.has.has('package.json') ? JSON.parse(tree.read('package.json')) : {};
  let globs = Array.isArray(rootPkg.workspaces) ? rootPkg.workspaces : rootPkg.workspaces?.packages;
  let catalogs = {};
  if (tree.has.has('pnpm-workspace.yaml')) {
    const ws = parseAllDocuments(tree.read('pnpm-workspace.yaml'))[0].toJS() ?? {};
    globs = ws.packages ?? [];
    catalogs = { '': ws.catalog ?? {}, ...(ws.catalogs ?? {}) };
  }
  if (!globs) return { projects: [], catalogs };
  const dirs = selectDirs(tree, globs, 'package.json');
  const texts = tree.readMany(dirs.map((d) => `${d}/package.json`));
  const projects = [];
  dirs.forEach((dir, i) => {
    let pkg;
    try {
      pkg = JSON.parse(texts[i].replace(/^\uFEFF/, ''));
    } catch {
      unsure.push(`${tree.rev.slice(0, 8)}:${dir}/package.json is not JSON`);
      return;
    }
    // pnpm lists a member without a name too (nothing can depend on it): it goes by its folder.
    if (typeof pkg.name !== 'string') pkg.name = dir;
    const deps = {};
    for (const field of ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies'])
      Object.assign(deps, pkg[field] ?? {});
    projects.push({ name: pkg.name, dir, eco: 'js', deps, extraFiles: [] });
  });
  const names = new Set(projects.map((p) => p.name));
  for (const p of projects) {
    p.edges = Object.keys(p.deps).filter((d) => names.has(d) && d !== p.name);
    // The manifest as the install sees it: catalog references filled in from the workspace file.
    p.effective = JSON.stringify(
      Object.entries(p.deps)
        .filter(([, spec]) => typeof spec === 'string' && spec.startsWith('catalog:'))
        .map(([d, spec]) => [d, catalogs[spec.slice(8) || '']?.[d] ?? catalogs.default?.[d] ?? null]),
    );
  }
  return { projects, catalogs };
}

const sortKeys = (v) =>
  Array.isArray(v)
    ? v.map(sortKeys)
    : v && typeof v === 'object'
      ? Object.fromEntries(
          Object.keys(v)
            .sort()
            .map((k) => [k, sortKeys(v[k])]),
        )
      : v;

function cargoProjects(tree, unsure) {
  if (!tree.has.has('Cargo.toml')) return [];
  tree.readMany(tree.files.filter((f) => posix.basename(f) === 'Cargo.toml')); // one read for all
  const root = parseToml(tree.read('Cargo.toml'));
  const ws = root.workspace ?? {};
  const memberDirs = new Set();
  if (root.package) memberDirs.add('.');
  const excluded = (ws.exclude ?? []).map((g) => globRegex(g));
  for (const d of selectDirs(tree, ws.members ?? [], 'Cargo.toml'))
    if (!excluded.some((re) => re.test(d))) memberDirs.add(d);
  const crates = new Map();
  const queue = [...memberDirs];
  while (queue.length) {
    const dir = queue.shift();
    if (crates.has(dir)) continue;
    const text = dir === '.' ? tree.read('Cargo.toml') : tree.read(`${dir}/Cargo.toml`);
    if (text === undefined) continue;
    let m;
    try {
      m = parseToml(text);
    } catch (e) {
      unsure.push(`${dir}/Cargo.toml: ${e.message.split('\n')[0]}`);
      continue;
    }
    if (!m.package || (dir !== '.' && m.workspace)) continue; // its own workspace is not a member
    const tables = [m, ...Object.values(m.target ?? {})];
    const deps = [];
    for (const t of tables)
      for (const kind of ['dependencies', 'dev-dependencies', 'build-dependencies'])
        for (const [key, spec] of Object.entries(t[kind] ?? {})) {
          const entry = spec?.workspace
            ? { ...(ws.dependencies?.[key] ?? {}), ...spec, inherited: true }
            : spec;
          if (entry && typeof entry === 'object' && entry.path) {
            const target = norm(entry.inherited ? entry.path : posix.join(dir, entry.path));
            deps.push(target);
            // A path dependency inside the workspace root is an implicit member.
            if (!target.startsWith('..') && !crates.has(target)) queue.push(target);
          }
        }
    const inherit = (section, from) =>
      Object.fromEntries(
        Object.entries(section ?? {}).map(([k, v]) => [k, v?.workspace === true ? (from?.[k] ?? null) : v]),
      );
    const effective = { ...m, package: inherit(m.package, ws.package) };
    for (const t of [effective, ...Object.values(effective.target ?? {})])
      for (const kind of ['dependencies', 'dev-dependencies', 'build-dependencies'])
        if (t[kind])
          t[kind] = Object.fromEntries(
            Object.entries(t[kind]).map(([k, v]) => [
              k,
              v?.workspace ? { ...(ws.dependencies?.[k] ?? {}), ...v } : v,
            ]),
          );
    if (m.lints?.workspace) effective.lints = ws.lints ?? null;
    delete effective.workspace;
    const targets = [m.lib, ...(m.bin ?? []), ...(m.test ?? []), ...(m.bench ?? []), ...(m.example ?? [])]
      .map((t) => t?.path)
      .concat(typeof m.package.build === 'string' ? [m.package.build] : [])
      .filter(Boolean)
      .map((p) => norm(posix.join(dir, p)));
    crates.set(dir, {
      name: m.package.name,
      dir,
      eco: 'cargo',
      depDirs: deps,
      extraFiles: targets,
      effective: JSON.stringify(sortKeys(effective)),
    });
  }
  const byDir = new Map([...crates.values()].map((c) => [c.dir, c.name]));
  for (const c of crates.values()) c.edges = c.depDirs.map((d) => byDir.get(d)).filter(Boolean);
  const profile = JSON.stringify(sortKeys({ profile: root.profile ?? null }));
  return { crates: [...crates.values()], profile };
}

/** go.mod as { module, requires: [path], replaces: Map(path -> local dir or null) }. */
function parseGoMod(text) {
  const mod = { module: '', requires: [], replaces: new Map() };
  let block = '';
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\/\/.*$/, '').trim();
    if (!line) continue;
    if (line === ')') {
      block = '';
      continue;
    }
    const open = /^(require|replace|exclude|retract|tool|ignore|godebug)\s*\($/.exec(line);
    if (open) {
      block = open[1];
      continue;
    }
    let [verb, ...rest] = line.split(/\s+/);
    if (block) [verb, rest] = [block, line.split(/\s+/)];
    if (verb === 'module') mod.module = rest[0].replace(/"/g, '');
    if (verb === 'require') mod.requires.push(rest[0].replace(/"/g, ''));
    if (verb === 'replace') {
      const arrow = rest.indexOf('=>');
      const to = rest[arrow + 1];
      mod.replaces.set(rest[0], to.startsWith('./') || to.startsWith('../') ? to : null);
    }
  }
  return mod;
}

function goProjects(tree) {
  const files = tree.files.filter(
    (f) => posix.basename(f) === 'go.mod' && !/(^|\/)(testdata|vendor|[_.][^/]*)\//.test(f),
  );
  const texts = tree.readMany(files);
  const mods = files.map((f, i) => ({ file: f, dir: posix.dirname(f), ...parseGoMod(texts[i]) }));
  const work = tree.has.has('go.work')
    ? new Set([...tree.read('go.work').matchAll(/^\s*(?:use\s+)?(\.\S*)\s*$/gm)].map((m) => norm(m[1])))
    : null;
  const byPath = new Map(mods.map((m) => [m.module, m]));
  return mods.map((m) => ({
    name: m.module,
    dir: m.dir,
    eco: 'go',
    extraFiles: [],
    edges: m.requires.filter((r) => {
      const target = byPath.get(r);
      if (!target || target === m) return false;
      const local = m.replaces.get(r);
      if (local && norm(posix.join(m.dir, local)) === target.dir) return true;
      return Boolean(work?.has(m.dir) && work.has(target.dir));
    }),
  }));
}

const pep503 = (name) => name.toLowerCase().replace(/[-_.]+/g, '-');

/** uv: the root `[project]` and the `[tool.uv.workspace]` members (minus `exclude`) with a `[project]`. */
function pythonProjects(tree) {
  if (!tree.has.has('pyproject.toml')) return [];
  const root = parseToml(tree.read('pyproject.toml'));
  const ws = root.tool?.uv?.workspace ?? {};
  const excluded = (ws.exclude ?? []).map((g) => globRegex(g));
  const dirs = ['.', ...selectDirs(tree, ws.members ?? [], 'pyproject.toml')].filter(
    (d) => !excluded.some((re) => re.test(d)),
  );
  const tomls = tree.readMany(dirs.map((d) => (d === '.' ? 'pyproject.toml' : `${d}/pyproject.toml`)));
  const found = dirs
    .map((dir, i) => ({ dir, m: parseToml(tomls[i]) }))
    .filter(({ m }) => typeof m.project?.name === 'string');
  const names = new Set(found.map(({ m }) => pep503(m.project.name)));
  return found.map(({ dir, m }) => {
    const sources = { ...ws.sources, ...root.tool?.uv?.sources, ...m.tool?.uv?.sources };
    const reqs = [
      ...(m.project.dependencies ?? []),
      ...Object.values(m.project['optional-dependencies'] ?? {}).flat(),
      ...Object.values(m['dependency-groups'] ?? {}).flat(),
    ].filter((r) => typeof r === 'string');
    const local = reqs
      .map((r) => pep503(/^[A-Za-z0-9._-]+/.exec(r)?.[0] ?? ''))
      .filter(
        (n) =>
          names.has(n) &&
          Object.entries(sources).some(([k, v]) => pep503(k) === n && (v?.workspace || v?.path)),
      );
    return {
      name: m.project.name,
      dir,
      eco: 'python',
      extraFiles: [],
      edges: local.map((n) => found.find(({ m: x }) => pep503(x.project.name) === n).m.project.name),
    };
  });
}

function layout(tree, unsure) {
  const js = jsProjects(tree, unsure);
  const cargo = cargoProjects(tree, unsure);
  const projects = [...js.projects, ...(cargo.crates ?? []), ...goProjects(tree), ...pythonProjects(tree)];
  // Projects are told apart by folder: fixtures often reuse a name. An edge by name goes to the first.
  const byName = new Map();
  for (const p of projects) if (!byName.has(p.name)) byName.set(p.name, p);
  const byDir = new Map(projects.map((p) => [p.dir, p]));
  return { projects, byName, byDir, cargoProfile: cargo.profile, catalogs: js.catalogs };
}

/** The project owning `path` in a layout: an explicit target path first, else the deepest folder. */
function ownerOf(lay, path) {
  let best;
  for (const p of lay.projects) {
    if (p.extraFiles.includes(path)) return p;
    if (inside(p.dir, path) && (!best || p.dir.length > best.dir.length || best.dir === '.')) best = p;
  }
  return best;
}

function readsFile(tree, project, path) {
  if (NOT_READ_BY_BUILDS.some((re) => re.test(path))) return false;
  if (project.eco !== 'go' || GO_CODE.test(path)) return true;
  // A Go build reads other files only through //go:embed in a package at or above their folder.
  const dirs = [];
  for (let d = posix.dirname(path); inside(project.dir, `${d}/x`); d = posix.dirname(d)) {
    dirs.push(d);
    if (d === project.dir || d === '.') break;
  }
  const goFiles = tree.files.filter((f) => f.endsWith('.go') && dirs.includes(posix.dirname(f)));
  return tree.readMany(goFiles).some((t) => t?.includes('//go:embed'));
}

// ---- lockfiles: each project's resolved external closure, as a set of strings ----

function pnpmClosures(text, importerDirs) {
  const lock = Object.assign({}, ...parseAllDocuments(text).map((d) => d.toJS() ?? {}));
  const v = String(lock.lockfileVersion ?? '');
  const importers = lock.importers ?? { '.': lock };
  const nodes = { ...(lock.packages ?? {}), ...(lock.snapshots ?? {}) };
  const keyOf = (name, ver) => {
    const candidates = v.startsWith('5')
      ? [`/${name}/${ver}`, ver]
      : v.startsWith('6')
        ? [`/${name}@${ver}`, ver, `/${ver}`]
        : [`${name}@${ver}`, ver];
    return candidates.find((k) => nodes[k]) ?? `${name}@${ver}`;
  };
  const strip = (key) => (key.startsWith('link:') ? key : key.replace(/\(.*$/, ''));
  const closure = (deps) => {
    const seen = new Set();
    const edges = new Set();
    const stack = Object.entries(deps).map(([name, spec]) => [name, spec, true]);
    while (stack.length) {
      const [name, spec, declared] = stack.pop();
      const ver = typeof spec === 'object' ? spec.version : spec;
      if (typeof ver !== 'string') continue;
      // A workspace package reached through an external one (a peer resolved to it) is a dependency too.
      if (ver.startsWith('link:') && !declared) seen.add(`link:${norm(ver.slice(5))}`);
      if (ver.startsWith('link:')) continue;
      const key = keyOf(name, ver);
      if (seen.has(key)) continue;
      seen.add(key);
      const n = { ...(lock.packages?.[key] ?? {}), ...(lock.snapshots?.[key] ?? {}), ...(nodes[key] ?? {}) };
      const deps = Object.entries({ ...(n.dependencies ?? {}), ...(n.optionalDependencies ?? {}) });
      // Packages and edges by name@version: a snapshot renamed only for its peer context (same
      // dependencies) is the same install; a peer resolved to another version changes an edge.
      for (const [d, v] of deps) edges.add(`${strip(key)} -> ${d}@${strip(String(v))}`);
      stack.push(...deps);
    }
    return [...[...seen].map(strip), ...edges].sort().join('\n');
  };
  return new Map(
    importerDirs.map((dir) => {
      const imp = importers[dir] ?? {};
      return [dir, closure({ ...imp.dependencies, ...imp.devDependencies, ...imp.optionalDependencies })];
    }),
  );
}

function yarnBerryClosures(text, projects) {
  const lock = parseAllDocuments(text)[0].toJS();
  if (!lock?.__metadata) throw new Error('yarn.lock is not a yarn berry lockfile');
  const byDescriptor = new Map();
  for (const [keys, entry] of Object.entries(lock))
    for (const k of keys.split(/,\s*/)) byDescriptor.set(k.trim(), entry);
  const find = (name, range) =>
    byDescriptor.get(`${name}@${range}`) ?? byDescriptor.get(`${name}@npm:${range}`);
  return new Map(
    projects.map((p) => {
      const start = find(p.name, `workspace:${p.dir}`);
      const seen = new Set();
      const stack = Object.entries(start?.dependencies ?? {});
      while (stack.length) {
        const [name, range] = stack.pop();
        const e = find(name, range);
        if (!e || e.resolution?.includes('@workspace:') || seen.has(e.resolution)) continue;
        seen.add(e.resolution);
        stack.push(...Object.entries(e.dependencies ?? {}));
      }
      return [p.dir, [...seen].sort().join('\n')];
    }),
  );
}

function npmClosures(text, projects) {
  const lock = JSON.parse(text);
  if (!lock.packages) throw new Error(`package-lock.json v${lock.lockfileVersion} has no "packages"`);
  const pk = lock.packages;
  const resolve = (from, name) => {
    for (let at = from; ;) {
      const key = `${at ? `${at}/` : ''}node_modules/${name}`;
      if (pk[key]) return key;
      if (!at) return undefined;
      at = at.includes('/node_modules/')
        ? at.slice(0, at.lastIndexOf('/node_modules/'))
        : at.startsWith('node_modules/') || !at.includes('/')
          ? ''
          : at.slice(0, at.lastIndexOf('/'));
    }
  };
  return new Map(
    projects.map((p) => {
      const seen = new Set();
      const w = pk[p.dir] ?? {};
      const stack = Object.keys({
        ...w.dependencies,
        ...w.devDependencies,
        ...w.optionalDependencies,
        ...w.peerDependencies,
      }).map((n) => [p.dir, n]);
      while (stack.length) {
        const [from, name] = stack.pop();
        const key = resolve(from, name);
        const e = key && pk[key];
        if (!e || e.link || seen.has(key)) continue;
        seen.add(key);
        const deps = { ...e.dependencies, ...e.optionalDependencies, ...e.peerDependencies };
        stack.push(...Object.keys(deps).map((n) => [key, n]));
      }
      return [
        p.dir,
        [...seen]
          .sort()
          .map((k) => `${k}@${pk[k].version}:${pk[k].integrity ?? pk[k].resolved ?? ''}`)
          .join('\n'),
      ];
    }),
  );
}

function cargoClosures(text, crates) {
  const lock = parseToml(text);
  const pkgs = lock.package ?? [];
  const members = new Set(crates.map((c) => c.name));
  const id = (p) => `${p.name} ${p.version} ${p.source ?? ''}`;
  const byName = new Map();
  for (const p of pkgs) byName.set(p.name, [...(byName.get(p.name) ?? []), p]);
  const find = (dep) => {
    const [name, version, source] = dep.split(' ');
    return (byName.get(name) ?? []).find(
      (p) =>
        p.name === name && (!version || p.version === version) && (!source || `(${p.source})` === source),
    );
  };
  return new Map(
    crates.map((c) => {
      const seen = new Set();
      const start = pkgs.find((p) => p.name === c.name && !p.source);
      const stack = [...(start?.dependencies ?? [])];
      while (stack.length) {
        const p = find(stack.pop());
        if (!p || (!p.source && members.has(p.name)) || seen.has(id(p))) continue;
        seen.add(id(p));
        stack.push(...(p.dependencies ?? []));
      }
      return [c.dir, [...seen].sort().join('\n')];
    }),
  );
}

function closuresFor(file, text, lay) {
  const js = lay.projects.filter((p) => p.eco === 'js');
  if (file === 'pnpm-lock.yaml')
    return pnpmClosures(
      text,
      js.map((p) => p.dir),
    );
  if (file === 'yarn.lock') return yarnBerryClosures(text, js);
  if (file === 'package-lock.json') return npmClosures(text, js);
  return cargoClosures(
    text,
    lay.projects.filter((p) => p.eco === 'cargo'),
  );
}

/** Files a project's tsconfig*.json files extend, followed through the chain. */
function tsconfigExtends(tree, project) {
  const found = new Set();
  tree.readMany(tree.files.filter((f) => /(^|\/)tsconfig[^/]*\.json$/.test(f))); // one read for all
  const queue = tree.files.filter((f) => inside(project.dir, f) && /(^|\/)tsconfig[^/]*\.json$/.test(f));
  while (queue.length) {
    const file = queue.shift();
    const text = tree.read(file);
    const ext = text && [...text.matchAll(/"extends"\s*:\s*(\[[^\]]*\]|"[^"]*")/g)][0]?.[1];
    if (!ext) continue;
    for (const target of ext.match(/"[^"]*"/g) ?? []) {
      const rel = target.slice(1, -1);
      if (!rel.startsWith('.')) continue; // a package's config: resolved by the lockfile diff
      let path = norm(posix.join(posix.dirname(file), rel));
      if (!path.endsWith('.json')) path += '.json';
      if (!found.has(path)) (found.add(path), queue.push(path));
    }
  }
  return found;
}

/** The expected affected projects of `base..head`: { projects, seeds, notes, unsure }. */
export function expectedAffected(dir, base, head) {
  const unsure = [];
  const notes = [];
  const before = new Tree(dir, base);
  const after = new Tree(dir, head);
  const was = layout(before, unsure);
  const now = layout(after, unsure);
  const seeds = new Map(); // head project -> first reason
  const mark = (p, why) => p && !seeds.has(p) && seeds.set(p, why);
  // A base-layout project as it is at head: same folder, else same name (a moved project).
  const atHead = (p) => p && (now.byDir.get(p.dir) ?? now.byName.get(p.name));

  const diff = git(dir, ['diff', '--name-status', '-z', '-M', base, head]).split('\0').filter(Boolean);
  const unowned = [];
  for (let i = 0; i < diff.length;) {
    const status = diff[i++];
    const paths = /^[RC]/.test(status) ? [diff[i++], diff[i++]] : [diff[i++]];
    const sides = status.startsWith('R')
      ? [
          [was, before, paths[0]],
          [now, after, paths[1]],
        ]
      : status === 'D'
        ? [[was, before, paths[0]]]
        : [[now, after, paths.at(-1)]];
    for (const [lay, tree, path] of sides) {
      if (ROOT_LOCKFILES.has(path)) continue; // diffed per project below
      if (TOOLCHAIN_PINS.test(path)) for (const p of now.projects) mark(p, `toolchain pin ${path}`);
      const owner = ownerOf(lay, path);
      if (owner && readsFile(tree, owner, path)) mark(atHead(owner), `changed ${path}`);
      else if (!owner) unowned.push(path);
    }
  }
  for (const p of now.projects) {
    const old = was.byDir.get(p.dir) ?? was.byName.get(p.name);
    if (!old) mark(p, 'new project');
    else if (old.effective !== p.effective) mark(p, 'inherited workspace or catalog value changed');
  }
  if (was.cargoProfile !== now.cargoProfile && now.cargoProfile)
    unsure.push('root Cargo.toml [profile] changed: every crate builds differently, no crate source changed');
  const tsChanged = unowned.filter((f) => /(^|\/)tsconfig[^/]*\.json$/.test(f));
  if (tsChanged.length)
    for (const p of now.projects.filter((x) => x.eco === 'js')) {
      const chain = tsconfigExtends(after, p);
      const hit = tsChanged.find((f) => chain.has(f));
      if (hit) mark(p, `extends ${hit}`);
    }
  for (const file of ROOT_LOCKFILES) {
    const [a, b] = [before.read(file), after.read(file)];
    if (b === undefined || (a === b && file !== 'pnpm-lock.yaml')) continue;
    try {
      const newC = closuresFor(file, b, now);
      for (const p of now.projects)
        for (const line of newC.get(p.dir)?.split('\n') ?? [])
          if (line.startsWith('link:') && now.byDir.has(line.slice(5)))
            p.edges.push(now.byDir.get(line.slice(5)).name);
      if (a === b) continue;
      const oldC = a === undefined ? new Map() : closuresFor(file, a, was);
      for (const p of now.projects) {
        const old = was.byDir.get(p.dir) ?? was.byName.get(p.name);
        if (newC.has(p.dir) && newC.get(p.dir) !== oldC.get(old?.dir))
          mark(p, `${file}: resolved deps changed`);
      }
    } catch (e) {
      unsure.push(`${file} not read here (${e.message.split('\n')[0]})`);
    }
  }
  // Reverse-dependency closure over the head graph (a cycle's members reach each other).
  const dependents = new Map();
  for (const p of now.projects)
    for (const d of p.edges) {
      const target = now.byName.get(d);
      dependents.set(target, [...(dependents.get(target) ?? []), p]);
    }
  const affected = new Set(seeds.keys());
  const queue = [...affected];
  while (queue.length)
    for (const next of dependents.get(queue.shift()) ?? [])
      if (!affected.has(next)) (affected.add(next), queue.push(next));
  if (unowned.length) notes.push(`${unowned.length} changed files no project owns`);
  const sorted = [...affected].sort((x, y) => (x.dir < y.dir ? -1 : 1));
  return {
    projects: sorted.map((p) => ({ name: p.name, dir: p.dir })),
    seeds: Object.fromEntries([...seeds].map(([p, why]) => [p.dir, why]).sort()),
    total: now.projects.length,
    notes,
    unsure,
  };
}

if (process.argv[1] === new URL(import.meta.url).pathname) {
  const [dir, base, head] = process.argv.slice(2);
  console.log(JSON.stringify(expectedAffected(dir, base, head), null, 2));
}

/** Every project at a revision, as { name, dir } (the peers' names are mapped to folders with it). */
export function projectsAt(dir, rev) {
  return layout(new Tree(dir, rev), []).projects.map((p) => ({ name: p.name, dir: p.dir }));
}

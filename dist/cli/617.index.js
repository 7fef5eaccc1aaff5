export const id = 617;
export const ids = [617];
export const modules = {

/***/ 1617:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  inputs: () => (/* binding */ main_inputs),
  run: () => (/* binding */ run)
});

// EXTERNAL MODULE: ./shared/zod.ts
var zod = __webpack_require__(6419);
// EXTERNAL MODULE: ./shared/context.ts
var context = __webpack_require__(1849);
// EXTERNAL MODULE: ./shared/errors.ts
var errors = __webpack_require__(2635);
// EXTERNAL MODULE: ./shared/git.ts + 1 modules
var shared_git = __webpack_require__(9801);
// EXTERNAL MODULE: ./shared/glob.ts
var shared_glob = __webpack_require__(5342);
// EXTERNAL MODULE: ./shared/inputs.ts
var inputs = __webpack_require__(8573);
// EXTERNAL MODULE: ./shared/paths.ts
var paths = __webpack_require__(2);
// EXTERNAL MODULE: ./shared/yaml.ts
var yaml = __webpack_require__(7315);
// EXTERNAL MODULE: ./shared/range.ts
var shared_range = __webpack_require__(4823);
;// CONCATENATED MODULE: ./actions/affected/src/graph.ts
/**
 * The dependency cycles of the graph: strongly connected components of more than one project
 * (Tarjan's algorithm, iterative so long chains do not overflow the stack, linear in projects + links).
 * Members are sorted by name and cycles by their first member, so the answer does not depend on the
 * order manifests were read in.
 */
function dependencyCycles(projects) {
    const index = new Map();
    const low = new Map();
    const onStack = new Set();
    const stack = [];
    const byName = new Map(projects.map((p) => [p.name, p]));
    const cycles = [];
    for (const start of projects) {
        if (index.has(start.name))
            continue;
        const frames = [{ name: start.name, next: 0 }];
        index.set(start.name, index.size);
        low.set(start.name, index.get(start.name));
        stack.push(start.name);
        onStack.add(start.name);
        while (frames.length) {
            const frame = frames.at(-1);
            const links = byName.get(frame.name).links;
            if (frame.next < links.length) {
                const next = links[frame.next++].name;
                if (!byName.has(next))
                    continue;
                if (!index.has(next)) {
                    index.set(next, index.size);
                    low.set(next, index.get(next));
                    stack.push(next);
                    onStack.add(next);
                    frames.push({ name: next, next: 0 });
                }
                else if (onStack.has(next))
                    low.set(frame.name, Math.min(low.get(frame.name), index.get(next)));
                continue;
            }
            frames.pop();
            const parent = frames.at(-1);
            if (parent)
                low.set(parent.name, Math.min(low.get(parent.name), low.get(frame.name)));
            if (low.get(frame.name) !== index.get(frame.name))
                continue;
            const component = [];
            let member;
            do {
                member = stack.pop();
                onStack.delete(member);
                component.push(member);
            } while (member !== frame.name);
            if (component.length > 1)
                cycles.push(component.sort(compareNames));
        }
    }
    return cycles.sort((a, b) => compareNames(a[0], b[0]));
}
const compareNames = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
/**
 * Adds to the seeds every member of a cycle holding one (a cycle builds as one unit), every
 * transitive dependent and, when asked, every transitive dependency, recording the neighbour that
 * brought each one in. Breadth first, so the recorded path is a shortest one.
 */
function expand(projects, seeds, cycles, options) {
    const affected = new Map();
    for (const [name, reasons] of seeds)
        affected.set(name, { kind: 'changed', reasons });
    const cycleOf = new Map();
    for (const cycle of cycles)
        for (const name of cycle)
            cycleOf.set(name, cycle);
    for (const seed of seeds.keys())
        for (const member of cycleOf.get(seed) ?? [])
            if (!affected.has(member))
                affected.set(member, { kind: 'cycle', via: seed, seed, steps: 1 });
    const dependents = new Map();
    for (const project of projects)
        for (const link of project.links) {
            const list = dependents.get(link.name);
            if (list)
                list.push(project.name);
            else
                dependents.set(link.name, [project.name]);
        }
    const walk = (next, kind) => {
        const queue = [...affected.keys()];
        for (let i = 0; i < queue.length; i++) {
            const from = queue[i];
            const cause = affected.get(from);
            const seed = cause.kind === 'changed' ? from : cause.seed;
            const steps = cause.kind === 'changed' ? 1 : cause.steps + 1;
            for (const neighbour of next(from)) {
                if (affected.has(neighbour))
                    continue;
                affected.set(neighbour, { kind, via: from, seed, steps });
                queue.push(neighbour);
            }
        }
    };
    const byName = new Map(projects.map((p) => [p.name, p]));
    if (options.dependents)
        walk((name) => dependents.get(name) ?? [], 'dependent');
    if (options.dependencies)
        walk((name) => (byName.get(name)?.links ?? []).map((l) => l.name), 'dependency');
    return affected;
}
/**
 * One line saying why, of bounded length whatever the depth: `changed packages/a/x.ts`,
 * `depends on b (changed)`, `depends on c → b (changed)`, `depends on d → … → a (changed, 5 links)`,
 * `dependency of c`, `in a dependency cycle with a (changed)`. Each project names its next hop, so
 * the whole path can be followed through the other projects' reasons.
 */
function describeCause(affected, name) {
    const cause = affected.get(name);
    if (!cause)
        return '';
    if (cause.kind === 'changed') {
        const [first, ...rest] = cause.reasons;
        return rest.length ? `${first} and ${rest.length} more` : (first ?? 'changed');
    }
    const tail = affected.get(cause.seed)?.kind === 'changed' ? 'changed' : 'affected';
    if (cause.kind === 'cycle')
        return `in a dependency cycle with ${cause.seed} (${tail})`;
    if (cause.kind === 'dependency')
        return `dependency of ${cause.via}`;
    if (cause.steps === 1)
        return `depends on ${cause.via} (${tail})`;
    if (cause.steps === 2)
        return `depends on ${cause.via} → ${cause.seed} (${tail})`;
    return `depends on ${cause.via} → … → ${cause.seed} (${tail}, ${cause.steps} links)`;
}

;// CONCATENATED MODULE: ./actions/affected/src/model.ts
/** The data every module of `affected` passes around: projects, their links and where they live. */
const ECOSYSTEMS = ['js', 'go', 'cargo', 'python', 'custom'];
/** Joins a folder and a relative path, resolving `.` and `..`; undefined when it leaves the repository. */
function joinPath(dir, relative) {
    const parts = dir ? dir.split('/') : [];
    for (const part of relative.replace(/\\/g, '/').split('/')) {
        if (part === '' || part === '.')
            continue;
        if (part === '..') {
            if (!parts.length)
                return undefined;
            parts.pop();
        }
        else
            parts.push(part);
    }
    return parts.join('/');
}
/** The folder of a repository path ('' for a file at the root). */
function dirOf(path) {
    const slash = path.lastIndexOf('/');
    return slash < 0 ? '' : path.slice(0, slash);
}
/** The base name of a repository path. */
function baseName(path) {
    return path.slice(path.lastIndexOf('/') + 1);
}
/** True when `path` is `dir` itself or inside it. */
function isInside(path, dir) {
    return dir === '' || path === dir || path.startsWith(`${dir}/`);
}
/** `path` relative to `dir` (which contains it). */
function relativeTo(path, dir) {
    return dir === '' ? path : path.slice(dir.length + 1);
}
/** Words for a shared version entry key (see Project.sharedEntries). */
function describeShared(key) {
    const [kind, root, a, b] = key.split('\t');
    const where = root ? ` in ${root}` : '';
    if (kind === 'catalog')
        return `catalog entry ${b} (${a === 'default' ? 'default catalog' : `catalog ${a}`}${where})`;
    if (kind === 'cargo-dependencies')
        return `[workspace.dependencies] ${a}${where}`;
    if (kind === 'cargo-lints')
        return `[workspace.lints]${where}`;
    return `[workspace.package] ${a}${where}`;
}

;// CONCATENATED MODULE: ./actions/affected/src/inputs.ts


/** Files in any project folder that no build reads: documentation, editor, repository and CI configuration. */
const NON_INPUTS = [
    '!**/*.md',
    '!**/LICENSE*',
    '!.github/**',
    '!.vscode/**',
    '!.idea/**',
    '!.devcontainer/**',
    '!.editorconfig',
    '!.gitignore',
    '!.gitattributes',
    '!.mailmap',
    '!CODEOWNERS',
    '!.circleci/**',
    '!.gitlab-ci.yml',
    '!renovate.json',
    '!.pre-commit-config.yaml',
];
/** What a project's build reads, relative to its folder, by ecosystem (documented in the README). */
const DEFAULT_INPUTS = {
    js: ['**', ...NON_INPUTS],
    python: ['**', ...NON_INPUTS],
    custom: ['**', ...NON_INPUTS],
    go: ['**/*.go', '/go.mod', '/go.sum', '**/testdata/**', '**/*.s', '**/*.c', '**/*.h', ...NON_INPUTS],
    cargo: ['/Cargo.toml', '/build.rs', '/src/**', '/tests/**', '/benches/**', '/examples/**', ...NON_INPUTS],
};
/**
 * Decides which files a project reads: its manifest always; otherwise the `inputs` override for its
 * name, else for its ecosystem, else the ecosystem default. Matchers are compiled once per rule.
 */
class InputRules {
    override;
    extra;
    compiled = new Map();
    constructor(override, 
    /** Files known to be read by a project beyond its globs (Go `//go:embed`). */
    extra = new Set()) {
        this.override = override;
        this.extra = extra;
    }
    isInput(project, path) {
        if (path === project.manifest || this.extra.has(path))
            return true;
        if (project.targets && this.matcher(`targets:${project.name}`, project.targets)(path))
            return true;
        const key = this.override.has(project.name)
            ? project.name
            : this.override.has(project.ecosystem)
                ? project.ecosystem
                : project.inputs
                    ? `own:${project.name}`
                    : `default:${project.ecosystem}`;
        const matches = this.matcher(key, this.override.get(key) ?? project.inputs ?? DEFAULT_INPUTS[project.ecosystem]);
        // Explicit projects own files by repository-relative globs; their inputs are relative to the root too.
        if (project.paths)
            return matches(path);
        return isInside(path, project.dir) && matches(relativeTo(path, project.dir));
    }
    matcher(key, patterns) {
        let matches = this.compiled.get(key);
        if (!matches) {
            matches = (0,shared_glob/* globList */.X)(patterns, 'inputs');
            this.compiled.set(key, matches);
        }
        return matches;
    }
}
/**
 * Maps files to the projects that own them: the project with the deepest folder containing the file
 * (so a nested Go module or a package inside another's folder owns its files), plus any project of
 * the `projects` input whose globs match and any crate whose target paths point at the file.
 */
class Owners {
    byDir = new Map();
    byGlobs = [];
    constructor(workspace) {
        for (const project of workspace.projects) {
            if (project.targets)
                this.byGlobs.push({ project, matches: (0,shared_glob/* globList */.X)(project.targets, 'targets') });
            if (project.paths) {
                this.byGlobs.push({ project, matches: (0,shared_glob/* globList */.X)(project.paths.map(inputs_anchor), 'projects') });
                continue;
            }
            const list = this.byDir.get(project.dir);
            if (list)
                list.push(project);
            else
                this.byDir.set(project.dir, [project]);
        }
    }
    of(path) {
        const owners = this.byGlobs.filter((g) => g.matches(path)).map((g) => g.project);
        for (let dir = dirOf(path);; dir = dirOf(dir)) {
            const found = this.byDir.get(dir);
            if (found) {
                for (const project of found)
                    if (!owners.includes(project))
                        owners.push(project);
                break;
            }
            if (dir === '')
                break;
        }
        return owners;
    }
}
/** Repository-relative globs from the `projects` input: `packages/a/**` means that folder, not any depth. */
const inputs_anchor = (glob) => {
    const negated = glob.startsWith('!');
    const body = (negated ? glob.slice(1) : glob).replace(/^\.?\//, '');
    return `${negated ? '!' : ''}/${body}`;
};
/** Validates glob lists up front so a bad pattern fails as a user error naming the input. */
function checkGlobs(patterns, inputName) {
    for (const p of patterns)
        compileGlob(p, inputName);
}

;// CONCATENATED MODULE: ./actions/affected/src/affected.ts



const add = (seeds, name, reason) => {
    const reasons = seeds.get(name);
    if (!reasons)
        seeds.set(name, [reason]);
    else if (!reasons.includes(reason))
        reasons.push(reason);
};
/**
 * The affected projects of a change, with the reason for each. Pure: workspaces at both revisions,
 * the changed files and the lockfile verdicts in, the answer out.
 *
 * A file counts at the revision it exists in (a deleted file at base, an added one at head, both
 * paths of a rename), so a moved project is one project with a new path. Workspace files are not
 * owned but compared: catalog and `[workspace.dependencies]` entries mark the projects using the
 * entry; changed links between projects mark the project whose links changed.
 */
function computeAffected(options) {
    const { base, head } = options;
    const owners = { base: new Owners(base), head: new Owners(head) };
    const seeds = new Map(options.lockfileSeeds);
    const result = {
        projects: [],
        all: false,
        globalFiles: [],
        changedFiles: [],
        ignoredFiles: [],
        nonInputs: [],
        unowned: [],
        lockfiles: [],
        moved: [],
        removed: [],
        cycles: options.cycles,
        causes: new Map(),
    };
    const seen = new Set();
    const lists = {
        ignored: new Set(),
        changed: new Set(),
        global: new Set(),
        lockfiles: new Set(),
        unowned: new Set(),
        nonInputs: new Set(),
    };
    const consider = (path, at, verb) => {
        if (seen.has(`${at}:${path}`))
            return;
        seen.add(`${at}:${path}`);
        if (options.isIgnored(path))
            return void lists.ignored.add(path);
        lists.changed.add(path);
        if (options.isGlobal(path))
            return void lists.global.add(path);
        if (options.isLockfile(path))
            return void lists.lockfiles.add(path);
        const workspace = at === 'base' ? base : head;
        const found = owners[at].of(path);
        const readers = options.readBy.get(path) ?? [];
        for (const name of readers)
            add(seeds, name, `${verb} ${path}, which its tsconfig extends`);
        if (workspace.structureFiles.has(path) && !found.some((p) => p.manifest === path))
            return;
        if (!found.length)
            return void (readers.length || lists.unowned.add(path));
        for (const project of found) {
            if (path === project.manifest &&
                project.fingerprint !== undefined &&
                !fingerprintChanged(base, project))
                continue;
            if (options.inputs.isInput(project, path))
                add(seeds, project.name, `${verb} ${path}`);
            else if (!lists.nonInputs.has(`${path}\0${project.name}`)) {
                lists.nonInputs.add(`${path}\0${project.name}`);
                result.nonInputs.push([path, project.name]);
            }
        }
    };
    for (const change of options.changes) {
        if (change.oldPath !== undefined) {
            consider(change.oldPath, 'base', 'moved');
            consider(change.path, 'head', 'moved');
        }
        else if (change.status === 'D')
            consider(change.path, 'base', 'deleted');
        else if (change.status === 'A')
            consider(change.path, 'head', 'added');
        else {
            consider(change.path, 'base', 'changed');
            consider(change.path, 'head', 'changed');
        }
    }
    result.ignoredFiles = [...lists.ignored];
    result.changedFiles = [...lists.changed];
    result.globalFiles = [...lists.global];
    result.lockfiles = [...lists.lockfiles];
    result.unowned = [...lists.unowned];
    if (base !== head)
        compareStructure(base, head, seeds, result);
    for (const name of [...seeds.keys()])
        if (!head.byName.has(name))
            seeds.delete(name);
    if (result.globalFiles.length) {
        result.all = true;
        const reason = `global file ${result.globalFiles[0]} changed`;
        for (const project of head.projects)
            if (!seeds.has(project.name))
                seeds.set(project.name, [reason]);
    }
    result.causes = expand(head.projects, seeds, options.cycles, {
        dependents: options.includeDependents,
        dependencies: options.includeDependencies,
    });
    for (const project of head.projects) {
        const cause = result.causes.get(project.name);
        if (!cause)
            continue;
        result.projects.push({
            name: project.name,
            path: project.dir || '.',
            reason: describeCause(result.causes, project.name),
            via: cause.kind === 'changed' ? undefined : cause.via,
        });
    }
    return result;
}
function fingerprintChanged(base, project) {
    const before = base.byName.get(project.name);
    return !before || before.fingerprint !== project.fingerprint;
}
/** Compares the two workspaces: moved and removed projects, changed shared entries, changed links. */
function compareStructure(base, head, seeds, result) {
    for (const before of base.projects) {
        const after = head.byName.get(before.name);
        if (!after)
            result.removed.push(before.name);
        else if (after.dir !== before.dir)
            result.moved.push({ name: before.name, from: before.dir || '.', to: after.dir || '.' });
    }
    const changedEntries = new Set();
    for (const key of new Set([...base.sharedValues.keys(), ...head.sharedValues.keys()]))
        if (base.sharedValues.get(key) !== head.sharedValues.get(key))
            changedEntries.add(key);
    for (const project of head.projects) {
        for (const key of project.sharedEntries)
            if (changedEntries.has(key))
                add(seeds, project.name, `${describeShared(key)} changed`);
        const before = base.byName.get(project.name);
        if (!before) {
            // A folder the workspace globs newly select is built for the first time.
            if (!seeds.has(project.name))
                add(seeds, project.name, 'joined the workspace');
            continue;
        }
        const links = (p) => p.links
            .map((l) => l.name)
            .sort()
            .join('\n');
        if (links(before) !== links(project))
            add(seeds, project.name, 'its links to other projects changed');
    }
}

// EXTERNAL MODULE: ./node_modules/smol-toml/dist/index.js + 8 modules
var dist = __webpack_require__(3292);
;// CONCATENATED MODULE: ./actions/affected/src/fast-yaml.ts
/**
 * A fast reader for the YAML that pnpm and yarn berry write (lockfiles, pnpm-workspace.yaml,
 * .yarnrc.yml), falling back to the full `yaml` library.
 *
 * The full parser took about 1.5 s of CPU per MB here (a large monorepo's pnpm-lock.yaml is 5-20 MB),
 * and its first call alone costs a small workspace file several milliseconds of compiling.
 * These files use a small, regular subset: block mappings, `- item` sequences, plain, quoted and flow
 * (`{integrity: sha512-...}`, `[x64]`) scalars, full-line comments. Anything else (anchors, tags, block
 * scalars, odd indentation, a repeated key, which the full parser reports) makes this reader give up
 * and the full parser read the whole file.
 * Scalars stay strings (callers read them as text); mappings have no prototype, so `__proto__` is a key.
 */

class Unsupported extends Error {
}
function parseFastYaml(source) {
    try {
        return parseSubset(source);
    }
    catch (error) {
        if (!(error instanceof Unsupported))
            throw error;
        return (0,yaml/* parseYaml */.hN)(source);
    }
}
function newMap() {
    return Object.create(null);
}
function parseSubset(source) {
    const root = newMap();
    const stack = [{ indent: 0, container: root }];
    // A `key:` whose value is the block on the following, deeper lines (or null when there is none).
    let pending;
    let start = 0;
    while (start <= source.length) {
        let end = source.indexOf('\n', start);
        if (end < 0)
            end = source.length;
        let line = source.slice(start, end);
        start = end + 1;
        if (line.endsWith('\r'))
            line = line.slice(0, -1);
        const content = line.trimStart();
        if (content === '' || content.startsWith('#'))
            continue;
        const indent = line.length - content.length;
        if (line.slice(0, indent).includes('\t'))
            throw new Unsupported();
        if (pending) {
            if (indent > pending.indent) {
                const container = content === '-' || content.startsWith('- ') ? [] : newMap();
                pending.map[pending.key] = container;
                stack.push({ indent, container });
            }
            else
                pending.map[pending.key] = null;
            pending = undefined;
        }
        while (stack.length > 1 && stack[stack.length - 1].indent > indent)
            stack.pop();
        const frame = stack[stack.length - 1];
        if (frame.indent !== indent)
            throw new Unsupported();
        if (Array.isArray(frame.container)) {
            if (!content.startsWith('- '))
                throw new Unsupported();
            const item = content.slice(2).trim();
            if (/^[^'"{[][^:]*:( |$)/.test(item))
                throw new Unsupported(); // a mapping inside a sequence
            frame.container.push(scalar(item));
            continue;
        }
        const [key, rest] = splitKey(content);
        if (key in frame.container)
            throw new Unsupported();
        if (rest === '')
            pending = { map: frame.container, key, indent };
        else
            frame.container[key] = scalar(rest);
    }
    if (pending)
        pending.map[pending.key] = null;
    return root;
}
/** `key: value` or `key:` (plain, single- or double-quoted key). */
function splitKey(content) {
    let key;
    let after;
    if (content.startsWith('"') || content.startsWith("'")) {
        const end = quotedEnd(content, 0);
        key = quoted(content.slice(0, end));
        after = end;
    }
    else {
        const colon = content.search(/:( |$)/);
        if (colon <= 0)
            throw new Unsupported();
        key = content.slice(0, colon);
        after = colon;
        if (/^[&*!|>?%@`-]/.test(key) || key.includes(' #'))
            throw new Unsupported();
    }
    if (content[after] !== ':' || (after + 1 < content.length && content[after + 1] !== ' '))
        throw new Unsupported();
    return [key, content.slice(after + 1).trim()];
}
/** Index just past the closing quote of the string starting at `start`. */
function quotedEnd(text, start) {
    const quote = text[start];
    for (let i = start + 1; i < text.length; i++) {
        if (quote === '"' && text[i] === '\\')
            i++;
        else if (text[i] === quote) {
            if (quote === "'" && text[i + 1] === "'")
                i++;
            else
                return i + 1;
        }
    }
    throw new Unsupported();
}
function quoted(text) {
    if (text.startsWith("'"))
        return text.slice(1, -1).replaceAll("''", "'");
    try {
        // YAML double-quoted escapes that JSON lacks (\x, \e, \N ...) are left to the full parser.
        return JSON.parse(text);
    }
    catch {
        throw new Unsupported();
    }
}
function scalar(text) {
    if (text === '' || text === '~' || text === 'null')
        return null;
    if (text.startsWith('{') || text.startsWith('[')) {
        const [value, end] = flow(text, 0);
        if (end !== text.length)
            throw new Unsupported();
        return value;
    }
    if (text.startsWith('"') || text.startsWith("'")) {
        if (quotedEnd(text, 0) !== text.length)
            throw new Unsupported();
        return quoted(text);
    }
    if (/^[&*!|>%@`]/.test(text) || text.includes(' #'))
        throw new Unsupported();
    return text;
}
/** A flow mapping or sequence starting at `pos`; returns the value and the index after it. */
function flow(text, pos) {
    const isMap = text[pos] === '{';
    const close = isMap ? '}' : ']';
    const map = newMap();
    const list = [];
    pos = skipSpaces(text, pos + 1);
    if (text[pos] === close)
        return [isMap ? map : list, pos + 1];
    for (;;) {
        let key;
        if (isMap) {
            const [rawKey, afterKey] = flowItem(text, pos, true);
            if (typeof rawKey !== 'string' || text[afterKey] !== ':')
                throw new Unsupported();
            key = rawKey;
            pos = skipSpaces(text, afterKey + 1);
        }
        const [value, afterValue] = flowItem(text, pos, false);
        if (key !== undefined) {
            if (key in map)
                throw new Unsupported();
            map[key] = value;
        }
        else
            list.push(value);
        pos = skipSpaces(text, afterValue);
        if (text[pos] === ',')
            pos = skipSpaces(text, pos + 1);
        else if (text[pos] === close)
            return [isMap ? map : list, pos + 1];
        else
            throw new Unsupported();
    }
}
function flowItem(text, pos, isKey) {
    const char = text[pos];
    if (char === '{' || char === '[') {
        if (isKey)
            throw new Unsupported();
        return flow(text, pos);
    }
    if (char === '"' || char === "'") {
        const end = quotedEnd(text, pos);
        return [quoted(text.slice(pos, end)), end];
    }
    // Plain scalar: up to `,`, a closing bracket, or (for keys) `: `.
    let end = pos;
    while (end < text.length) {
        const c = text[end];
        if (c === ',' || c === '}' || c === ']')
            break;
        if (isKey && c === ':')
            break;
        end++;
    }
    const value = text.slice(pos, end).trim();
    if (value === '' || /^[&*!|>%@`#]/.test(value))
        throw new Unsupported();
    return [value === 'null' || value === '~' ? null : value, end];
}
function skipSpaces(text, pos) {
    while (text[pos] === ' ')
        pos++;
    return pos;
}

;// CONCATENATED MODULE: ./actions/affected/src/manifests.ts






/** Names of the files discovery reads; everything else is only listed. */
const MANIFEST_NAMES = new Set([
    'package.json',
    'pnpm-workspace.yaml',
    '.yarnrc.yml',
    'project.json',
    'go.mod',
    'go.work',
    'Cargo.toml',
    'pyproject.toml',
]);
/** Folders whose manifests never describe a project of this repository. */
const FOREIGN_DIR = /(^|\/)(node_modules|\.git|testdata|vendor|target)\//;
/**
 * Folders of test fixtures and samples: a workspace file or standalone manifest there describes
 * input data of a test, not a project, unless a workspace's globs select it.
 */
const FIXTURE_DIR = /(^|\/)(tests?|__tests__|fixtures?|__fixtures__|testdata|test-data)(\/|$)/;
/** The files discovery needs to read, chosen from a revision's file list by name. */
function manifestPaths(files) {
    return files.filter((path) => MANIFEST_NAMES.has(baseName(path)) && !FOREIGN_DIR.test(path));
}
const isObject = (value) => !!value && typeof value === 'object' && !Array.isArray(value);
const asObject = (value) => (isObject(value) ? value : {});
const strings = (value) => Array.isArray(value) ? value.filter((v) => typeof v === 'string') : [];
/** A parse failure named by its file, so the user knows which workspace file to fix. */
function malformed(path, kind, error) {
    if (error instanceof yaml/* YamlNotLoaded */.g0)
        throw error; // not a verdict on the file: see withYaml
    const detail = (error instanceof Error ? error.message : String(error)).split('\n')[0].slice(0, 200);
    return new errors/* UserError */.yo(`The workspace file ${path} is not valid ${kind}: ${detail}`);
}
function parseJsonFile(path, text) {
    try {
        const value = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
        if (!isObject(value))
            throw new Error('expected an object');
        return value;
    }
    catch (error) {
        throw malformed(path, 'JSON', error);
    }
}
function parseYamlFile(path, text) {
    try {
        const value = parseFastYaml(text) ?? {};
        if (!isObject(value))
            throw new Error('expected a mapping');
        return value;
    }
    catch (error) {
        throw malformed(path, 'YAML', error);
    }
}
function parseTomlFile(path, text) {
    try {
        return (0,dist/* parse */.qg)(text);
    }
    catch (error) {
        throw malformed(path, 'TOML', error);
    }
}
/**
 * Every TOML manifest called `name`, parsed. One that cannot be read stops discovery at the
 * repository root (the package manager fails there too); elsewhere (a fixture, a sample) it is kept
 * in `unreadable` with its message, for the caller to fail on only when a workspace selects it.
 */
function readTomlManifests(contents, name) {
    const tomls = new Map();
    const unreadable = new Map();
    for (const [dir, text] of manifestsNamed(contents, name)) {
        try {
            tomls.set(dir, parseTomlFile(fileIn(dir, name), text));
        }
        catch (error) {
            if (dir === '' || !(error instanceof errors/* UserError */.yo))
                throw error;
            unreadable.set(dir, error.message);
        }
    }
    return { tomls, unreadable };
}
/**
 * Matches folders against workspace member patterns (`packages/*`, `!packages/private`), anchored
 * at the workspace root: a bare `app` means the folder `app`, not any folder named app.
 */
function memberMatcher(patterns, source) {
    const anchored = patterns
        .map((p) => {
        const negated = p.startsWith('!');
        const body = (negated ? p.slice(1) : p).replace(/^(\.\/)+/, '').replace(/\/+$/, '');
        return body === '' || body === '.' ? undefined : `${negated ? '!' : ''}/${body}`;
    })
        .filter((p) => !!p)
        // The package managers look for `<pattern>/package.json`, so `dir/**` selects `dir` itself too.
        .flatMap((p) => (p.endsWith('/**') ? [p, p.slice(0, -3)] : [p]));
    // Most lists are plain `folder/*` or `folder/**`: answer those with string checks, which is what
    // keeps discovery fast on 5,000 packages; anything else goes through the safe glob matcher.
    const simple = anchored.every((p) => /^\/[^*?[\]{}!\\]+\/\*\*?$/.test(p) || (!p.startsWith('!') && anchored.includes(`${p}/**`)));
    if (simple) {
        const rules = anchored
            .filter((p) => p.endsWith('*'))
            .map((p) => ({
            prefix: `${p.slice(1, p.lastIndexOf('/'))}/`,
            deep: p.endsWith('**'),
        }));
        return (relDir) => rules.some(({ prefix, deep }) => (deep && relDir.length === prefix.length - 1 && prefix.startsWith(relDir)) ||
            (relDir.startsWith(prefix) &&
                relDir.length > prefix.length &&
                (deep || !relDir.includes('/', prefix.length))));
    }
    const matches = (0,shared_glob/* globList */.X)(anchored, source);
    return (relDir) => relDir !== '' && matches(relDir);
}
const byName = new WeakMap();
/** The manifests with a given base name, as [dir, text] pairs, sorted by folder (indexed once per revision). */
function manifestsNamed(contents, name) {
    let index = byName.get(contents);
    if (!index) {
        index = new Map();
        for (const [path, text] of contents) {
            if (text === undefined)
                continue;
            const list = index.get(baseName(path));
            if (list)
                list.push([dirOf(path), text]);
            else
                index.set(baseName(path), [[dirOf(path), text]]);
        }
        for (const list of index.values())
            list.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
        byName.set(contents, index);
    }
    return index.get(name) ?? [];
}
/** `dir/name`, or `name` at the root. */
const fileIn = (dir, name) => (dir ? `${dir}/${name}` : name);

;// CONCATENATED MODULE: ./actions/affected/src/discover-cargo.ts




const DEPENDENCY_TABLES = ['dependencies', 'dev-dependencies', 'build-dependencies'];
const cargoKey = (root, table, key) => `cargo-${table}\t${root}\t${key}`;
const TARGET_TABLES = ['bin', 'test', 'bench', 'example'];
/**
 * What a crate's manifest points at beyond the conventional layout: `[lib]`, `[[bin]]`, `[[test]]`,
 * `[[bench]]`, `[[example]]` paths and `build = "…"` (anchored repository globs, wherever they are),
 * and `include`/`exclude`, which replace or trim the default inputs.
 */
function crateFiles(dir, toml) {
    const paths = [asObject(toml.lib).path, asObject(toml.package).build];
    for (const table of TARGET_TABLES)
        if (Array.isArray(toml[table]))
            for (const target of toml[table])
                paths.push(asObject(target).path);
    const targets = [];
    for (const path of paths) {
        const file = typeof path === 'string' ? joinPath(dir, path) : undefined;
        if (file === undefined || targets.includes(`/${file}`))
            continue;
        targets.push(`/${file}`);
        // The target's module tree (`mod x;`) lives beside it; at most the crate's own top-level files
        // when the target sits in the crate folder or above it.
        const folder = dirOf(file);
        if (folder === dir)
            targets.push(dir ? `/${dir}/*.rs` : '/*.rs');
        else if (!isInside(dir, folder))
            targets.push(`/${folder}/**/*.rs`);
    }
    const pkg = asObject(toml.package);
    const include = strings(pkg.include);
    const exclude = strings(pkg.exclude).map((p) => `!${p}`);
    const inputs = include.length
        ? ['/Cargo.toml', ...include, ...exclude]
        : exclude.length
            ? [...DEFAULT_INPUTS.cargo, ...exclude]
            : undefined;
    return { targets: targets.length ? targets : undefined, inputs };
}
/** The dependency tables of a manifest, including `[target.'cfg(...)'.dependencies]`. */
function dependencyTables(toml) {
    const tables = DEPENDENCY_TABLES.map((t) => [t, asObject(toml[t])]);
    for (const target of Object.values(asObject(toml.target)))
        for (const t of DEPENDENCY_TABLES)
            tables.push([t, asObject(asObject(target)[t])]);
    return tables;
}
/**
 * Cargo workspaces: `[workspace] members` globs minus `exclude`, a root `[package]`, path
 * dependencies (normal, dev and build, inherited through `[workspace.dependencies]` with
 * `workspace = true`). Crates outside any workspace are projects of their own.
 */
function discoverCargo(contents) {
    // A manifest that cannot be read stops discovery at the repository root or when a workspace selects
    // it (cargo fails there too); elsewhere (a fixture, a sample) it is left alone.
    const { tomls, unreadable } = readTomlManifests(contents, 'Cargo.toml');
    const structureFiles = [];
    const fingerprints = new Map();
    const sharedValues = new Map();
    const workspaceOf = new Map(); // crate dir -> workspace root dir
    // Only outermost workspaces count, as `cargo metadata` at their root lists them: a nested [workspace]
    // (a fuzzing workspace inside the main one) is a separate workspace that the main one neither builds
    // nor lists, and one in a test fixture folder is test data. Their crates are not projects.
    const allRoots = [...tomls]
        .filter(([dir, toml]) => isObject(toml.workspace) && !FIXTURE_DIR.test(dir))
        .sort(([a], [b]) => a.length - b.length);
    const roots = allRoots.filter(([dir], i) => !allRoots.slice(0, i).some(([outer]) => isInside(dir, outer)));
    const nested = allRoots.filter((root) => !roots.includes(root)).map(([dir]) => dir);
    const inNested = (dir) => nested.some((n) => isInside(dir, n));
    for (const [rootDir, toml] of roots) {
        const workspace = asObject(toml.workspace);
        const file = fileIn(rootDir, 'Cargo.toml');
        structureFiles.push(file);
        const { workspace: _w, ...own } = toml;
        fingerprints.set(file, JSON.stringify(own));
        for (const [key, value] of Object.entries(asObject(workspace.dependencies)))
            sharedValues.set(cargoKey(rootDir, 'dependencies', key), JSON.stringify(value));
        for (const [key, value] of Object.entries(asObject(workspace.package)))
            sharedValues.set(cargoKey(rootDir, 'package', key), JSON.stringify(value));
        if (workspace.lints !== undefined)
            sharedValues.set(cargoKey(rootDir, 'lints', ''), JSON.stringify(workspace.lints));
        const isMember = memberMatcher([...strings(workspace.members), ...strings(workspace['default-members'])], file);
        const excluded = strings(workspace.exclude).map((p) => joinPath(rootDir, p) ?? '');
        for (const dir of tomls.keys()) {
            if (workspaceOf.has(dir) ||
                !isInside(dir, rootDir) ||
                inNested(dir) ||
                excluded.some((e) => e && isInside(dir, e)))
                continue;
            if (dir === rootDir || isMember(relativeTo(dir, rootDir)))
                workspaceOf.set(dir, rootDir);
        }
        for (const [dir, message] of unreadable)
            if (isInside(dir, rootDir) && isMember(relativeTo(dir, rootDir)))
                throw new errors/* UserError */.yo(message);
        // Cargo makes every path dependency inside the workspace folder a member too, also one inherited
        // from `[workspace.dependencies]` with `workspace = true`.
        const inherited = asObject(workspace.dependencies);
        const queue = [...workspaceOf].filter(([, root]) => root === rootDir).map(([dir]) => dir);
        for (const dir of queue) {
            for (const [, table] of dependencyTables(tomls.get(dir))) {
                for (const [key, spec] of Object.entries(table)) {
                    const shared = isObject(spec) && spec.workspace === true ? asObject(inherited[key]) : undefined;
                    const target = shared && typeof shared.path === 'string'
                        ? joinPath(rootDir, shared.path)
                        : isObject(spec) && typeof spec.path === 'string'
                            ? joinPath(dir, spec.path)
                            : undefined;
                    if (target === undefined ||
                        workspaceOf.has(target) ||
                        !tomls.has(target) ||
                        inNested(target) ||
                        !isInside(target, rootDir))
                        continue;
                    if (excluded.some((e) => e && isInside(target, e)))
                        continue;
                    workspaceOf.set(target, rootDir);
                    queue.push(target);
                }
            }
        }
    }
    const drafts = new Map();
    for (const [dir, toml] of tomls) {
        const pkg = asObject(toml.package);
        if (typeof pkg.name !== 'string')
            continue;
        // Under a workspace root, only members are projects: excluded crates (fuzz targets, samples) are not.
        if (!workspaceOf.has(dir) && roots.some(([root]) => isInside(dir, root)))
            continue;
        if (!workspaceOf.has(dir) && FIXTURE_DIR.test(dir))
            continue;
        drafts.set(dir, {
            ...crateFiles(dir, toml),
            ecosystem: 'cargo',
            dir,
            name: pkg.name,
            manifest: fileIn(dir, 'Cargo.toml'),
            links: [],
            sharedEntries: [],
        });
    }
    for (const draft of drafts.values()) {
        const toml = tomls.get(draft.dir);
        const rootDir = workspaceOf.get(draft.dir);
        const rootDeps = rootDir === undefined ? {} : asObject(asObject(tomls.get(rootDir).workspace).dependencies);
        for (const [field, value] of Object.entries(asObject(toml.package)))
            if (rootDir !== undefined && asObject(value).workspace === true)
                draft.sharedEntries.push(cargoKey(rootDir, 'package', field));
        if (rootDir !== undefined && asObject(toml.lints).workspace === true)
            draft.sharedEntries.push(cargoKey(rootDir, 'lints', ''));
        for (const [kind, table] of dependencyTables(toml)) {
            for (const [key, spec] of Object.entries(table)) {
                let dir;
                if (isObject(spec) && spec.workspace === true && rootDir !== undefined) {
                    draft.sharedEntries.push(cargoKey(rootDir, 'dependencies', key));
                    const inherited = asObject(rootDeps[key]);
                    if (typeof inherited.path === 'string')
                        dir = joinPath(rootDir, inherited.path);
                }
                else if (isObject(spec) && typeof spec.path === 'string')
                    dir = joinPath(draft.dir, spec.path);
                const target = dir === undefined ? undefined : drafts.get(dir);
                if (target && target !== draft && !draft.links.some((l) => l.target === target))
                    draft.links.push({ target, kind });
            }
        }
    }
    return { drafts: [...drafts.values()], structureFiles, sharedValues, fingerprints };
}

;// CONCATENATED MODULE: ./actions/affected/src/discover-go.ts



/** Splits go.mod / go.work into directives, unfolding `directive ( ... )` blocks. */
function directives(text) {
    const out = [];
    let block;
    for (const raw of text.split('\n')) {
        const line = raw.replace(/\/\/.*$/, '').trim();
        if (!line)
            continue;
        if (block) {
            if (line === ')')
                block = undefined;
            else
                out.push([block, line]);
            continue;
        }
        const open = /^(\w+)\s*\($/.exec(line);
        if (open)
            block = open[1];
        else {
            const m = /^(\w+)\s+(.*)$/.exec(line);
            if (m)
                out.push([m[1], m[2]]);
        }
    }
    return out;
}
const unquote = (word) => word.replace(/^"(.*)"$/, '$1').replace(/^`(.*)`$/, '$1');
/** Local replacement target of a `replace` line, as a folder relative to `dir`; undefined for module targets. */
function localReplace(spec, dir) {
    const [left, right] = spec.split('=>').map((s) => s.trim().split(/\s+/).map(unquote));
    const target = right?.[0];
    if (!left?.[0] || !target || !(target.startsWith('./') || target.startsWith('../') || target === '.'))
        return undefined;
    const folder = joinPath(dir, target);
    return folder === undefined ? undefined : [left[0], folder];
}
/** Parses the parts of a go.mod that link modules: its path, requirements and local replacements. */
function parseGoMod(path, text, dir) {
    const mod = { module: '', requires: [], replaces: new Map() };
    for (const [name, rest] of directives(text)) {
        if (name === 'module')
            mod.module = unquote(rest.trim());
        else if (name === 'require')
            mod.requires.push(unquote(rest.trim().split(/\s+/)[0]));
        else if (name === 'replace') {
            const local = localReplace(rest, dir);
            if (local)
                mod.replaces.set(local[0], local[1]);
        }
    }
    if (!mod.module)
        throw new errors/* UserError */.yo(`The workspace file ${path} has no module directive.`);
    return mod;
}
/**
 * Go modules: every go.mod is a project named by its module path (nested modules own their own
 * folders). A module depends on another when a `replace` points at its folder, or when it requires
 * a module that a go.work including both `use`s.
 */
function discoverGo(contents) {
    const drafts = [];
    const warnings = [];
    const mods = new Map(); // dir -> go.mod
    const byModule = new Map(); // module path -> dir
    for (const [dir, text] of manifestsNamed(contents, 'go.mod')) {
        // The go command ignores folders starting with `_` or `.` (and testdata, never read here).
        if (/(^|\/)[_.]/.test(dir))
            continue;
        let mod;
        try {
            mod = parseGoMod(fileIn(dir, 'go.mod'), text, dir);
        }
        catch (error) {
            if (dir === '' || !(error instanceof errors/* UserError */.yo))
                throw error;
            warnings.push(`${error.message} It is not counted as a module.`);
            continue;
        }
        mods.set(dir, mod);
        if (!byModule.has(mod.module))
            byModule.set(mod.module, dir);
        drafts.push({
            ecosystem: 'go',
            dir,
            name: mod.module,
            manifest: fileIn(dir, 'go.mod'),
            links: [],
            sharedEntries: [],
        });
    }
    const byDir = new Map(drafts.map((d) => [d.dir, d]));
    const link = (draft, dir, kind) => {
        const target = dir === undefined ? undefined : byDir.get(dir);
        if (target && target !== draft && !draft.links.some((l) => l.target === target))
            draft.links.push({ target, kind });
    };
    for (const draft of drafts)
        for (const dir of mods.get(draft.dir).replaces.values())
            link(draft, dir, 'replace');
    const structureFiles = [];
    for (const [dir, text] of manifestsNamed(contents, 'go.work')) {
        structureFiles.push(fileIn(dir, 'go.work'));
        const used = new Map(); // module path -> dir
        const workReplaces = new Map();
        for (const [name, rest] of directives(text)) {
            if (name === 'use') {
                const folder = joinPath(dir, unquote(rest.trim()));
                const mod = folder === undefined ? undefined : mods.get(folder);
                if (mod)
                    used.set(mod.module, folder);
            }
            else if (name === 'replace') {
                const local = localReplace(rest, dir);
                if (local)
                    workReplaces.set(local[0], local[1]);
            }
        }
        for (const draft of drafts) {
            if (![...used.values()].includes(draft.dir))
                continue;
            for (const required of mods.get(draft.dir).requires)
                link(draft, workReplaces.get(required) ?? used.get(required), 'go.work');
        }
    }
    return { drafts, structureFiles, warnings };
}

;// CONCATENATED MODULE: ./actions/affected/src/discover-js.ts


/** package.json fields whose workspace entries are dependency edges (peers and optionals included). */
const DEPENDENCY_FIELDS = ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies'];
/** Fields that make a workspace root package a project of its own: it ships code, not only tooling. */
const OWN_CODE_FIELDS = ['main', 'module', 'exports', 'bin', 'types', 'browser'];
/** pnpm never takes workspace packages from these folders, whatever the globs say. */
const PNPM_IGNORED = /(^|\/)(node_modules|bower_components)(\/|$)/;
/** A catalog value as text; YAML may give a number or a mapping (which String() cannot convert). */
const jsonText = (value) => JSON.stringify(value) ?? 'null';
/**
 * The workspace a root folder declares: pnpm-workspace.yaml `packages` (pnpm ignores package.json
 * `workspaces` then), else package.json `workspaces` (array or `{packages}`); undefined when the
 * package.json only mentions the word.
 */
function readRoot(dir, contents, packageText, parsed) {
    const yamlFile = fileIn(dir, 'pnpm-workspace.yaml');
    const yamlText = contents.get(yamlFile);
    const json = packageText === undefined ? undefined : parsed(dir, packageText);
    const catalogs = new Map();
    if (yamlText !== undefined) {
        const yaml = parseYamlFile(yamlFile, yamlText);
        readCatalogs(catalogs, yaml);
        if (json)
            readCatalogs(catalogs, json);
        return {
            dir,
            patterns: strings(yaml.packages),
            source: yamlFile,
            catalogs,
            ignore: (relDir) => PNPM_IGNORED.test(relDir),
        };
    }
    if (!json || json.workspaces === undefined)
        return undefined;
    const workspaces = json.workspaces;
    readCatalogs(catalogs, json); // bun: top level
    readCatalogs(catalogs, asObject(workspaces)); // bun: inside `workspaces`
    return {
        dir,
        patterns: Array.isArray(workspaces) ? strings(workspaces) : strings(asObject(workspaces).packages),
        source: fileIn(dir, 'package.json'),
        catalogs,
        ignore: (relDir) => /(^|\/)node_modules(\/|$)/.test(relDir),
    };
}
/** Reads catalogs in the pnpm / yarn / bun shape: `catalog` (the default one) and `catalogs.<name>`. */
function readCatalogs(into, holder) {
    if (isObject(holder.catalog))
        into.set('default', holder.catalog);
    for (const [name, catalog] of Object.entries(asObject(holder.catalogs)))
        if (isObject(catalog))
            into.set(name, catalog);
}
const catalogKey = (root, catalog, pkg) => `catalog\t${root}\t${catalog}\t${pkg}`;
/**
 * npm, yarn (classic and berry), pnpm and bun workspaces: members come from package.json
 * `workspaces` (array or `{packages}`) or pnpm-workspace.yaml `packages`; every dependency field
 * naming a member is an edge whatever its range (`*`, `^1`, `workspace:*`, `file:`, `link:`, `npm:` alias).
 */
function discoverJs(contents, files) {
    const packages = new Map();
    const parsed = (dir, text) => {
        let json = packages.get(dir);
        if (!json)
            packages.set(dir, (json = parseJsonFile(fileIn(dir, 'package.json'), text)));
        return json;
    };
    const packageTexts = new Map(manifestsNamed(contents, 'package.json'));
    const structureFiles = [];
    const fingerprints = new Map();
    // Workspace roots: a pnpm-workspace.yaml, or a package.json with `workspaces`. The outermost one
    // defines the workspace; a workspace file inside it, or in a test fixture folder, is not read at
    // all: members are whatever the root's globs select, as for the package managers themselves.
    const candidates = new Set();
    for (const [dir] of manifestsNamed(contents, 'pnpm-workspace.yaml'))
        candidates.add(dir);
    for (const [dir, text] of packageTexts)
        if (text.includes('"workspaces"'))
            candidates.add(dir);
    const roots = new Map();
    for (const dir of [...candidates].sort((a, b) => a.length - b.length || (a < b ? -1 : 1))) {
        if (FIXTURE_DIR.test(dir) || [...roots.keys()].some((root) => isInside(dir, root)))
            continue;
        const root = readRoot(dir, contents, packageTexts.get(dir), parsed);
        if (!root)
            continue;
        roots.set(dir, root);
        if (root.source.endsWith('pnpm-workspace.yaml'))
            structureFiles.push(root.source);
        const yarnrc = contents.get(fileIn(dir, '.yarnrc.yml'));
        if (yarnrc !== undefined) {
            readCatalogs(root.catalogs, parseYamlFile(fileIn(dir, '.yarnrc.yml'), yarnrc));
            structureFiles.push(fileIn(dir, '.yarnrc.yml'));
        }
    }
    // A repository without workspaces but with a root package.json is a one-package repository.
    if (!roots.size && packageTexts.has(''))
        roots.set('', {
            dir: '',
            patterns: [],
            source: 'package.json',
            catalogs: new Map(),
            ignore: () => false,
        });
    const sharedValues = new Map();
    const members = new Map(); // member dir -> workspace root dir
    for (const root of roots.values()) {
        for (const [name, catalog] of root.catalogs)
            for (const [pkg, version] of Object.entries(catalog))
                sharedValues.set(catalogKey(root.dir, name, pkg), typeof version === 'string' ? version : jsonText(version));
        const isMember = memberMatcher(root.patterns, root.source);
        for (const dir of packageTexts.keys()) {
            if (dir === root.dir || !isInside(dir, root.dir))
                continue;
            const relative = relativeTo(dir, root.dir);
            if (isMember(relative) && !root.ignore(relative))
                members.set(dir, root.dir);
        }
    }
    const drafts = [];
    const byName = new Map();
    const rootOf = new Map();
    const add = (dir, json, rootDir) => {
        const name = typeof json.name === 'string' && json.name ? json.name : dir || 'root';
        const draft = {
            ecosystem: 'js',
            dir,
            name,
            manifest: fileIn(dir, 'package.json'),
            links: [],
            sharedEntries: [],
        };
        drafts.push(draft);
        rootOf.set(draft, rootDir);
        if (!byName.has(name))
            byName.set(name, draft);
    };
    for (const [dir, rootDir] of [...members].sort(([a], [b]) => (a < b ? -1 : 1)))
        add(dir, parsed(dir, packageTexts.get(dir)), rootDir);
    for (const root of roots.values()) {
        const text = packageTexts.get(root.dir);
        if (text === undefined)
            continue;
        const json = parsed(root.dir, text);
        const hasWorkspace = root.patterns.length > 0; // a pnpm-workspace.yaml for settings alone leaves a one-package repository
        const file = fileIn(root.dir, 'package.json');
        if (hasWorkspace) {
            structureFiles.push(file);
            // Read by field: workspaces and catalogs are compared as structure; devDependencies (the
            // workspace's tooling) reach projects only through the per-project lockfile diff.
            const { workspaces: _w, catalog: _c, catalogs: _cs, devDependencies: _d, ...own } = json;
            fingerprints.set(file, JSON.stringify(own));
        }
        // The root-project rule: a workspace root is a project only when it ships code of its own.
        const shipsCode = OWN_CODE_FIELDS.some((field) => json[field] !== undefined) ||
            files.some((path) => path.startsWith(root.dir ? `${root.dir}/src/` : 'src/'));
        if (!hasWorkspace || shipsCode)
            add(root.dir, json, root.dir);
    }
    const byDir = new Map(drafts.map((d) => [d.dir, d]));
    for (const draft of drafts) {
        const json = packages.get(draft.dir);
        const rootDir = rootOf.get(draft);
        const linked = new Set([draft]);
        for (const field of DEPENDENCY_FIELDS) {
            const entries = json[field];
            if (!isObject(entries))
                continue;
            for (const dep in entries) {
                const raw = entries[dep];
                const spec = typeof raw === 'string' ? raw.trim() : '';
                if (spec.startsWith('catalog:')) {
                    draft.sharedEntries.push(catalogKey(rootDir, spec.slice(8) || 'default', dep));
                    continue;
                }
                const target = resolveSpec(dep, spec, draft.dir, byName, byDir);
                if (target && !linked.has(target)) {
                    linked.add(target);
                    draft.links.push({ target, kind: field });
                }
            }
        }
    }
    return { drafts, structureFiles, sharedValues, fingerprints };
}
/** The workspace package a dependency entry points at, if any. */
function resolveSpec(dep, spec, fromDir, byName, byDir) {
    if (!spec.includes(':'))
        return byName.get(dep); // a plain range: the common case
    const path = /^(file|link|portal):(.*)$/.exec(spec);
    if (path) {
        const dir = joinPath(fromDir, path[2]);
        return dir === undefined ? undefined : byDir.get(dir);
    }
    const alias = /^(?:npm|workspace):((?:@[^/@]+\/)?[^@]+)@/.exec(spec);
    return byName.get(alias ? alias[1] : dep);
}

;// CONCATENATED MODULE: ./actions/affected/src/discover-python.ts



/** PEP 503 name normalisation: `My_Package` and `my-package` are the same project. */
const normalisePythonName = (name) => name.toLowerCase().replace(/[-_.]+/g, '-');
/** The distribution name at the start of a PEP 508 requirement (`foo[extra]>=1; python_version<'3.12'`). */
const requirementName = (requirement) => /^\s*([A-Za-z0-9][A-Za-z0-9._-]*)/.exec(requirement)?.[1];
/** Every requirement a pyproject declares: dependencies, optional dependencies and dependency groups. */
function requirements(toml) {
    const project = asObject(toml.project);
    return [
        ...strings(project.dependencies),
        ...Object.values(asObject(project['optional-dependencies'])).flatMap(strings),
        ...Object.values(asObject(toml['dependency-groups'])).flatMap(strings),
    ];
}
/**
 * uv workspaces: `[tool.uv.workspace] members` minus `exclude`, linked where a requirement names a
 * member whose `[tool.uv.sources]` entry (the member's own or the root's) is `workspace = true` or a path.
 */
function discoverPython(contents) {
    // As for the other ecosystems: a malformed manifest stops discovery at the root or in a member only,
    // and a workspace inside another one, or in a test fixture folder, is test data, not a workspace.
    const { tomls, unreadable } = readTomlManifests(contents, 'pyproject.toml');
    const structureFiles = [];
    const fingerprints = new Map();
    const drafts = [];
    const sourcesOf = new Map();
    const roots = [];
    const byDepth = [...tomls].sort(([a], [b]) => a.length - b.length || (a < b ? -1 : 1));
    for (const [rootDir, toml] of byDepth) {
        const uv = asObject(asObject(toml.tool).uv);
        if (!isObject(uv.workspace) || FIXTURE_DIR.test(rootDir) || roots.some((r) => isInside(rootDir, r)))
            continue;
        roots.push(rootDir);
        const file = fileIn(rootDir, 'pyproject.toml');
        structureFiles.push(file);
        const { tool: _t, ...own } = toml;
        fingerprints.set(file, JSON.stringify(own));
        const isMember = memberMatcher(strings(uv.workspace.members), file);
        const isExcluded = memberMatcher(strings(uv.workspace.exclude), file);
        for (const [dir, message] of unreadable) {
            const rel = isInside(dir, rootDir) ? relativeTo(dir, rootDir) : undefined;
            if (rel !== undefined && isMember(rel) && !isExcluded(rel))
                throw new errors/* UserError */.yo(message);
        }
        for (const [dir, member] of tomls) {
            if (!isInside(dir, rootDir))
                continue;
            const rel = relativeTo(dir, rootDir);
            const name = asObject(member.project).name;
            if (typeof name !== 'string' || (dir !== rootDir && (!isMember(rel) || isExcluded(rel))))
                continue;
            const draft = {
                ecosystem: 'python',
                dir,
                name,
                manifest: fileIn(dir, 'pyproject.toml'),
                links: [],
                sharedEntries: [],
            };
            drafts.push(draft);
            sourcesOf.set(draft, [asObject(asObject(asObject(member.tool).uv).sources), asObject(uv.sources)]);
        }
    }
    // A repository whose only Python project is a root pyproject.toml without a uv workspace.
    const rootProject = asObject(tomls.get('')?.project).name;
    if (!drafts.length && typeof rootProject === 'string')
        drafts.push({
            ecosystem: 'python',
            dir: '',
            name: rootProject,
            manifest: 'pyproject.toml',
            links: [],
            sharedEntries: [],
        });
    const byName = new Map(drafts.map((d) => [normalisePythonName(d.name), d]));
    const byDir = new Map(drafts.map((d) => [d.dir, d]));
    for (const draft of drafts) {
        for (const requirement of requirements(tomls.get(draft.dir))) {
            const name = requirementName(requirement);
            if (!name)
                continue;
            const source = (sourcesOf.get(draft) ?? [])
                .map((s) => asObject(s[name] ?? s[normalisePythonName(name)]))
                .find((s) => Object.keys(s).length);
            const target = source?.workspace === true
                ? byName.get(normalisePythonName(name))
                : typeof source?.path === 'string'
                    ? byDir.get(joinPath(draft.dir, source.path) ?? '\0')
                    : undefined;
            if (target && target !== draft && !draft.links.some((l) => l.target === target))
                draft.links.push({ target, kind: 'dependencies' });
        }
    }
    return { drafts, structureFiles, fingerprints };
}

;// CONCATENATED MODULE: ./actions/affected/src/discover.ts







/** The fixed leading folders of a glob: `services/api/**` -> `services/api`. */
function staticPrefix(glob) {
    const parts = [];
    for (const part of glob.replace(/^\.?\//, '').split('/')) {
        if (/[*?[{]/.test(part))
            break;
        parts.push(part);
    }
    return (/[*?[{]/.test(glob) ? parts : parts.slice(0, -1)).join('/');
}
/**
 * Finds every project of a revision from its file list and manifest contents (see manifestPaths):
 * JS workspaces, Nx project.json, Go modules, Cargo and uv workspaces, then the `projects` input.
 * Names are made unique (a later duplicate gets its folder appended, with a warning).
 */
function discoverWorkspace(files, contents, explicit = []) {
    const js = discoverJs(contents, files);
    const go = discoverGo(contents);
    const cargo = discoverCargo(contents);
    const python = discoverPython(contents);
    const drafts = [...js.drafts, ...go.drafts, ...cargo.drafts, ...python.drafts];
    const fingerprints = new Map([...js.fingerprints, ...cargo.fingerprints, ...python.fingerprints]);
    const implicit = nxProjects(contents, drafts);
    const warnings = [...go.warnings];
    const byDraft = new Map();
    const byName = new Map();
    const aliases = new Map();
    drafts.sort((a, b) => (a.dir === b.dir ? (a.ecosystem < b.ecosystem ? -1 : 1) : a.dir < b.dir ? -1 : 1));
    for (const draft of drafts) {
        let name = draft.name;
        if (byName.has(name)) {
            const first = byName.get(name);
            name = `${draft.name} (${draft.dir || '.'})`;
            warnings.push(`Two projects are named ${draft.name} (${first.manifest} and ${draft.manifest}); the second is called "${name}".`);
        }
        const project = {
            name,
            dir: draft.dir,
            ecosystem: draft.ecosystem,
            manifest: draft.manifest,
            links: [],
            sharedEntries: draft.sharedEntries,
            fingerprint: fingerprints.get(draft.manifest),
        };
        if (draft.targets)
            project.targets = draft.targets;
        if (draft.inputs)
            project.inputs = draft.inputs;
        byDraft.set(draft, project);
        byName.set(name, project);
        for (const alias of draft.aliases ?? [])
            if (!aliases.has(alias))
                aliases.set(alias, project);
    }
    for (const draft of drafts) {
        byDraft.get(draft).links = draft.links.map((l) => ({ name: byDraft.get(l.target).name, kind: l.kind }));
    }
    const find = (name) => byName.get(name) ?? aliases.get(name);
    for (const [draft, names] of implicit)
        applyImplicit(byDraft.get(draft), names, byName, find);
    for (const entry of explicit) {
        const existing = byName.get(entry.name);
        const project = existing ?? {
            name: entry.name,
            dir: entry.path ?? staticPrefix(entry.paths[0] ?? ''),
            ecosystem: 'custom',
            manifest: '',
            links: [],
            sharedEntries: [],
        };
        if (entry.paths.length)
            project.paths = entry.paths;
        if (entry.path !== undefined)
            project.dir = entry.path;
        for (const dependency of entry.dependsOn) {
            const target = find(dependency) ?? explicit.find((e) => e.name === dependency);
            if (!target)
                throw new errors/* InputError */.dz(`Input "projects": ${entry.name} depends on ${dependency}, which is neither listed there nor found in the repository.`);
            if (!project.links.some((l) => l.name === target.name))
                project.links.push({ name: target.name, kind: 'depends-on' });
        }
        byName.set(project.name, project);
    }
    const projects = [...byName.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    return {
        projects,
        byName: new Map(projects.map((p) => [p.name, p])),
        structureFiles: new Set([
            ...js.structureFiles,
            ...go.structureFiles,
            ...cargo.structureFiles,
            ...python.structureFiles,
        ]),
        sharedValues: new Map([...js.sharedValues, ...cargo.sharedValues]),
        warnings,
    };
}
/**
 * Nx `project.json` files: the Nx name wins over a package.json in the same folder (which stays an
 * alias for dependency lookups). Returns each project's `implicitDependencies`, applied after naming.
 */
function nxProjects(contents, drafts) {
    const implicit = new Map();
    for (const [dir, text] of manifestsNamed(contents, 'project.json')) {
        const file = fileIn(dir, 'project.json');
        const json = parseJsonFile(file, text);
        let draft = drafts.find((d) => d.ecosystem === 'js' && d.dir === dir);
        const name = typeof json.name === 'string' && json.name ? json.name : (draft?.name ?? (baseName(dir) || 'root'));
        if (draft) {
            if (draft.name !== name)
                (draft.aliases ??= []).push(draft.name);
            draft.name = name;
        }
        else {
            draft = { ecosystem: 'js', dir, name, manifest: file, links: [], sharedEntries: [] };
            drafts.push(draft);
        }
        const names = strings(json.implicitDependencies);
        if (names.length)
            implicit.set(draft, names);
    }
    return implicit;
}
/** Nx implicitDependencies: names add edges, `!name` removes an inferred one, `*` means every project. */
function applyImplicit(project, names, byName, find) {
    for (const raw of names) {
        const negated = raw.startsWith('!');
        const name = negated ? raw.slice(1) : raw;
        const targets = name === '*' ? [...byName.values()] : [find(name)].filter((p) => !!p);
        for (const target of targets) {
            if (target === project)
                continue;
            if (negated)
                project.links = project.links.filter((l) => l.name !== target.name);
            else if (!project.links.some((l) => l.name === target.name))
                project.links.push({ name: target.name, kind: 'implicitDependencies' });
        }
    }
}

// EXTERNAL MODULE: ./shared/neutralise.ts
var neutralise = __webpack_require__(2642);
;// CONCATENATED MODULE: ./actions/affected/src/lockfiles/graph.ts
/**
 * The resolved dependency graph every lockfile format is read into, and the comparison of two of them.
 *
 * A project's closure is compared structurally ("Merkle" classes): two nodes get the same class exactly
 * when their identities match and their dependencies have the same classes. Cycles (common in npm
 * graphs) are handled per strongly connected component: its members' classes are the component's
 * signature plus their own identity. Classes are interned in a table shared by both graphs, so comparing
 * a project before and after is one integer comparison, and each node is visited once per graph however
 * many projects reach it.
 */

/** A problem with the lockfile text; `diffLockfile` turns it into an `unreadable` result. */
class LockfileError extends Error {
}
function emptyGraph() {
    return { nodes: new Map(), roots: new Map() };
}
/** Adds a leaf for a dependency the lockfile does not resolve, so a change of its spec still counts. */
function unresolved(graph, name, spec) {
    const key = `\0unresolved ${name}@${spec}`;
    if (!graph.nodes.has(key)) {
        graph.nodes.set(key, { name, version: spec, identity: `unresolved ${name}@${spec}`, deps: [] });
    }
    return key;
}
const EMPTY_CLASS = 0;
const UNREACHED = -1;
function indexGraph(graph) {
    const keys = [...graph.nodes.keys()];
    const index = new Map(keys.map((key, i) => [key, i]));
    const identities = [];
    const deps = [];
    for (const node of graph.nodes.values()) {
        identities.push(node.identity);
        const targets = [];
        for (const dep of node.deps) {
            const target = index.get(dep);
            if (target !== undefined)
                targets.push(target);
        }
        deps.push(targets);
    }
    return { keys, index, identities, deps };
}
/**
 * Class of every node reachable from the roots (iterative Tarjan: deep graphs must not overflow the
 * stack). Components complete sinks first, so a component's dependencies already have classes.
 */
function closureClasses(graph, roots, intern) {
    const count = graph.keys.length;
    const classes = new Int32Array(count).fill(UNREACHED);
    const order = new Int32Array(count).fill(-1);
    const low = new Int32Array(count);
    const onStack = new Uint8Array(count);
    const stack = [];
    const frames = [];
    const nextDep = new Int32Array(count);
    let counter = 0;
    const classOf = (signature) => {
        let id = intern.get(signature);
        if (id === undefined)
            intern.set(signature, (id = intern.size + 1));
        return id;
    };
    const childClasses = (node, inside) => {
        const parts = new Set();
        for (const dep of graph.deps[node]) {
            parts.add(inside?.has(dep) ? `~${graph.identities[dep]}` : String(classes[dep]));
        }
        return [...parts].sort().join('\u0002');
    };
    const finishComponent = (root) => {
        if (stack[stack.length - 1] === root && !graph.deps[root].includes(root)) {
            stack.pop();
            onStack[root] = 0;
            classes[root] = classOf(`${graph.identities[root]}\u0001${childClasses(root)}`);
            return;
        }
        const members = [];
        let node;
        do {
            node = stack.pop();
            onStack[node] = 0;
            members.push(node);
        } while (node !== root);
        const inside = new Set(members);
        const signatures = members.map((member) => `${graph.identities[member]}\u0001${childClasses(member, inside)}`);
        const component = classOf(signatures.sort().join('\u0003'));
        // Members share the component but stay distinct: depending on e3 or on e4 of a cycle differs.
        for (const member of members)
            classes[member] = classOf(`${component}#${graph.identities[member]}`);
    };
    const enter = (node) => {
        order[node] = low[node] = counter++;
        stack.push(node);
        onStack[node] = 1;
        frames.push(node);
    };
    for (const rootKey of roots) {
        const start = graph.index.get(rootKey);
        if (start === undefined || order[start] !== -1)
            continue;
        enter(start);
        while (frames.length > 0) {
            const node = frames[frames.length - 1];
            const deps = graph.deps[node];
            if (nextDep[node] < deps.length) {
                const dep = deps[nextDep[node]++];
                if (order[dep] === -1)
                    enter(dep);
                else if (onStack[dep])
                    low[node] = Math.min(low[node], order[dep]);
                continue;
            }
            frames.pop();
            const parent = frames[frames.length - 1];
            if (parent !== undefined)
                low[parent] = Math.min(low[parent], low[node]);
            if (low[node] === order[node])
                finishComponent(node);
        }
    }
    return classes;
}
/**
 * For every reached node whose closure changed, the nearest node where the change happened: a node
 * whose class is new while all its dependencies' classes are not (a new version, or a new edge).
 * Nodes with a new identity are preferred, because "lodash 4.17.20 -> 4.17.21" explains more than
 * "dependencies of app changed".
 */
function nearestChanges(graph, classes, otherClasses, otherIdentities) {
    const count = graph.keys.length;
    const dependents = Array.from({ length: count }, () => []);
    const newIdentity = [];
    const newEdges = [];
    for (let node = 0; node < count; node++) {
        if (classes[node] === UNREACHED || otherClasses.has(classes[node]))
            continue;
        let frontier = true;
        for (const dep of graph.deps[node]) {
            dependents[dep].push(node);
            if (!otherClasses.has(classes[dep]))
                frontier = false;
        }
        if (!otherIdentities.has(graph.identities[node]))
            newIdentity.push(node);
        else if (frontier)
            newEdges.push(node);
    }
    const cause = new Int32Array(count).fill(-1);
    for (const sources of [newIdentity, newEdges]) {
        const queue = [];
        for (const node of sources) {
            if (cause[node] !== -1)
                continue;
            cause[node] = node;
            queue.push(node);
        }
        for (let i = 0; i < queue.length; i++) {
            const node = queue[i];
            for (const dependent of dependents[node]) {
                if (cause[dependent] !== -1)
                    continue;
                cause[dependent] = cause[node];
                queue.push(dependent);
            }
        }
    }
    return cause;
}
function versionsByName(graph) {
    const byName = new Map();
    for (const node of graph.nodes.values()) {
        const set = byName.get(node.name);
        if (set)
            set.add(node.version);
        else
            byName.set(node.name, new Set([node.version]));
    }
    return byName;
}
/** Reasons are single lines of bounded length: names and versions come from the (untrusted) lockfile. */
function oneLine(text) {
    return (0,neutralise/* truncate */.xv)(text.replace(/[\u0000-\u001f\u007f]+/g, ' '), 300);
}
function listed(versions) {
    return versions.length <= 3
        ? versions.join(', ')
        : `${versions.slice(0, 3).join(', ')} and ${versions.length - 3} more`;
}
function describe(name, before, after, version) {
    const removed = [...(before ?? [])].filter((v) => !after?.has(v));
    const added = [...(after ?? [])].filter((v) => !before?.has(v));
    if (removed.length > 0 && added.length > 0)
        return `lockfile: ${name} ${listed(removed)} -> ${listed(added)}`;
    if (added.length > 0)
        return `lockfile: added ${name} ${listed(added)}`;
    if (removed.length > 0)
        return `lockfile: removed ${name} ${listed(removed)}`;
    return `lockfile: ${name} ${version} resolution or dependencies changed`;
}
/**
 * Projects whose resolved closure differs between the two graphs, each with a one-line reason naming
 * the nearest changed package. A project absent from a graph has an empty closure there.
 */
function diffGraphs(before, after, projectNames) {
    const intern = new Map();
    const sides = [before, after].map((graph) => {
        const indexed = indexGraph(graph);
        return { graph, indexed, classes: closureClasses(indexed, graph.roots.values(), intern) };
    });
    const rootOf = (side, project) => {
        const key = sides[side].graph.roots.get(project);
        return key === undefined ? undefined : sides[side].indexed.index.get(key);
    };
    const classOf = (side, project) => {
        const root = rootOf(side, project);
        return root === undefined ? EMPTY_CLASS : sides[side].classes[root];
    };
    const changed = [...projectNames].filter((project) => classOf(0, project) !== classOf(1, project));
    const affected = new Map();
    if (changed.length === 0)
        return affected;
    // Only the sides' own classes and identities are compared, so each is collected once.
    const classSets = sides.map((side) => new Set(side.classes));
    const identitySets = sides.map((side) => new Set(side.indexed.identities));
    const causes = sides.map((side, i) => nearestChanges(side.indexed, side.classes, classSets[1 - i], identitySets[1 - i]));
    const versions = sides.map((side) => versionsByName(side.graph));
    for (const project of changed) {
        const [beforeRoot, afterRoot] = [rootOf(0, project), rootOf(1, project)];
        if (afterRoot === undefined)
            affected.set(project, 'lockfile: no longer lists this project');
        else if (beforeRoot === undefined)
            affected.set(project, 'lockfile: newly lists this project');
        else {
            const side = causes[1][afterRoot] !== -1 ? 1 : 0;
            const cause = causes[side][side === 1 ? afterRoot : beforeRoot];
            const node = cause === -1 ? undefined : sides[side].graph.nodes.get(sides[side].indexed.keys[cause]);
            affected.set(project, node === undefined
                ? 'lockfile: resolved dependencies changed'
                : oneLine(describe(node.name, versions[0].get(node.name), versions[1].get(node.name), node.version)));
        }
    }
    return affected;
}

;// CONCATENATED MODULE: ./actions/affected/src/lockfiles/read.ts
/**
 * Safe access to parsed lockfile data. Parsed JSON/YAML/TOML objects carry untrusted keys
 * (`__proto__`, `constructor`), so they are read only through own entries, into Maps.
 */
function isRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
/** The own entries of an object as a Map; anything else is empty. */
function entries(value) {
    return isRecord(value) ? new Map(Object.entries(value)) : new Map();
}
/** An own field of an object, never one inherited from its prototype. */
function field(value, name) {
    return isRecord(value) && Object.hasOwn(value, name) ? value[name] : undefined;
}
function read_text(value) {
    return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined;
}
/** Name -> spec pairs of the given dependency fields, in order, first field wins for a name. */
function dependencySpecs(value, fields) {
    const specs = new Map();
    for (const name of fields) {
        const deps = field(value, name);
        if (!isRecord(deps))
            continue;
        for (const [dep, spec] of Object.entries(deps)) {
            if (!specs.has(dep))
                specs.set(dep, read_text(spec) ?? read_text(field(spec, 'version')) ?? '');
        }
    }
    return specs;
}

;// CONCATENATED MODULE: ./actions/affected/src/lockfiles/bun.ts
/**
 * bun.lock (bun 1.1+ text lockfile, lockfileVersion 0-2): JSONC with trailing commas.
 *
 * `workspaces` maps each project folder ('' = root) to its manifest dependencies; `packages` maps an
 * install key to `[ident, ...]` where ident is `name@version` (npm, followed by registry, info and
 * integrity), `name@workspace:dir`, `name@link:...`, `name@github:...` and so on. Keys are package
 * names, nested by parent (`parent/dep`, `@scope/parent/dep`); a dependency resolves from the deepest
 * matching key up to the top level, like node_modules.
 */


const WORKSPACE_FIELDS = [
    'dependencies',
    'devDependencies',
    'optionalDependencies',
    'peerDependencies',
];
const PACKAGE_FIELDS = ['dependencies', 'optionalDependencies', 'peerDependencies'];
const MAX_DEPTH = 256;
function parseBunLock(source, projects) {
    const lock = JSON.parse(stripJsonc(source));
    if (!isRecord(lock))
        throw new LockfileError('not a JSON object');
    const version = field(lock, 'lockfileVersion');
    // 2 (bun 1.4) has the same shape as 1; 3 (scoped overrides) is not known yet.
    if (typeof version !== 'number' || version < 0 || version > 2) {
        throw new LockfileError(`unsupported lockfileVersion ${JSON.stringify(version)}`);
    }
    const workspaces = entries(field(lock, 'workspaces'));
    const packages = entries(field(lock, 'packages'));
    const graph = emptyGraph();
    const keyOf = (installKey) => {
        const ident = read_text(firstOf(packages.get(installKey))) ?? '';
        const workspace = ident.match(/^.+?@workspace:(.*)$/)?.[1];
        return workspace !== undefined && workspaces.has(workspace)
            ? `workspace:${workspace}`
            : `package:${installKey}`;
    };
    const resolveFrom = (prefix, dep, spec) => {
        for (let depth = prefix.length; depth >= 0; depth--) {
            const candidate = [...prefix.slice(0, depth), dep].join('/');
            if (packages.has(candidate))
                return keyOf(candidate);
        }
        return unresolved(graph, dep, spec);
    };
    for (const [installKey, value] of packages) {
        // Real keys nest a few levels; deeper ones are hostile and cost quadratic time to resolve from.
        if (packagePath(installKey).length > MAX_DEPTH) {
            throw new LockfileError(`package key nested deeper than ${MAX_DEPTH} levels`);
        }
        if (!Array.isArray(value) || keyOf(installKey).startsWith('workspace:'))
            continue;
        const ident = read_text(value[0]) ?? '';
        const at = ident.indexOf('@', 1);
        const name = at < 0 ? ident : ident.slice(0, at);
        const info = value.find(isRecord);
        const deps = [...dependencySpecs(info, PACKAGE_FIELDS)].map(([dep, spec]) => resolveFrom(packagePath(installKey), dep, spec));
        // Strings are the ident, registry, integrity or git tag; the info object only repeats ranges.
        const identity = value.filter((part) => typeof part === 'string').join(' ');
        graph.nodes.set(`package:${installKey}`, { name, version: ident.slice(at + 1), identity, deps });
    }
    for (const [dir, workspace] of workspaces) {
        const name = read_text(field(workspace, 'name')) ?? dir;
        const version = read_text(field(workspace, 'version')) ?? '';
        // Packages installed for one workspace only are nested under its name.
        const prefix = dir === '' ? [] : packagePath(name);
        const deps = [...dependencySpecs(workspace, WORKSPACE_FIELDS)].map(([dep, spec]) => resolveFrom(prefix, dep, spec));
        graph.nodes.set(`workspace:${dir}`, { name, version, identity: `workspace ${name}@${version}`, deps });
    }
    for (const project of projects) {
        if (workspaces.has(project.dir))
            graph.roots.set(project.name, `workspace:${project.dir}`);
    }
    return graph;
}
function firstOf(value) {
    return Array.isArray(value) ? value[0] : undefined;
}
/** `@scope/a/b/@x/c` -> ['@scope/a', 'b', '@x/c']. */
function packagePath(installKey) {
    const names = [];
    const parts = installKey.split('/');
    for (let i = 0; i < parts.length; i++) {
        names.push(parts[i].startsWith('@') && i + 1 < parts.length ? `${parts[i]}/${parts[++i]}` : parts[i]);
    }
    return names;
}
/** JSONC to JSON: drops comments, then trailing commas, never touching strings. Linear on any input. */
function stripJsonc(source) {
    return dropTrailingCommas(dropComments(source));
}
/** Index just past the string whose opening quote is at `start` (the end of the text if unterminated). */
function skipString(text, start) {
    for (let i = start + 1; i < text.length; i++) {
        const char = text[i];
        if (char === '\\')
            i++;
        else if (char === '"')
            return i + 1;
    }
    return text.length;
}
function dropComments(text) {
    let out = '';
    let from = 0;
    for (let i = 0; i < text.length;) {
        if (text[i] === '"')
            i = skipString(text, i);
        else if (text[i] === '/' && (text[i + 1] === '/' || text[i + 1] === '*')) {
            const line = text[i + 1] === '/';
            const end = line ? text.indexOf('\n', i) : text.indexOf('*/', i + 2);
            out += `${text.slice(from, i)} `;
            i = from = end < 0 ? text.length : line ? end : end + 2;
        }
        else
            i++;
    }
    return out + text.slice(from);
}
function dropTrailingCommas(text) {
    let out = '';
    let from = 0;
    for (let i = 0; i < text.length;) {
        if (text[i] === '"') {
            i = skipString(text, i);
            continue;
        }
        if (text[i] === ',') {
            let next = i + 1;
            while (next < text.length && /\s/.test(text[next]))
                next++;
            if (text[next] === '}' || text[next] === ']') {
                out += text.slice(from, i);
                from = i + 1;
            }
            i = next;
            continue;
        }
        i++;
    }
    return out + text.slice(from);
}

;// CONCATENATED MODULE: ./actions/affected/src/lockfiles/cargo.ts
/**
 * Cargo.lock (TOML), versions 1-4. Every crate is a `[[package]]` with name, version, source
 * (absent for workspace and path crates) and checksum (v3+, or `[metadata]` `checksum ...` lines in
 * v1/v2). `dependencies` entries are `name`, `name version` or `name version (source)`: just enough to
 * tell apart crates that share a name. Normal, dev and build dependencies are all listed together.
 */



function parseCargoLock(source, projects) {
    const lock = (0,dist/* parse */.qg)(source);
    const version = field(lock, 'version');
    if (version !== undefined && !(typeof version === 'number' && version >= 1 && version <= 4)) {
        throw new LockfileError(`unsupported version ${JSON.stringify(version)}`);
    }
    const list = field(lock, 'package') ?? [];
    if (!Array.isArray(list))
        throw new LockfileError('`package` is not an array of tables');
    const metadata = entries(field(lock, 'metadata'));
    const byName = new Map();
    const crates = [];
    for (const data of list) {
        if (!isRecord(data))
            continue;
        const name = read_text(field(data, 'name'));
        const crateVersion = read_text(field(data, 'version'));
        if (name === undefined || crateVersion === undefined)
            throw new LockfileError('a [[package]] has no name or version');
        const crateSource = read_text(field(data, 'source')) ?? '';
        const crate = {
            key: `${name} ${crateVersion} ${crateSource}`,
            name,
            version: crateVersion,
            source: crateSource,
        };
        const same = byName.get(name);
        if (same)
            same.push(crate);
        else
            byName.set(name, [crate]);
        crates.push([crate, data]);
    }
    const graph = emptyGraph();
    const resolve = (entry) => {
        const match = entry.match(/^(\S+)(?: (\S+))?(?: \((.+)\))?$/);
        const [name, depVersion, depSource] = match
            ? [match[1], match[2], match[3]]
            : [entry, undefined, undefined];
        const found = (byName.get(name) ?? []).filter((crate) => (depVersion === undefined || crate.version === depVersion) &&
            (depSource === undefined || crate.source === depSource));
        return found.length === 1 ? found[0].key : unresolved(graph, name, entry);
    };
    for (const [crate, data] of crates) {
        const deps = (Array.isArray(field(data, 'dependencies')) ? field(data, 'dependencies') : [])
            .map((entry) => read_text(entry))
            .filter((entry) => entry !== undefined)
            .map(resolve);
        const legacyChecksum = metadata.get(`checksum ${crate.name} ${crate.version} (${crate.source})`);
        const checksum = read_text(field(data, 'checksum')) ?? read_text(legacyChecksum) ?? '';
        const identity = `${crate.name}@${crate.version} ${crate.source} ${checksum}`;
        graph.nodes.set(crate.key, { name: crate.name, version: crate.version, identity, deps });
    }
    for (const project of projects) {
        // Workspace crates have no source; their names are unique in a workspace.
        const crate = (byName.get(project.name) ?? []).find((candidate) => candidate.source === '');
        if (crate)
            graph.roots.set(project.name, crate.key);
    }
    return graph;
}

;// CONCATENATED MODULE: ./actions/affected/src/lockfiles/go.ts
/**
 * go.sum and go.work.sum, read with the modules' go.mod `require`/`replace` directives.
 *
 * go.sum has no edges: it is a list of `module version hash` lines (`version/go.mod` for the go.mod
 * file's hash). Since go 1.17 a go.mod requires every module its build needs (`// indirect` included),
 * so a module's closure is its requirements (after `replace`) with their go.sum hashes. Without a
 * go.mod, or with `go` older than 1.17, every go.sum entry counts.
 *
 * - go.sum belongs to the module in its folder.
 * - go.work.sum belongs to all modules of the workspace; an entry counts for a module that requires its
 *   module path at any version, since the workspace may select a higher version than one go.mod asks for.
 */

function parseGoSum(source, projects, manifests, scope) {
    const graph = emptyGraph();
    const hashes = new Map();
    const lines = source.split(/\r?\n/);
    for (let number = 1; number <= lines.length; number++) {
        const line = lines[number - 1].trim();
        if (line === '')
            continue;
        const parts = line.split(/\s+/);
        if (parts.length !== 3 || !/^v\d/.test(parts[1]) || !/^[\w-]+:/.test(parts[2])) {
            throw new LockfileError(`line ${number} is not "module version hash"`);
        }
        const [path, version, hash] = parts;
        const key = `${path}@${version.replace(/\/go\.mod$/, '')}`;
        const list = hashes.get(key);
        if (list)
            list.push(`${version} ${hash}`);
        else
            hashes.set(key, [`${version} ${hash}`]);
    }
    const moduleNode = (key) => {
        if (!graph.nodes.has(key)) {
            const at = key.lastIndexOf('@');
            const identity = `${key} ${[...(hashes.get(key) ?? [])].sort().join(' ')}`;
            graph.nodes.set(key, { name: key.slice(0, at), version: key.slice(at + 1), identity, deps: [] });
        }
        return key;
    };
    const owners = scope === 'module' ? projects.filter((project) => project.dir === '') : projects;
    for (const project of owners) {
        const goMod = manifests.get(project.dir);
        const requirements = goMod === undefined ? undefined : readGoMod(goMod);
        let deps;
        if (requirements === undefined)
            deps = [...hashes.keys()].map(moduleNode);
        else if (scope === 'module')
            deps = requirements.map((req) => moduleNode(`${req.path}@${req.version}`));
        else {
            const paths = new Set(requirements.map((req) => req.path));
            deps = [...hashes.keys()]
                .filter((key) => paths.has(key.slice(0, key.lastIndexOf('@'))))
                .map(moduleNode);
        }
        const key = `module:${project.dir}`;
        graph.nodes.set(key, { name: project.name, version: '', identity: `module ${project.name}`, deps });
        graph.roots.set(project.name, key);
    }
    return graph;
}
/**
 * The modules a go.mod builds with: `require` after `replace` (local-path replacements are workspace
 * links, tracked by the project graph, not by go.sum). Undefined when the go.mod predates go 1.17 and
 * so does not list indirect requirements.
 */
function readGoMod(source) {
    const requires = [];
    const replaces = new Map();
    let block;
    let goVersion = [];
    for (const raw of source.split(/\r?\n/)) {
        const line = raw.replace(/\/\/.*$/, '').trim();
        if (line === '')
            continue;
        if (block !== undefined && line === ')') {
            block = undefined;
            continue;
        }
        let tokens = line.split(/\s+/).map((token) => token.replace(/^"(.*)"$/, '$1'));
        let directive = block;
        if (directive === undefined) {
            directive = tokens[0];
            tokens = tokens.slice(1);
            if (tokens[0] === '(') {
                block = directive;
                continue;
            }
        }
        if (directive === 'go')
            goVersion = (tokens[0] ?? '').split('.').map(Number);
        else if (directive === 'require' && tokens.length >= 2)
            requires.push({ path: tokens[0], version: tokens[1] });
        else if (directive === 'replace') {
            const arrow = tokens.indexOf('=>');
            if (arrow < 1)
                throw new LockfileError(`go.mod: bad replace "${line.slice(0, 80)}"`);
            const from = arrow === 2 ? `${tokens[0]}@${tokens[1]}` : tokens[0];
            const [to, toVersion] = tokens.slice(arrow + 1);
            replaces.set(from, toVersion === undefined || /^\.{0,2}\//.test(to ?? '') ? 'local' : { path: to, version: toVersion });
        }
    }
    const [major = 0, minor = 0] = goVersion;
    if (major < 1 || (major === 1 && minor < 17))
        return undefined;
    const effective = [];
    for (const req of requires) {
        const replacement = replaces.get(`${req.path}@${req.version}`) ?? replaces.get(req.path);
        if (replacement === undefined)
            effective.push(req);
        else if (replacement !== 'local')
            effective.push(replacement);
    }
    return effective;
}

;// CONCATENATED MODULE: ./actions/affected/src/lockfiles/npm.ts
/**
 * package-lock.json / npm-shrinkwrap.json, versions 1, 2 and 3.
 *
 * v2/v3 list every installed folder under `packages`, keyed by path (`node_modules/a/node_modules/b`);
 * a dependency resolves as Node does, from the nearest `node_modules` up the path. Workspace folders
 * are keys without `node_modules` and are linked from `node_modules/<name>` with `link: true`.
 * v1 nests the same tree under `dependencies` with `requires`; it is flattened into the same paths.
 */



const INSTALLED_FIELDS = ['dependencies', 'optionalDependencies', 'peerDependencies'];
/** Real install trees are a few dozen levels deep; deeper ones are hostile and cost quadratic time. */
const npm_MAX_DEPTH = 256;
const PROJECT_FIELDS = [
    'dependencies',
    'devDependencies',
    'optionalDependencies',
    'peerDependencies',
];
function parseNpmLock(source, projects) {
    const lock = JSON.parse(source);
    if (!isRecord(lock))
        throw new LockfileError('not a JSON object');
    const version = field(lock, 'lockfileVersion');
    const packages = field(lock, 'packages');
    let folders;
    if (isRecord(packages) && (version === 2 || version === 3))
        folders = readPackages(packages);
    else if (version === 1 || (version === undefined && isRecord(field(lock, 'dependencies')))) {
        folders = readV1(lock);
    }
    else
        throw new LockfileError(`unsupported lockfileVersion ${JSON.stringify(version)}`);
    const graph = emptyGraph();
    const targets = new Map();
    const target = (path) => {
        const known = targets.get(path);
        if (known !== undefined)
            return known;
        // Links point at another folder of the lockfile; follow them (bounded: links to links are rare).
        let resolved = path;
        for (let hops = 0; hops < 8; hops++) {
            const entry = folders.get(resolved);
            const link = field(entry.data, 'link') === true ? read_text(field(entry.data, 'resolved')) : undefined;
            const linked = link === undefined ? undefined : joinPath('', link);
            if (linked === undefined || !folders.has(linked))
                break;
            resolved = linked;
        }
        targets.set(path, resolved);
        return resolved;
    };
    for (const [path, entry] of folders) {
        if (path !== target(path))
            continue;
        const deps = [];
        for (const [dep, spec] of entry.specs) {
            const found = resolveFrom(folders, path, dep);
            // Not installed (an optional dependency for another platform, a peer left out): its spec still counts.
            deps.push(found === undefined ? unresolved(graph, dep, spec) : target(found));
        }
        graph.nodes.set(path, nodeFor(path, entry, deps));
    }
    for (const project of projects) {
        const key = folders.has(project.dir) ? target(project.dir) : linkedFrom(folders, project.name, target);
        if (key !== undefined)
            graph.roots.set(project.name, key);
    }
    return graph;
}
function nodeFor(path, entry, deps) {
    const version = read_text(field(entry.data, 'version')) ?? '';
    const installed = path.includes('node_modules/');
    // Where a package is installed is not part of its identity: hoisting moves it without changing it.
    const identity = installed
        ? [
            `${entry.name}@${version}`,
            read_text(field(entry.data, 'resolved')) ?? '',
            read_text(field(entry.data, 'integrity')) ?? '',
        ].join(' ')
        : `workspace ${entry.name}@${version}`;
    return { name: entry.name, version, identity, deps };
}
function readPackages(packages) {
    const folders = new Map();
    for (const [path, data] of entries(packages)) {
        if (!isRecord(data))
            continue;
        // Resolution walks up the path folder by folder: a path of thousands of folders is hostile.
        if (path.split('/').length > 4 * npm_MAX_DEPTH) {
            throw new LockfileError(`an install path has more than ${4 * npm_MAX_DEPTH} folders`);
        }
        const installed = path.lastIndexOf('node_modules/');
        const name = read_text(field(data, 'name')) ?? (installed >= 0 ? path.slice(installed + 'node_modules/'.length) : path);
        const fields = installed >= 0 ? INSTALLED_FIELDS : PROJECT_FIELDS;
        folders.set(path, { name, data, specs: dependencySpecs(data, fields) });
    }
    if (!folders.has(''))
        throw new LockfileError('`packages` has no root entry ""');
    return folders;
}
/** Flattens the v1 tree into v2 paths; `requires` are the edges. Iterative: the tree can be deep. */
function readV1(lock) {
    const folders = new Map();
    const rootName = read_text(field(lock, 'name')) ?? '';
    const top = entries(field(lock, 'dependencies'));
    // v1 does not say which packages the root itself requires: everything at the top level is installed for it.
    const rootSpecs = new Map([...top].map(([name, data]) => [name, read_text(field(data, 'version')) ?? '']));
    folders.set('', { name: rootName, data: lock, specs: rootSpecs });
    const pending = [['', top, 1]];
    while (pending.length > 0) {
        const [parent, children, depth] = pending.pop();
        if (depth > npm_MAX_DEPTH)
            throw new LockfileError(`dependencies nested deeper than ${npm_MAX_DEPTH} levels`);
        for (const [name, data] of children) {
            if (!isRecord(data))
                continue;
            const path = parent === '' ? `node_modules/${name}` : `${parent}/node_modules/${name}`;
            const linkTarget = read_text(field(data, 'version'))?.match(/^file:(.*)$/)?.[1];
            const specs = new Map();
            for (const [dep, spec] of entries(field(data, 'requires')))
                specs.set(dep, read_text(spec) ?? '');
            folders.set(path, {
                name,
                data: linkTarget === undefined ? data : { ...data, version: '', resolved: `file:${linkTarget}` },
                specs,
            });
            pending.push([path, entries(field(data, 'dependencies')), depth + 1]);
        }
    }
    return folders;
}
/** Node's lookup: `<path>/node_modules/<dep>`, then each parent folder up to the root. */
function resolveFrom(folders, path, dep) {
    let dir = path;
    for (;;) {
        const candidate = dir === '' ? `node_modules/${dep}` : `${dir}/node_modules/${dep}`;
        if (folders.has(candidate))
            return candidate;
        if (dir === '')
            return undefined;
        const slash = dir.lastIndexOf('/');
        dir = slash < 0 ? '' : dir.slice(0, slash);
    }
}
/** v1 links a workspace through a `file:` entry; the project is that entry. */
function linkedFrom(folders, name, target) {
    const path = `node_modules/${name}`;
    const entry = folders.get(path);
    if (entry === undefined || !read_text(field(entry.data, 'resolved'))?.startsWith('file:'))
        return undefined;
    return target(path);
}

;// CONCATENATED MODULE: ./actions/affected/src/lockfiles/pnpm.ts
/**
 * pnpm-lock.yaml, lockfile versions 5.x (pnpm 5-7), 6.x (pnpm 8) and 9.0 (pnpm 9+).
 *
 * `importers` are keyed by project folder ('.' = root; a lockfile without `importers` is one root
 * importer at the top level). Package keys by version:
 *   5.x  `/name/1.0.0_peer@2.0.0`      importer deps: `name: 1.0.0_peer@2.0.0`
 *   6.x  `/name@1.0.0(peer@2.0.0)`     importer deps: `name: { specifier, version: 1.0.0(peer@2.0.0) }`
 *   9.0  `name@1.0.0(peer@2.0.0)` in `snapshots` (dependencies), `name@1.0.0` in `packages` (resolution)
 * A dependency's reference may also be a whole key (aliases, git/tarball deps) or `link:<relative dir>`.
 * pnpm 11+ may write two `---`-separated documents: an env document (pnpm's own binaries, config
 * dependencies) first, the project graph last. The graph is read from the last document, as pnpm's
 * documentation says to.
 */




const IMPORTER_FIELDS = ['dependencies', 'devDependencies', 'optionalDependencies'];
const pnpm_PACKAGE_FIELDS = ['dependencies', 'optionalDependencies'];
/** Key prefix of the node for a workspace package reached through a `link:` (its folder follows). */
const LINKED_PREFIX = '\0linked:';
function parsePnpmLock(source, projects) {
    const lock = parseFastYaml(lastDocument(source));
    if (!isRecord(lock))
        throw new LockfileError('not a YAML mapping');
    const version = Number.parseFloat(read_text(field(lock, 'lockfileVersion')) ?? '');
    if (!(version >= 5 && version < 10)) {
        throw new LockfileError(`unsupported lockfileVersion ${JSON.stringify(field(lock, 'lockfileVersion'))}`);
    }
    const packages = entries(field(lock, 'packages'));
    // 9.0 splits a package into `packages` (resolution, by name@version) and `snapshots` (deps, peer-suffixed).
    const snapshots = version >= 9 ? entries(field(lock, 'snapshots')) : packages;
    const importers = isRecord(field(lock, 'importers'))
        ? entries(field(lock, 'importers'))
        : new Map([['.', lock]]);
    const nameByDir = new Map(projects.map((project) => [project.dir, project.name]));
    const graph = emptyGraph();
    // NUL cannot appear in a lockfile key, so importer nodes never collide with package entries.
    const importerKey = (dir) => `\0importer:${dir}`;
    // A workspace package reached through a link brings its production dependencies, not its
    // devDependencies (which affect only that package, and through the project graph its dependents).
    const linkedKey = (dir) => `${LINKED_PREFIX}${dir}`;
    const resolve = (name, ref, fromDir) => {
        if (ref.startsWith('link:')) {
            const dir = joinPath(fromDir ?? '', ref.slice('link:'.length));
            if (dir !== undefined && importers.has(dir || '.'))
                return linkedKey(dir || '.');
        }
        for (const key of [`/${name}/${ref}`, `/${name}@${ref}`, `${name}@${ref}`, ref]) {
            if (snapshots.has(key))
                return key;
        }
        return unresolved(graph, name, ref);
    };
    for (const [key, snapshot] of snapshots) {
        const { name, version: resolved } = pnpm_splitKey(key);
        const metadata = version >= 9 ? packages.get(stripPeers(key)) : snapshot;
        const resolution = JSON.stringify(field(metadata, 'resolution') ?? null);
        const deps = [...dependencySpecs(snapshot, pnpm_PACKAGE_FIELDS)].map(([dep, ref]) => resolve(dep, ref, undefined));
        // Peers are left out of the identity: they are resolved dependencies, compared as such. This also
        // keeps identities equal across 5.x/6.x/9.0 key styles, so a lockfile format upgrade affects nothing.
        const identity = `${name}@${withoutPeers(resolved)} ${resolution}`;
        graph.nodes.set(key, { name, version: resolved, identity, deps });
    }
    for (const [dir, importer] of importers) {
        const localDir = dir === '.' ? '' : dir;
        const deps = [...dependencySpecs(importer, IMPORTER_FIELDS)].map(([dep, ref]) => resolve(dep, ref, localDir));
        const name = nameByDir.get(localDir) ?? dir;
        graph.nodes.set(importerKey(dir), { name, version: '', identity: `importer ${name}`, deps });
        const production = [...dependencySpecs(importer, pnpm_PACKAGE_FIELDS)].map(([dep, ref]) => resolve(dep, ref, localDir));
        graph.nodes.set(linkedKey(dir), { name, version: '', identity: `linked ${name}`, deps: production });
    }
    for (const project of projects) {
        const key = importerKey(project.dir === '' ? '.' : project.dir);
        if (graph.nodes.has(key))
            graph.roots.set(project.name, key);
    }
    return graph;
}
/** `1.0.0(react@18.2.0)` or (5.x) `1.0.0_react@18.2.0` -> `1.0.0`. */
function withoutPeers(version) {
    return version.replace(/[(_].*$/, '');
}
function stripSlash(key) {
    return key.startsWith('/') ? key.slice(1) : key;
}
/** `name@1.0.0(react@18.2.0)` -> `name@1.0.0`; v5 suffixes (`_react@18.2.0`) stay: v5 has no split. */
function stripPeers(key) {
    const paren = key.indexOf('(');
    return paren < 0 ? key : key.slice(0, paren);
}
/** Name and version (with peers) of a package key in any of the three layouts, for reasons. */
function pnpm_splitKey(key) {
    const bare = stripSlash(key);
    // The name ends at the first `@` (6.x, 9.0) or `/` (5.x) after the scope.
    const start = bare.startsWith('@') ? bare.indexOf('/') + 1 : 0;
    const end = bare.slice(start).search(/[@/]/);
    if (start === 0 && bare.startsWith('@'))
        return { name: bare, version: '' };
    if (end < 0)
        return { name: bare, version: '' };
    return { name: bare.slice(0, start + end), version: bare.slice(start + end + 1) };
}
/** The last non-empty document of a YAML stream (documents start at a `---` line). */
function lastDocument(source) {
    const documents = source.split(/^---[ \t]*(?:#.*)?\r?$/m);
    for (let i = documents.length - 1; i > 0; i--)
        if (/^[ \t]*[^\s#]/m.test(documents[i]))
            return documents[i];
    return documents[0];
}

;// CONCATENATED MODULE: ./actions/affected/src/lockfiles/yarn.ts
/**
 * yarn.lock: classic (v1, yarn's own indented text format) and berry (YAML with `__metadata`).
 *
 * Both key each resolved package by the descriptors (`name@range`, comma-joined) that resolve to it;
 * a dependency `name: range` is found by its descriptor. Berry lists workspaces as `name@workspace:dir`
 * entries. Classic never lists workspaces, so each project's package.json says what it depends on;
 * a dependency on another project's name that the lockfile does not resolve is a workspace link.
 */



const yarn_PACKAGE_FIELDS = ['dependencies', 'optionalDependencies'];
const MANIFEST_FIELDS = ['dependencies', 'devDependencies', 'optionalDependencies'];
function parseYarnLock(source, projects, manifests) {
    return /^__metadata:/m.test(source)
        ? parseBerry(source, projects)
        : parseClassic(source, projects, manifests);
}
/** Name part of a descriptor `name@range` (`@scope/name@range` included). */
function descriptorName(descriptor) {
    const at = descriptor.indexOf('@', 1);
    return at < 0 ? descriptor : descriptor.slice(0, at);
}
/** Shared by both formats: one node per entry, every descriptor of the key pointing at it. */
function readEntries(lock, graph, identity) {
    const byDescriptor = new Map();
    for (const [key, data] of lock) {
        if (key === '__metadata' || !isRecord(data))
            continue;
        const descriptors = key.split(',').map((part) => part.trim().replace(/^"|"$/g, ''));
        // Berry's resolution names the real package even when the descriptor is an alias.
        const name = descriptorName(read_text(field(data, 'resolution')) ?? descriptors[0]);
        const version = read_text(field(data, 'version')) ?? '';
        graph.nodes.set(key, { name, version, identity: `${name}@${version} ${identity(data)}`, deps: [] });
        for (const descriptor of descriptors)
            byDescriptor.set(descriptor, key);
    }
    return byDescriptor;
}
function parseBerry(source, projects) {
    const lock = parseFastYaml(source);
    if (!isRecord(lock) || !isRecord(field(lock, '__metadata')))
        throw new LockfileError('no __metadata');
    const raw = entries(lock);
    const graph = emptyGraph();
    const byDescriptor = readEntries(raw, graph, (data) => [read_text(field(data, 'resolution')), read_text(field(data, 'checksum'))].join(' '));
    // Workspaces by name (for `workspace:^`-style ranges that no key spells) and by folder (projects).
    const workspaceByName = new Map();
    const workspaceByDir = new Map();
    for (const [key, data] of raw) {
        const resolution = read_text(field(data, 'resolution'));
        const match = resolution?.match(/^(.+?)@workspace:(.*)$/);
        if (!match)
            continue;
        workspaceByName.set(match[1], key);
        workspaceByDir.set(match[2] === '.' ? '' : match[2], key);
    }
    for (const [key, data] of raw) {
        const node = graph.nodes.get(key);
        if (node === undefined)
            continue;
        for (const [dep, range] of dependencySpecs(data, yarn_PACKAGE_FIELDS)) {
            // Ranges without a protocol default to npm: (older berry lockfiles omit it).
            const found = byDescriptor.get(`${dep}@${range}`) ??
                byDescriptor.get(`${dep}@npm:${range}`) ??
                (range.startsWith('workspace:') ? workspaceByName.get(dep) : undefined);
            node.deps.push(found ?? unresolved(graph, dep, range));
        }
    }
    for (const project of projects) {
        const key = workspaceByDir.get(project.dir);
        if (key !== undefined)
            graph.roots.set(project.name, key);
    }
    return graph;
}
function parseClassic(source, projects, manifests) {
    const lock = parseClassicText(source);
    const graph = emptyGraph();
    const byDescriptor = readEntries(lock, graph, (data) => [read_text(field(data, 'resolved')), read_text(field(data, 'integrity'))].join(' '));
    // NUL cannot appear in a lockfile key, so project nodes never collide with package entries.
    const projectKeys = new Map(projects.map((project) => [project.name, `\0project:${project.dir}`]));
    const resolve = (dep, range, fromProject) => byDescriptor.get(`${dep}@${range}`) ??
        (fromProject ? projectKeys.get(dep) : undefined) ??
        unresolved(graph, dep, range);
    for (const [key, data] of lock) {
        const node = graph.nodes.get(key);
        if (node === undefined)
            continue;
        for (const [dep, range] of dependencySpecs(data, yarn_PACKAGE_FIELDS))
            node.deps.push(resolve(dep, range, false));
    }
    if (manifests.size === 0 && projects.length > 0) {
        throw new LockfileError("yarn.lock v1 does not record what each workspace uses, and no project's package.json was given");
    }
    for (const project of projects) {
        // A project without a package.json on this side does not exist there (added or removed in the change).
        const manifestText = manifests.get(project.dir);
        if (manifestText === undefined)
            continue;
        const manifest = readManifest(manifestText, project.name);
        const specs = dependencySpecs(manifest, MANIFEST_FIELDS);
        // Yarn classic does not install peers; a peer on a workspace project is still an edge.
        for (const [dep, range] of entries(field(manifest, 'peerDependencies'))) {
            if (projectKeys.has(dep) && !specs.has(dep))
                specs.set(dep, read_text(range) ?? '');
        }
        const deps = [...specs].map(([dep, range]) => resolve(dep, range, true));
        const key = projectKeys.get(project.name);
        const version = read_text(field(manifest, 'version')) ?? '';
        graph.nodes.set(key, {
            name: project.name,
            version,
            identity: `workspace ${project.name}@${version}`,
            deps,
        });
        graph.roots.set(project.name, key);
    }
    return graph;
}
function readManifest(source, project) {
    try {
        return JSON.parse(source);
    }
    catch {
        throw new LockfileError(`package.json of ${project} is not valid JSON`);
    }
}
/**
 * Yarn classic's format: top-level keys end with `:`, fields are `name value` or `name:` opening a
 * nested block, indented two spaces per level; values and keys may be JSON-quoted.
 */
function parseClassicText(source) {
    const root = new Map();
    // Stack of open blocks by indent level; level 0 is the file.
    const stack = [root];
    const lines = source.split(/\r?\n/);
    for (let number = 1; number <= lines.length; number++) {
        const line = lines[number - 1];
        if (line.trim() === '' || line.trimStart().startsWith('#'))
            continue;
        const indent = line.length - line.trimStart().length;
        if (indent % 2 !== 0 || indent / 2 >= stack.length) {
            throw new LockfileError(`yarn.lock v1 line ${number}: unexpected indentation`);
        }
        stack.length = indent / 2 + 1;
        const parent = stack[stack.length - 1];
        const content = line.trim();
        const set = (key, value) => {
            if (parent instanceof Map)
                parent.set(key, value);
            else
                Object.defineProperty(parent, key, { value, enumerable: true, writable: true, configurable: true });
        };
        if (content.endsWith(':')) {
            const block = {};
            // Top-level keys keep their raw descriptor list; nested keys are single (maybe quoted) names.
            set(indent === 0 ? content.slice(0, -1) : yarn_unquote(content.slice(0, -1), number), block);
            stack.push(block);
            continue;
        }
        if (indent === 0)
            throw new LockfileError(`yarn.lock v1 line ${number}: expected an entry ending with ':'`);
        const [key, rest] = splitToken(content, number);
        set(key, rest === '' ? true : yarn_unquote(rest, number));
    }
    return root;
}
function splitToken(content, number) {
    if (content.startsWith('"')) {
        const end = closingQuote(content, number);
        return [yarn_unquote(content.slice(0, end + 1), number), content.slice(end + 1).trim()];
    }
    const space = content.search(/\s/);
    return space < 0 ? [content, ''] : [content.slice(0, space), content.slice(space + 1).trim()];
}
function closingQuote(content, number) {
    for (let i = 1; i < content.length; i++) {
        if (content[i] === '\\')
            i++;
        else if (content[i] === '"')
            return i;
    }
    throw new LockfileError(`yarn.lock v1 line ${number}: unterminated string`);
}
function yarn_unquote(value, number) {
    if (!value.startsWith('"'))
        return value;
    try {
        const parsed = JSON.parse(value);
        if (typeof parsed === 'string')
            return parsed;
    }
    catch {
        // fall through to the error below
    }
    throw new LockfileError(`yarn.lock v1 line ${number}: bad string ${value.slice(0, 40)}`);
}

;// CONCATENATED MODULE: ./actions/affected/src/lockfiles/index.ts
/**
 * Per-project lockfile diffing: which workspace projects does a lockfile change actually affect?
 *
 * A project is affected exactly when its resolved dependency closure (transitive, through the lockfile's
 * own graph, workspace links followed) differs between before and after: a changed version, resolution
 * or integrity of any package it reaches, or an added or removed dependency. Metadata (specifiers,
 * `dev` flags, settings, `__metadata`) and packages the project does not reach do not count.
 *
 * Interface for callers:
 * - `projects`: the workspace projects of the lockfile's ecosystem (npm/pnpm/yarn/bun for JS lockfiles,
 *   crates for Cargo.lock, Go modules for go.sum/go.work.sum), dirs relative to the repository root.
 *   Projects outside the lockfile's folder are ignored (they use another lockfile).
 * - `extra.manifests` (optional, additive to the agreed interface): manifest texts by project dir,
 *   before and after the change:
 *   - yarn.lock v1 (classic) does not record what each workspace depends on, so it needs every
 *     project's `package.json`; without it the result is `unreadable`.
 *   - go.sum / go.work.sum: the module's `go.mod` narrows the change to the modules it requires
 *     (go 1.17+ lists every module it needs). Without it, any changed go.sum entry affects the module.
 * - Never throws: a format it cannot read is `{ kind: 'unreadable', reason }` naming what was wrong; the
 *   caller's documented fallback is to treat the lockfile as a global file for its ecosystem, with a warning.
 */









/** Larger lockfiles are refused rather than risk the runner's memory: real ones stay far below. */
const MAX_LOCKFILE_CHARS = 64 * 1024 * 1024;
const PARSERS = new Map([
    ['package-lock.json', parseNpmLock],
    ['npm-shrinkwrap.json', parseNpmLock],
    ['pnpm-lock.yaml', parsePnpmLock],
    ['yarn.lock', parseYarnLock],
    ['bun.lock', parseBunLock],
    ['Cargo.lock', parseCargoLock],
    ['go.sum', (source, projects, manifests) => parseGoSum(source, projects, manifests, 'module')],
    ['go.work.sum', (source, projects, manifests) => parseGoSum(source, projects, manifests, 'workspace')],
]);
/** `dir` relative to the lockfile's folder; undefined when outside it (another lockfile's project). */
function localTo(folder, dir) {
    return isInside(dir, folder) ? relativeTo(dir, folder) : undefined;
}
/** True for the lockfiles this module can diff, in any folder. */
function isLockfile(path) {
    return PARSERS.has(baseName(path));
}
/**
 * Which of `projects` the change of the lockfile at `path` (repo-relative) affects, each with a reason
 * such as `lockfile: lodash 4.17.20 -> 4.17.21`. `before`/`after` undefined: the lockfile was added or
 * removed, compared with an empty graph.
 */
function diffLockfile(path, before, after, projects, extra = {}) {
    const dir = dirOf(path);
    const parse = PARSERS.get(baseName(path));
    if (parse === undefined)
        return { kind: 'unreadable', reason: `${path} is not a lockfile this action can read` };
    if (before === after)
        return { kind: 'diffed', affected: new Map() };
    const local = [];
    for (const project of projects) {
        const localDir = localTo(dir, project.dir);
        if (localDir !== undefined)
            local.push({ name: project.name, dir: localDir });
    }
    const read = (source, side) => {
        if (source === undefined)
            return emptyGraph();
        if (source.length > MAX_LOCKFILE_CHARS) {
            return `${path} (${side}) is larger than ${MAX_LOCKFILE_CHARS / 1024 / 1024} MB`;
        }
        const manifests = new Map();
        for (const [projectDir, texts] of extra.manifests ?? []) {
            const localDir = localTo(dir, projectDir);
            const manifest = texts[side];
            if (localDir !== undefined && manifest !== undefined)
                manifests.set(localDir, manifest);
        }
        try {
            return parse(source, local, manifests);
        }
        catch (error) {
            if (error instanceof yaml/* YamlNotLoaded */.g0)
                throw error; // not a verdict on the file: see withYaml
            // Parser libraries throw SyntaxError/RangeError on malformed or hostile input: all mean "unreadable".
            const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
            const what = error instanceof LockfileError ? message : `cannot be parsed: ${message}`;
            return `${path} (${side}): ${what}`;
        }
    };
    const beforeGraph = read(before, 'before');
    if (typeof beforeGraph === 'string')
        return { kind: 'unreadable', reason: oneLine(beforeGraph) };
    const afterGraph = read(after, 'after');
    if (typeof afterGraph === 'string')
        return { kind: 'unreadable', reason: oneLine(afterGraph) };
    const affected = diffGraphs(beforeGraph, afterGraph, local.map((project) => project.name));
    if (before === undefined || after === undefined) {
        const change = before === undefined ? 'added' : 'removed';
        for (const name of affected.keys())
            affected.set(name, `lockfile: ${path} ${change}`);
    }
    return { kind: 'diffed', affected };
}

;// CONCATENATED MODULE: ./actions/affected/src/lockfile-changes.ts




/** The ecosystem whose projects a lockfile resolves. */
function lockfileEcosystem(path) {
    const name = baseName(path);
    return name === 'Cargo.lock' ? 'cargo' : name === 'go.sum' || name === 'go.work.sum' ? 'go' : 'js';
}
/**
 * Diffs each changed lockfile per project (the lockfile parsers decide whose resolved dependencies
 * changed). A lockfile they cannot read falls back, with a warning naming it and the projects taken,
 * to the projects it covers whose manifests declare an external dependency (only those can resolve
 * differently): too many jobs is recoverable, a missed one is not.
 */
function lockfileVerdicts(changes, base, head, 
/** Manifest text of a project at each revision (package.json for yarn classic, go.mod for go.sum). */
manifestOf) {
    const verdicts = { seeds: new Map(), warnings: [], notes: [] };
    for (const change of changes) {
        const ecosystem = lockfileEcosystem(change.path);
        const projects = head.projects.filter((p) => p.ecosystem === ecosystem);
        const manifests = new Map(projects.map((p) => {
            const before = base.byName.get(p.name);
            return [p.dir, { before: before && manifestOf(before, 'before'), after: manifestOf(p, 'after') }];
        }));
        const diff = diffLockfile(change.path, change.before, change.after, projects.map((p) => ({ name: p.name, dir: p.dir })), { manifests });
        let affected;
        if (diff.kind === 'unreadable') {
            const reason = `lockfile ${change.path} changed and could not be diffed`;
            const names = projects
                .filter((p) => isInside(p.dir, dirOf(change.path)))
                .filter((p) => declaresExternal(p, manifestOf(p, 'after'), head))
                .map((p) => p.name);
            affected = new Map(names.map((name) => [name, reason]));
            verdicts.warnings.push(`Lockfile ${change.path} could not be diffed (${diff.reason}); fell back to the ${names.length} ${ecosystem} project(s) it covers whose manifests declare external dependencies${names.length ? `: ${names.slice(0, 20).join(', ')}${names.length > 20 ? ', …' : ''}` : ''}.`);
        }
        else
            affected = diff.affected;
        verdicts.notes.push(`${change.path}: ${affected.size ? `${affected.size} project(s) resolve different dependencies` : 'no project resolves different dependencies'}`);
        for (const [name, reason] of affected) {
            const reasons = verdicts.seeds.get(name);
            if (reasons)
                reasons.push(reason);
            else
                verdicts.seeds.set(name, [reason]);
        }
    }
    return verdicts;
}
const JS_DEPENDENCY_FIELDS = ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies'];
const LOCAL_SPEC = /^(workspace|link|file|portal):/;
/**
 * True when a project's manifest names a dependency from outside the repository (so a lockfile can
 * change what it resolves). A manifest that cannot be read counts as declaring one.
 */
function declaresExternal(project, text, workspace) {
    if (text === undefined)
        return true;
    const isProject = (name) => workspace.byName.get(name)?.ecosystem === project.ecosystem;
    try {
        if (project.ecosystem === 'go')
            return parseGoMod(project.manifest, text, project.dir).requires.some((m) => !isProject(m));
        if (project.ecosystem === 'cargo') {
            const toml = (0,dist/* parse */.qg)(text);
            const tables = ['dependencies', 'dev-dependencies', 'build-dependencies'].flatMap((t) => [
                toml[t],
                ...Object.values(asRecord(toml.target)).map((target) => asRecord(target)[t]),
            ]);
            // `workspace = true` may name a registry crate: counted as external.
            return tables.some((table) => Object.values(asRecord(table)).some((spec) => typeof asRecord(spec).path !== 'string'));
        }
        const json = JSON.parse(text);
        return JS_DEPENDENCY_FIELDS.some((field) => Object.entries(asRecord(json[field])).some(([name, spec]) => !(typeof spec === 'string' && LOCAL_SPEC.test(spec.trim())) && !isProject(name)));
    }
    catch {
        return true;
    }
}
const asRecord = (value) => value && typeof value === 'object' && !Array.isArray(value) ? value : {};

// EXTERNAL MODULE: ./shared/summary.ts
var shared_summary = __webpack_require__(6566);
;// CONCATENATED MODULE: ./actions/affected/src/report.ts

/** GitHub refuses a matrix with more jobs than this. */
const MATRIX_LIMIT = 256;
/** How many `matrix-N` outputs action.yml declares (outputs cannot be declared dynamically). */
const MATRIX_OUTPUTS = 8;
/** Most paths in the `changed-files` output; the summary says when it was cut. */
const MAX_CHANGED_FILES_OUTPUT = 5000;
/** Most projects drawn in the Mermaid graph: a bigger picture is unreadable and slow to render. */
const MAX_GRAPH_NODES = 60;
/** Every output of the action, matrices split at GitHub's 256-job limit. */
function buildOutputs(result) {
    const entries = result.projects.map((p) => ({ project: p.name, path: p.path, reason: p.reason }));
    const chunks = [];
    for (let i = 0; i < entries.length; i += MATRIX_LIMIT)
        chunks.push(entries.slice(i, i + MATRIX_LIMIT));
    const warnings = [];
    if (entries.length > MATRIX_LIMIT)
        warnings.push(`${entries.length} projects are affected, more than the ${MATRIX_LIMIT} jobs GitHub allows in one matrix: use matrix-1 to matrix-${Math.min(chunks.length, MATRIX_OUTPUTS)} (matrix-count = ${chunks.length}).`);
    if (chunks.length > MATRIX_OUTPUTS)
        warnings.push(`Only matrix-1 to matrix-${MATRIX_OUTPUTS} exist: the last ${entries.length - MATRIX_OUTPUTS * MATRIX_LIMIT} projects are in the projects and matrix outputs only.`);
    const values = {
        projects: result.projects.map((p) => p.name),
        matrix: { include: entries },
        count: entries.length,
        any: entries.length > 0,
        all: result.all,
        'changed-files': result.changedFiles.slice(0, MAX_CHANGED_FILES_OUTPUT),
        reasons: Object.fromEntries(result.projects.map((p) => [p.name, p.reason])),
        'matrix-count': chunks.length,
    };
    if (result.changedFiles.length > MAX_CHANGED_FILES_OUTPUT)
        warnings.push(`${result.changedFiles.length} files changed; the changed-files output holds the first ${MAX_CHANGED_FILES_OUTPUT}.`);
    for (let i = 0; i < MATRIX_OUTPUTS; i++)
        values[`matrix-${i + 1}`] = { include: chunks[i] ?? [] };
    return { values, warnings };
}
/** A Mermaid node id that no project name can break. */
const nodeId = (index) => `p${index}`;
const label = (text) => text.replace(/["<>`]/g, "'").slice(0, 80);
/** The links that made projects affected, changed projects highlighted; bounded in size. */
function affectedGraph(projects) {
    const edges = new Set();
    const nodes = new Map();
    const id = (name) => {
        if (!nodes.has(name))
            nodes.set(name, nodes.size);
        return nodeId(nodes.get(name));
    };
    for (const project of projects) {
        if (nodes.size >= MAX_GRAPH_NODES)
            break;
        if (project.via !== undefined)
            edges.add(`${id(project.via)} --> ${id(project.name)}`);
    }
    if (!edges.size)
        return undefined;
    const changed = projects.filter((p) => p.via === undefined && nodes.has(p.name)).map((p) => id(p.name));
    const lines = [
        'graph LR',
        ...[...nodes].map(([name, i]) => `  ${nodeId(i)}["${label(name)}"]`),
        ...[...edges].map((e) => `  ${e}`),
    ];
    if (changed.length)
        lines.push('  classDef changed fill:#ffd8a8,stroke:#e8590c', `  class ${changed.join(',')} changed`);
    return lines.join('\n');
}
const list = (summary, title, items, max = 200) => {
    if (!items.length)
        return;
    summary.details(`${title} (${items.length})`, (body) => {
        body.list(items.slice(0, max).map((item) => (0,shared_summary/* inlineCode */.ti)(item)));
        if (items.length > max)
            body.text(`… and ${items.length - max} more.`);
    });
};
/** The job summary: the decision first, then the table, then the evidence collapsed. */
function buildSummary(result, context) {
    const total = context.workspace.projects.length;
    const summary = new shared_summary/* Summary */.BD().heading('Affected projects');
    const decision = result.all
        ? `**All ${total} projects are affected**: global file ${(0,shared_summary/* inlineCode */.ti)(result.globalFiles[0])} changed.`
        : result.projects.length
            ? `**${result.projects.length} of ${total} projects affected** by ${result.changedFiles.length} changed path(s).`
            : `**No project is affected** (${total} projects, ${result.changedFiles.length} changed path(s)).`;
    summary.text(decision);
    summary.text(`Compared ${(0,shared_summary/* inlineCode */.ti)(context.base.slice(0, 12))}..${(0,shared_summary/* inlineCode */.ti)(context.head.slice(0, 12))}: ${(0,shared_summary/* escapeMarkdown */.FV)(context.rule)}.`);
    for (const warning of context.warnings)
        summary.text(`> [!WARNING]\n> ${(0,shared_summary/* escapeMarkdown */.FV)(warning)}`);
    if (result.projects.length) {
        const shown = result.projects.slice(0, 500);
        summary.table(['Project', 'Path', 'Why'], shown.map((p) => [(0,shared_summary/* inlineCode */.ti)(p.name), (0,shared_summary/* inlineCode */.ti)(p.path), (0,shared_summary/* escapeMarkdown */.FV)(p.reason)]));
        if (result.projects.length > shown.length)
            summary.text(`… and ${result.projects.length - shown.length} more (see the projects output).`);
        const graph = affectedGraph(result.projects);
        if (graph)
            summary.details('How changes reached the dependents', (body) => body.mermaid(graph));
    }
    if (result.moved.length)
        summary.details(`Moved projects (${result.moved.length})`, (body) => body.list(result.moved.map((m) => `${(0,shared_summary/* inlineCode */.ti)(m.name)}: ${(0,shared_summary/* inlineCode */.ti)(m.from)} → ${(0,shared_summary/* inlineCode */.ti)(m.to)}`)));
    list(summary, 'Removed projects', result.removed);
    if (result.cycles.length)
        summary.details(`Dependency cycles (${result.cycles.length}), each built as one unit`, (body) => body.list(result.cycles.map((cycle) => cycle.map(shared_summary/* inlineCode */.ti).join(' ↔ '))));
    if (context.lockfileNotes.length)
        summary.details('Lockfiles', (body) => body.list(context.lockfileNotes.map(shared_summary/* escapeMarkdown */.FV)));
    list(summary, 'Changed files', result.changedFiles);
    list(summary, 'Files ignored as non-inputs of their project', result.nonInputs.map(([file, project]) => `${file} (${project})`));
    list(summary, 'Changed files no project owns (they affect no project)', result.unowned);
    list(summary, 'Files dropped by the ignore input', result.ignoredFiles);
    return summary;
}

;// CONCATENATED MODULE: ./actions/affected/src/go-embed.ts


/** Most Go source files read to look for `//go:embed`; past it, embedded files count as non-inputs. */
const MAX_GO_FILES = 2000;
/**
 * The Go files that could embed one of `paths`: `//go:embed` patterns are relative to the package
 * folder and cannot use `..`, so only .go files in a path's own folder and its parents, up to the
 * module root, can name it. Returns them with the paths they could embed.
 */
function embedCandidates(paths, goModules, files) {
    const goFilesIn = new Map();
    const candidates = new Map();
    const relevant = paths.filter((p) => !p.endsWith('.go') && goModules.some((m) => isInside(p, m.dir)));
    if (!relevant.length)
        return candidates;
    for (const file of files) {
        if (!file.endsWith('.go') || file.endsWith('_test.go'))
            continue;
        const list = goFilesIn.get(dirOf(file));
        if (list)
            list.push(file);
        else
            goFilesIn.set(dirOf(file), [file]);
    }
    for (const path of relevant) {
        const module = goModules
            .filter((m) => isInside(path, m.dir))
            .sort((a, b) => b.dir.length - a.dir.length)[0];
        for (let dir = dirOf(path); isInside(dir, module.dir); dir = dirOf(dir)) {
            for (const goFile of goFilesIn.get(dir) ?? []) {
                if (!candidates.has(goFile) && candidates.size >= MAX_GO_FILES)
                    return candidates;
                candidates.set(goFile, [...(candidates.get(goFile) ?? []), path]);
            }
            if (dir === module.dir || dir === '')
                break;
        }
    }
    return candidates;
}
/** The patterns of the `//go:embed` directives in a Go source file. */
function embedPatterns(source) {
    const patterns = [];
    for (const match of source.matchAll(/^\s*\/\/go:embed\s+(.+)$/gm)) {
        for (const word of match[1].match(/"[^"]*"|`[^`]*`|\S+/g) ?? [])
            patterns.push(word.replace(/^["`]|["`]$/g, '').replace(/^all:/, ''));
    }
    return patterns;
}
/**
 * Which of the candidate paths the Go files embed: a pattern names files or folders (a folder embeds
 * everything below it) relative to the file's package folder.
 */
function embeddedFiles(candidates, sources) {
    const embedded = new Set();
    for (const [goFile, paths] of candidates) {
        const source = sources.get(goFile);
        if (!source?.includes('//go:embed'))
            continue;
        const packageDir = dirOf(goFile);
        for (const pattern of embedPatterns(source)) {
            if (pattern.includes('..') || pattern.startsWith('/'))
                continue;
            const glob = (0,shared_glob/* compileGlob */.S)(`/${pattern.replace(/\/+$/, '')}`, 'go:embed');
            for (const path of paths) {
                const rel = relativeTo(path, packageDir);
                const parts = rel.split('/');
                // The file itself, or any folder above it, matching the pattern.
                if (parts.some((_, i) => glob.matches(parts.slice(0, i + 1).join('/'))))
                    embedded.add(path);
            }
        }
    }
    return embedded;
}

;// CONCATENATED MODULE: ./actions/affected/src/lockfile-links.ts
// Workspace links that only the pnpm lockfile shows: an external package whose peer is a workspace
// package (pnpm `overrides: {vite: 'workspace:*'}` makes `@vitejs/plugin-vue@6(vite@packages+vite)` link
// `vite: link:packages/vite`). The project installing that package builds with the workspace one, so
// it is a dependent of it, although its package.json does not name it.


/** True when a pnpm lockfile may hold such links (a `link:` among the packages), without parsing it. */
function mayLinkThroughPackages(text) {
    const section = Math.max(text.lastIndexOf('\nsnapshots:'), text.lastIndexOf('\npackages:'));
    return section >= 0 && text.includes(' link:', section);
}
/**
 * Adds to `workspace` a `lockfile` link from each JS project to every workspace project it reaches
 * through external packages of the pnpm lockfile at `path` (the lockfile's own links to importers,
 * which its package.json declares, are edges already). Returns how many links it added.
 */
function addLockfileLinks(workspace, path, text) {
    const folder = dirOf(path);
    const projects = workspace.projects.filter((p) => p.ecosystem === 'js' && isInside(p.dir, folder));
    const local = projects.map((p) => ({ name: p.name, dir: relativeTo(p.dir, folder) }));
    const graph = parsePnpmLock(text, local);
    const nameByKey = new Map();
    for (const project of local)
        nameByKey.set(`${LINKED_PREFIX}${project.dir || '.'}`, project.name);
    let added = 0;
    for (const project of projects) {
        const root = graph.roots.get(project.name);
        if (root === undefined)
            continue;
        // Breadth first through external packages only: a linked importer ends the walk (its own
        // dependencies are its business, and the project graph carries them).
        const seen = new Set(graph.nodes.get(root)?.deps.filter((key) => !nameByKey.has(key)));
        const queue = [...seen];
        for (let i = 0; i < queue.length; i++) {
            for (const key of graph.nodes.get(queue[i])?.deps ?? []) {
                if (seen.has(key))
                    continue;
                seen.add(key);
                const target = nameByKey.get(key);
                if (target === undefined)
                    queue.push(key);
                else if (target !== project.name && !project.links.some((l) => l.name === target)) {
                    project.links.push({ name: target, kind: 'lockfile peer link' });
                    added++;
                }
            }
        }
    }
    return added;
}

;// CONCATENATED MODULE: ./actions/affected/src/tsconfig.ts

const CONFIG_NAME = /^[jt]sconfig[^/]*\.json$/;
/** The tsconfig/jsconfig files of a file list: what `readers` needs to read. */
function configFiles(files) {
    return files.filter((path) => CONFIG_NAME.test(baseName(path)) && !/(^|\/)node_modules\//.test(path));
}
/** True when a changed path may be a shared TypeScript configuration (worth reading the configs for). */
const mayBeConfig = (path) => /\.json$/.test(path) && baseName(path) !== 'package.json';
/**
 * Which projects read each of `changed` through tsconfig `extends` chains: changed path -> project
 * names, sorted. `texts` holds the config files (JSON with comments) at head.
 */
function readers(changed, texts, workspace, owners) {
    const extendsOf = new Map();
    for (const [file, text] of texts)
        if (text !== undefined)
            extendsOf.set(file, extended(file, text, workspace));
    const wanted = new Set(changed);
    const result = new Map();
    for (const file of texts.keys()) {
        const projects = owners.of(file).filter((p) => p.ecosystem === 'js' || p.ecosystem === 'custom');
        if (!projects.length)
            continue;
        // Follow the chain from this project's config; the visited set ends loops.
        const seen = new Set([file]);
        const queue = [...(extendsOf.get(file) ?? [])];
        for (let i = 0; i < queue.length; i++) {
            const next = queue[i];
            if (seen.has(next))
                continue;
            seen.add(next);
            if (wanted.has(next)) {
                const names = result.get(next) ?? new Set();
                for (const project of projects)
                    names.add(project.name);
                result.set(next, names);
            }
            queue.push(...(extendsOf.get(next) ?? []));
        }
    }
    return new Map([...result].map(([file, names]) => [file, [...names].sort()]));
}
/** The repository files a config extends: relative paths, and specifiers naming a workspace package. */
function extended(file, text, workspace) {
    let json;
    try {
        json = JSON.parse(stripJsonComments(text));
    }
    catch {
        return [];
    }
    const value = json && typeof json === 'object' ? json.extends : undefined;
    const specifiers = (Array.isArray(value) ? value : [value]).filter((v) => typeof v === 'string');
    const out = [];
    for (const specifier of specifiers) {
        const withExtension = (path) => (path.endsWith('.json') ? path : `${path}.json`);
        if (specifier.startsWith('.') || specifier.startsWith('/')) {
            const path = joinPath(specifier.startsWith('/') ? '' : dirOf(file), specifier);
            if (path !== undefined)
                out.push(withExtension(path));
            continue;
        }
        // `@org/tsconfig/base.json` or `@org/tsconfig`: a file in that workspace package.
        const match = /^((?:@[^/]+\/)?[^/]+)(?:\/(.+))?$/.exec(specifier);
        const project = match ? workspace.byName.get(match[1]) : undefined;
        if (!project || project.ecosystem !== 'js')
            continue;
        const inside = match[2] ? withExtension(match[2]) : 'tsconfig.json';
        const path = joinPath(project.dir, inside);
        if (path !== undefined)
            out.push(path);
    }
    return out;
}
/** JSON with comments and trailing commas (what tsc accepts) -> JSON. */
function stripJsonComments(text) {
    let out = '';
    for (let i = 0; i < text.length; i++) {
        const c = text[i];
        if (c === '"') {
            let j = i + 1;
            while (j < text.length && text[j] !== '"')
                j += text[j] === '\\' ? 2 : 1;
            out += text.slice(i, j + 1);
            i = j;
        }
        else if (c === '/' && text[i + 1] === '/') {
            while (i < text.length && text[i] !== '\n')
                i++;
            out += '\n';
        }
        else if (c === '/' && text[i + 1] === '*') {
            const end = text.indexOf('*/', i + 2);
            i = end < 0 ? text.length : end + 1;
        }
        else
            out += c;
    }
    return out.replace(/,(\s*[}\]])/g, '$1');
}

;// CONCATENATED MODULE: ./actions/affected/src/revisions.ts








/**
 * The workspace at base. When no manifest changed it is the head workspace itself; otherwise the base
 * file list is the head's with the changes undone, and only the changed manifests are read again.
 */
async function baseWorkspace(git, base, changes, headFiles, headContents, explicit, head) {
    const touched = changes.flatMap((c) => (c.oldPath ? [c.oldPath, c.path] : [c.path]));
    if (!manifestPaths(touched).length)
        return { workspace: head, contents: headContents };
    const files = new Set(headFiles);
    for (const change of changes) {
        if (change.status === 'A' || change.status === 'R')
            files.delete(change.path);
        if (change.status === 'D')
            files.add(change.path);
        if (change.oldPath)
            files.add(change.oldPath);
    }
    const list = [...files];
    const changedAtBase = new Set(changes.filter((c) => c.status !== 'A').map((c) => c.oldPath ?? c.path));
    const reread = manifestPaths(list).filter((p) => changedAtBase.has(p));
    const fresh = await readAt(git, base, reread);
    const contents = new Map(manifestPaths(list).map((p) => [p, fresh.has(p) ? fresh.get(p) : headContents.get(p)]));
    return { workspace: discoverWorkspace(list, contents, explicit), contents };
}
/** Reads files at a revision, without starting git when there is nothing to read. */
function readAt(git, commit, paths) {
    return paths.length ? git.readFiles(commit, paths) : Promise.resolve(new Map());
}
/** A commit's file list and its manifests, read by blob id in one batch (no tree walk per path). */
async function readHead(git, sha) {
    const tree = await git.listTree(sha);
    const files = [...tree.keys()];
    const paths = manifestPaths(files);
    const blobs = paths.length
        ? await git.readBlobs(paths.map((p) => tree.get(p)))
        : new Map();
    return { sha, files, contents: new Map(paths.map((p) => [p, blobs.get(tree.get(p))])) };
}
/** Changed files that a Go module embeds (`//go:embed`): inputs of that module although not Go sources. */
async function goEmbedded(git, head, changes, workspace, files) {
    const modules = workspace.projects.filter((p) => p.ecosystem === 'go');
    if (!modules.length)
        return new Set();
    const touched = changes.flatMap((c) => (c.oldPath ? [c.oldPath, c.path] : [c.path]));
    const candidates = embedCandidates(touched, modules, files);
    return candidates.size
        ? embeddedFiles(candidates, await git.readFiles(head, [...candidates.keys()]))
        : new Set();
}
/** Before and after texts of the changed lockfiles (a rename is read at its old path before). */
async function readLockfiles(git, range, changes) {
    const [before, after] = await Promise.all([
        readAt(git, range.base, changes.filter((c) => c.status !== 'A').map((c) => c.oldPath ?? c.path)),
        readAt(git, range.head, changes.filter((c) => c.status !== 'D').map((c) => c.path)),
    ]);
    return changes.map((c) => ({
        path: c.path,
        before: before.get(c.oldPath ?? c.path),
        after: after.get(c.path),
    }));
}
/**
 * Changed files that projects read through tsconfig `extends` chains (see tsconfig.ts); the config
 * files are read only when a changed path could be one.
 */
async function configReaders(git, head, changes, workspace, files) {
    const touched = changes.flatMap((c) => (c.oldPath ? [c.oldPath, c.path] : [c.path])).filter(mayBeConfig);
    if (!touched.length)
        return new Map();
    const configs = configFiles(files);
    return readers(touched, await readAt(git, head, configs), workspace, new Owners(workspace));
}
/**
 * Adds the workspace links that only the pnpm lockfiles at `commit` show (see lockfile-links.ts). A
 * lockfile that cannot be read adds none: when it changes, its diff reports it.
 */
async function linkThroughLockfiles(git, commit, files, workspace) {
    const paths = files.filter((p) => baseName(p) === 'pnpm-lock.yaml' && !FIXTURE_DIR.test(p));
    if (!paths.length || !workspace.projects.some((p) => p.ecosystem === 'js'))
        return;
    for (const [path, text] of await readAt(git, commit, paths)) {
        if (text === undefined || !mayLinkThroughPackages(text))
            continue;
        try {
            addLockfileLinks(workspace, path, text);
        }
        catch (error) {
            if (error instanceof yaml/* YamlNotLoaded */.g0)
                throw error;
        }
    }
}

;// CONCATENATED MODULE: ./actions/affected/src/main.ts


















const globs = zod/* pipe */.Fs(zod/* union */.KC([zod/* string */.Yj(), zod/* array */.YO(zod/* string */.Yj())]), zod/* transform */.pd((v) => (typeof v === 'string' ? [v] : v)));
const projectsSchema = zod/* record */.g1(zod/* string */.Yj(), zod/* union */.KC([
    zod/* pipe */.Fs(globs, zod/* transform */.pd((paths) => ({
        paths,
        'depends-on': [],
        path: undefined,
    }))),
    zod/* strictObject */.re({
        paths: globs,
        'depends-on': zod/* _default */.Rv(zod/* array */.YO(zod/* string */.Yj()), []),
        path: zod/* optional */.lq(zod/* string */.Yj()),
    }),
]));
const main_inputs = {
    base: inputs/* input */.hF.optional(),
    head: inputs/* input */.hF.optional(),
    'include-dependents': inputs/* input */.hF.boolean(),
    'include-dependencies': inputs/* input */.hF.boolean(),
    'global-files': inputs/* input */.hF.list(),
    ignore: inputs/* input */.hF.list(),
    projects: inputs/* input */.hF.yaml(projectsSchema, {}, 'a mapping of project name to {paths, depends-on, path}'),
    inputs: inputs/* input */.hF.yaml(zod/* record */.g1(zod/* string */.Yj(), globs), {}, 'a mapping of project or ecosystem name to globs'),
    'working-directory': inputs/* input */.hF.text(),
};
/** `none` turns a list input with a default off (an empty input gets the default). */
const orNone = (list) => (list.length === 1 && list[0] === 'none' ? [] : list);
async function run(io) {
    const options = await (0,inputs/* parseInputs */.TL)(main_inputs, io);
    const ctx = (0,context/* eventContext */.W)(io.env, (0,context/* readEventPayload */.N)(io.env));
    const isGlobal = (0,shared_glob/* globList */.X)(orNone(options['global-files']), 'global-files');
    const isIgnored = (0,shared_glob/* globList */.X)(orNone(options.ignore), 'ignore');
    for (const patterns of Object.values(options.inputs))
        (0,shared_glob/* globList */.X)(patterns, 'inputs'); // fail early on a bad glob
    const explicit = Object.entries(options.projects).map(([name, p]) => ({
        name,
        paths: p.paths,
        dependsOn: p['depends-on'],
        path: p.path === undefined ? undefined : (0,paths/* confineRelative */.Lw)(p.path, 'projects'),
    }));
    const workspace = io.env.GITHUB_WORKSPACE || process.cwd();
    const git = new shared_git/* Git */.TU((0,paths/* resolveInside */.LI)(workspace, options['working-directory'] || '.', 'working-directory'), {
        trace: (line) => io.log.debug(line),
    });
    const plan = (0,shared_range/* planRange */.H)(ctx, { base: options.base, head: options.head });
    // The head's files do not depend on the base: list and read them while base and merge-base resolve.
    const early = git
        .tryResolve(plan.head)
        .then((sha) => (sha ? readHead(git, sha) : undefined))
        .catch(() => undefined);
    // Asked only when git failed: a missing repository explains any git failure.
    const range = await (0,shared_range/* resolveRange */.S)(git, plan).catch(async (error) => {
        if (await git.isRepository())
            throw error;
        throw new errors/* UserError */.yo(`${options['working-directory'] || 'The workspace'} is not a git repository; check out the code first (actions/checkout).`);
    });
    io.log.info(`Comparing ${range.base.slice(0, 12)}..${range.head.slice(0, 12)} (${range.rule})`);
    for (const warning of range.warnings)
        io.log.warning(warning);
    const [changes, { files, contents: headContents }] = await Promise.all([
        git.changedFiles(range.base, range.head),
        early.then((snapshot) => (snapshot?.sha === range.head ? snapshot : readHead(git, range.head))),
    ]);
    // withYaml: the full YAML parser loads only when a workspace file or lockfile needs more than the fast reader.
    const head = await (0,yaml/* withYaml */.O9)(() => discoverWorkspace(files, headContents, explicit));
    const { workspace: base, contents: baseContents } = await (0,yaml/* withYaml */.O9)(() => baseWorkspace(git, range.base, changes, files, headContents, explicit, head));
    await (0,yaml/* withYaml */.O9)(async () => {
        await linkThroughLockfiles(git, range.head, files, head);
        if (base !== head)
            await linkThroughLockfiles(git, range.base, files, base);
    });
    const cycles = dependencyCycles(head.projects);
    for (const key of Object.keys(options.inputs))
        if (!head.byName.has(key) && !ECOSYSTEMS.includes(key))
            io.log.warning(`Input "inputs" names ${JSON.stringify(key)}, which is neither a project nor an ecosystem (${ECOSYSTEMS.join(', ')}); it is ignored.`);
    io.log.info(`${head.projects.length} projects, ${changes.length} changed files`);
    const lockfiles = await readLockfiles(git, range, changes.filter((c) => isLockfile(c.path) && !isIgnored(c.path) && !isGlobal(c.path)));
    const verdicts = await (0,yaml/* withYaml */.O9)(() => lockfileVerdicts(lockfiles, base, head, (project, side) => (side === 'after' ? headContents : baseContents).get(project.manifest)));
    for (const warning of verdicts.warnings)
        io.log.warning(warning);
    const rules = new InputRules(new Map(Object.entries(options.inputs)), await goEmbedded(git, range.head, changes, head, files));
    const readBy = await configReaders(git, range.head, changes, head, files);
    const result = computeAffected({
        base,
        head,
        changes,
        inputs: rules,
        isIgnored,
        isGlobal,
        isLockfile: isLockfile,
        lockfileSeeds: verdicts.seeds,
        readBy,
        cycles,
        includeDependents: options['include-dependents'],
        includeDependencies: options['include-dependencies'],
    });
    const outputs = buildOutputs(result);
    for (const warning of [...head.warnings, ...outputs.warnings])
        io.log.warning(warning);
    for (const [name, value] of Object.entries(outputs.values))
        io.setOutput(name, value);
    await io.writeSummary(buildSummary(result, {
        base: range.base,
        head: range.head,
        rule: range.rule,
        workspace: head,
        warnings: [...range.warnings, ...verdicts.warnings, ...head.warnings, ...outputs.warnings],
        lockfileNotes: verdicts.notes,
    }));
    io.log.info(result.all
        ? `All ${result.projects.length} projects affected: global file ${result.globalFiles[0]} changed.`
        : `${result.projects.length} of ${head.projects.length} projects affected: ${result.projects.map((p) => p.name).join(', ') || 'none'}`);
}


/***/ }),

/***/ 4823:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   H: () => (/* binding */ planRange),
/* harmony export */   S: () => (/* binding */ resolveRange)
/* harmony export */ });
/* harmony import */ var _git_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9801);

/**
 * Picks base and head for any event, as the field guide sets out. `overrides` are the `base` and
 * `head` inputs; `defaultBranch` is the fallback when the event has no base of its own.
 */
function planRange(ctx, overrides = {}) {
    const defaultBranch = ctx.defaultBranch ?? 'main';
    const defaultBranchKnown = ctx.defaultBranch !== undefined;
    const head = overrides.head ?? ctx.headSha ?? 'HEAD';
    const headSource = overrides.head ? 'input head' : 'the event head';
    const withHead = (plan) => ({
        ...plan,
        defaultBranchKnown,
        head: head || 'HEAD',
        headSource,
    });
    if (overrides.base) {
        return withHead({
            base: overrides.base,
            mode: 'merge-base',
            rule: 'base input (merge-base with head)',
            baseSource: 'input base',
        });
    }
    const pr = ctx.pullRequest;
    if (pr && (ctx.eventName.startsWith('pull_request') || pr.baseSha)) {
        return withHead({
            base: pr.baseSha ?? pr.baseRef ?? defaultBranch,
            mode: 'merge-base',
            rule: `${ctx.eventName || 'pull_request'}: merge-base of the base branch and the pull request head`,
            baseSource: 'pull request base',
        });
    }
    if (ctx.mergeGroup?.baseSha) {
        return withHead({
            base: ctx.mergeGroup.baseSha,
            mode: 'direct',
            rule: 'merge_group: base_sha..head_sha',
            baseSource: 'merge group base_sha',
        });
    }
    if (ctx.push) {
        const before = ctx.push.before;
        if (!before || (0,_git_js__WEBPACK_IMPORTED_MODULE_0__/* .isZeroSha */ .hp)(before)) {
            return withHead({
                base: defaultBranch,
                mode: 'merge-base',
                rule: `push of a new branch: merge-base with the default branch ${defaultBranch}`,
                baseSource: 'default branch',
            });
        }
        return withHead({
            base: before,
            mode: 'direct',
            rule: 'push: before..after',
            baseSource: 'push before',
            fallbackBase: defaultBranch,
        });
    }
    return withHead({
        base: defaultBranch,
        mode: 'merge-base',
        rule: `${ctx.eventName || 'local run'}: merge-base with the default branch ${defaultBranch}`,
        baseSource: 'default branch',
    });
}
/** Resolves a plan with git: fetches what a shallow clone lacks and computes the merge-base. */
async function resolveRange(git, planned) {
    const plan = planned.defaultBranchKnown ? planned : await withLocalDefaultBranch(git, planned);
    // Both names are looked up at once (git keeps the answers); a missing one is fetched after, in turn.
    (0,_git_js__WEBPACK_IMPORTED_MODULE_0__/* .checkRevisionText */ .hm)(plan.headSource, plan.head);
    (0,_git_js__WEBPACK_IMPORTED_MODULE_0__/* .checkRevisionText */ .hm)(plan.baseSource, plan.base);
    await Promise.all([git.tryResolve(plan.head), git.tryResolve(plan.base)]);
    const head = await git.resolve(plan.headSource, plan.head);
    if (plan.fallbackBase) {
        let before = await git.tryResolve(plan.base);
        if (!before && (await git.fetch([plan.base], 1)))
            before = await git.tryResolve(plan.base);
        // merge-base deepens a shallow clone until it answers; `before` is an ancestor exactly when it is its own answer.
        const isAncestor = before
            ? await git.mergeBase(before, head).then((mb) => mb === before, () => false)
            : false;
        if (before && isAncestor)
            return { base: before, head, rule: plan.rule, warnings: [] };
        const fallback = await git.resolve('default branch', plan.fallbackBase);
        return {
            base: await git.mergeBase(fallback, head),
            head,
            rule: `push (force or unknown before): merge-base with the default branch ${plan.fallbackBase}`,
            warnings: [
                `The pushed "before" commit ${plan.base.slice(0, 12)} is not an ancestor of ${head.slice(0, 12)} (a force push?); compared with the merge-base of the default branch ${plan.fallbackBase} instead.`,
            ],
        };
    }
    const base = await git.resolve(plan.baseSource, plan.base);
    return {
        base: plan.mode === 'merge-base' ? await git.mergeBase(base, head) : base,
        head,
        rule: plan.rule,
        warnings: [],
    };
}
/** Replaces the assumed `main` with the branch git knows as the default, for runs without a payload. */
async function withLocalDefaultBranch(git, plan) {
    const branch = await git.defaultBranch();
    const swap = (text) => text.replace(/\bmain\b/, branch);
    return {
        ...plan,
        base: plan.baseSource === 'default branch' ? branch : plan.base,
        fallbackBase: plan.fallbackBase && branch,
        rule: plan.baseSource === 'default branch' ? swap(plan.rule) : plan.rule,
        defaultBranchKnown: true,
    };
}


/***/ })

};

//# sourceMappingURL=617.index.js.map
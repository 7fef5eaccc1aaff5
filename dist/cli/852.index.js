export const id = 852;
export const ids = [852];
export const modules = {

/***/ 1849:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   N: () => (/* binding */ readEventPayload),
/* harmony export */   W: () => (/* binding */ eventContext)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2635);


const str = (v) => (typeof v === 'string' && v !== '' ? v : undefined);
const obj = (v) => (v && typeof v === 'object' ? v : {});
/** Reads GITHUB_EVENT_PATH; an absent path (local runs) is an empty payload, a broken file an error. */
function readEventPayload(env) {
    const path = env.GITHUB_EVENT_PATH;
    if (!path)
        return {};
    try {
        return obj(JSON.parse((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(path, 'utf8')));
    }
    catch (error) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`The event payload at GITHUB_EVENT_PATH (${path}) cannot be read: ${error.message}`);
    }
}
/** Builds the event context from the runner's environment and the event payload. Pure. */
function eventContext(env, payload) {
    const repository = obj(payload.repository);
    const [envOwner, envRepo] = (env.GITHUB_REPOSITORY ?? '/').split('/');
    const owner = envOwner || str(obj(repository.owner).login) || '';
    const repo = envRepo || str(repository.name) || '';
    const serverUrl = (env.GITHUB_SERVER_URL ?? 'https://github.com').replace(/\/$/, '');
    const apiUrl = (env.GITHUB_API_URL ?? 'https://api.github.com').replace(/\/$/, '');
    const runId = env.GITHUB_RUN_ID ?? '';
    const repositoryUrl = owner && repo ? `${serverUrl}/${owner}/${repo}` : '';
    const eventName = env.GITHUB_EVENT_NAME ?? '';
    const pr = obj(payload.pull_request);
    const pullRequest = typeof pr.number === 'number'
        ? {
            number: pr.number,
            baseSha: str(obj(pr.base).sha),
            headSha: str(obj(pr.head).sha),
            baseRef: str(obj(pr.base).ref),
            headRef: str(obj(pr.head).ref),
            labels: (Array.isArray(pr.labels) ? pr.labels : [])
                .map((l) => str(obj(l).name))
                .filter((l) => !!l),
            author: str(obj(pr.user).login),
        }
        : undefined;
    const push = eventName === 'push'
        ? {
            before: str(payload.before),
            after: str(payload.after),
            forced: payload.forced === true,
            created: payload.created === true,
        }
        : undefined;
    const mg = obj(payload.merge_group);
    const mergeGroup = eventName === 'merge_group'
        ? {
            baseSha: str(mg.base_sha),
            headSha: str(mg.head_sha),
            baseRef: str(mg.base_ref),
            headRef: str(mg.head_ref),
        }
        : undefined;
    // own properties only: a dispatch input named `__proto__` is an ordinary entry
    const inputs = Object.fromEntries(Object.entries(obj(payload.inputs)).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)]));
    const sha = env.GITHUB_SHA ?? '';
    const ref = env.GITHUB_REF ?? '';
    return {
        eventName,
        owner,
        repo,
        serverUrl,
        apiUrl,
        repositoryUrl,
        sha,
        ref,
        refName: env.GITHUB_REF_NAME ?? ref.replace(/^refs\/(heads|tags)\//, ''),
        defaultBranch: str(repository.default_branch),
        actor: env.GITHUB_ACTOR ?? '',
        runId,
        runAttempt: Number(env.GITHUB_RUN_ATTEMPT ?? '1') || 1,
        runNumber: env.GITHUB_RUN_NUMBER ?? '',
        runUrl: repositoryUrl && runId ? `${repositoryUrl}/actions/runs/${runId}` : '',
        workflow: env.GITHUB_WORKFLOW ?? '',
        job: env.GITHUB_JOB ?? '',
        workspace: env.GITHUB_WORKSPACE ?? '',
        pullRequest,
        push,
        mergeGroup,
        inputs,
        headSha: pullRequest?.headSha ?? mergeGroup?.headSha ?? sha,
    };
}


/***/ }),

/***/ 5784:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E9: () => (/* binding */ parseDuration),
/* harmony export */   a3: () => (/* binding */ formatDuration)
/* harmony export */ });
/* unused harmony export requireDuration */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2635);

const UNIT_SECONDS = { s: 1, m: 60, h: 3600, d: 86400, w: 604800 };
/** Parses `30d`, `1h`, `5m`, `90s`, `2w` (also compound `1h30m`) into seconds. */
function parseDuration(text) {
    const trimmed = text.trim();
    if (!trimmed)
        return undefined;
    let total = 0;
    let rest = trimmed;
    while (rest) {
        const part = /^(\d+)(s|m|h|d|w)/.exec(rest);
        if (!part)
            return undefined;
        total += Number(part[1]) * UNIT_SECONDS[part[2]];
        rest = rest.slice(part[0].length);
    }
    return total > 0 && Number.isSafeInteger(total) ? total : undefined;
}
/** The shortest exact text for a number of seconds, the inverse of parseDuration: 2592000 -> `30d`. */
function formatDuration(seconds) {
    for (const unit of ['w', 'd', 'h', 'm']) {
        const size = UNIT_SECONDS[unit];
        if (seconds >= size && seconds % size === 0)
            return `${seconds / size}${unit}`;
    }
    return `${seconds}s`;
}
function requireDuration(name, text) {
    const seconds = parseDuration(text);
    if (seconds === undefined) {
        throw new InputError(`Input "${name}" is "${text}", which is not a duration; use a number and a unit s, m, h, d or w, such as 30d or 1h30m.`);
    }
    return seconds;
}


/***/ }),

/***/ 5342:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   S: () => (/* binding */ compileGlob),
/* harmony export */   X: () => (/* binding */ globList)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2635);

/**
 * Glob matching that cannot be made slow. Regex-based matchers (minimatch, picomatch) backtrack
 * exponentially on patterns like `*a*a*a*a*a*a*a*a*b`; this one matches a segment with the classic
 * two-pointer wildcard algorithm (O(n*m) at worst) and `**` with a table over segments.
 *
 * Supported: `*` and `?` within a segment (they match dots too), `**` as a whole segment (any number
 * of segments), `[abc]`, `[a-z]`, `[!a]`, braces `{a,b}` (expanded up front, at most 64 variants),
 * and a leading `!` to negate. A pattern without `/` matches the base name at any depth, like
 * .gitignore, so `*.md` means every Markdown file.
 */
const MAX_PATTERN_LENGTH = 512;
const MAX_EXPANSIONS = 64;
function expandBraces(pattern) {
    const open = pattern.indexOf('{');
    if (open < 0)
        return [pattern];
    let depth = 0;
    for (let i = open; i < pattern.length; i++) {
        if (pattern[i] === '{')
            depth++;
        else if (pattern[i] === '}' && --depth === 0) {
            const body = pattern.slice(open + 1, i);
            const parts = [];
            let level = 0;
            let start = 0;
            for (let j = 0; j < body.length; j++) {
                if (body[j] === '{')
                    level++;
                else if (body[j] === '}')
                    level--;
                else if (body[j] === ',' && level === 0) {
                    parts.push(body.slice(start, j));
                    start = j + 1;
                }
            }
            parts.push(body.slice(start));
            const rest = expandBraces(pattern.slice(i + 1));
            const out = [];
            for (const part of parts)
                for (const head of expandBraces(pattern.slice(0, open) + part))
                    for (const tail of rest) {
                        out.push(head + tail);
                        if (out.length > MAX_EXPANSIONS)
                            throw new Error(`braces expand to more than ${MAX_EXPANSIONS} patterns`);
                    }
            return out;
        }
    }
    return [pattern]; // an unclosed brace is a literal
}
function tokenize(segment) {
    const tokens = [];
    for (let i = 0; i < segment.length; i++) {
        const c = segment[i];
        if (c === '*') {
            if (tokens.at(-1)?.kind !== 'star')
                tokens.push({ kind: 'star' }); // `**` inside a segment is `*`
        }
        else if (c === '?')
            tokens.push({ kind: 'any' });
        else if (c === '\\' && i + 1 < segment.length)
            tokens.push({ kind: 'char', char: segment[++i] });
        else if (c === '[' && segment.indexOf(']', i + 2) > 0) {
            const end = segment.indexOf(']', i + 2);
            let body = segment.slice(i + 1, end);
            const negate = body.startsWith('!') || body.startsWith('^');
            if (negate)
                body = body.slice(1);
            const ranges = [];
            for (let j = 0; j < body.length; j++) {
                if (body[j + 1] === '-' && j + 2 < body.length) {
                    ranges.push([body[j], body[j + 2]]);
                    j += 2;
                }
                else
                    ranges.push([body[j], body[j]]);
            }
            tokens.push({
                kind: 'class',
                test: (ch) => ranges.some(([lo, hi]) => ch >= lo && ch <= hi) !== negate,
            });
            i = end;
        }
        else
            tokens.push({ kind: 'char', char: c });
    }
    return tokens;
}
function tokenMatches(token, c) {
    return (token.kind === 'any' ||
        (token.kind === 'char' ? token.char === c : token.kind === 'class' && token.test(c)));
}
/** Two-pointer wildcard match: on a mismatch, back up only to the last star. Never exponential. */
function matchSegment(tokens, text) {
    let t = 0;
    let p = 0;
    let starP = -1;
    let starT = 0;
    while (t < text.length) {
        const token = tokens[p];
        if (token && token.kind !== 'star' && tokenMatches(token, text[t])) {
            t++;
            p++;
        }
        else if (token?.kind === 'star') {
            starP = p++;
            starT = t;
        }
        else if (starP >= 0) {
            p = starP + 1;
            t = ++starT;
        }
        else
            return false;
    }
    while (tokens[p]?.kind === 'star')
        p++;
    return p === tokens.length;
}
function matchSegments(pattern, parts) {
    // reach[i] = pattern prefix can consume the first i parts; one row per pattern segment.
    let reach = new Array(parts.length + 1).fill(false);
    reach[0] = true;
    pattern.forEach((segment, at) => {
        const next = new Array(parts.length + 1).fill(false);
        // a trailing `**` after a folder (`dir/**`) needs something in it, as in minimatch
        const least = segment.kind === 'globstar' && at > 0 && at === pattern.length - 1 ? 1 : 0;
        for (let i = 0; i <= parts.length; i++) {
            if (!reach[i])
                continue;
            if (segment.kind === 'globstar')
                for (let j = i + least; j <= parts.length; j++)
                    next[j] = true;
            else if (i < parts.length && matchSegment(segment.tokens, parts[i]))
                next[i + 1] = true;
        }
        reach = next;
    });
    return reach[parts.length];
}
/** Compiles a glob; a pattern that is too long or expands too far is an InputError naming `inputName`. */
function compileGlob(source, inputName = 'pattern') {
    if (source.length > MAX_PATTERN_LENGTH) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`A pattern in input "${inputName}" is ${source.length} characters long; at most ${MAX_PATTERN_LENGTH} are allowed.`);
    }
    const negated = source.startsWith('!');
    let body = negated ? source.slice(1) : source;
    if (body.split(/[\\/]/).includes('..')) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`The pattern ${JSON.stringify(source.slice(0, 80))} in input "${inputName}" has a ".." segment, which leads outside the workspace; patterns are relative to it.`);
    }
    body = body.replace(/^\.\//, '');
    if (!body.includes('/') || body.endsWith('/'))
        body = body.endsWith('/') ? `${body}**` : `**/${body}`;
    if (body.startsWith('/'))
        body = body.slice(1);
    let variants;
    try {
        variants = expandBraces(body);
    }
    catch (error) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`The pattern ${JSON.stringify(source.slice(0, 80))} in input "${inputName}": ${error.message}.`);
    }
    const compiled = variants.map((v) => v
        .split('/')
        .filter((s, i, all) => s !== '' || i === all.length - 1)
        .map((s) => (s === '**' ? { kind: 'globstar' } : { kind: 'tokens', tokens: tokenize(s) })));
    return {
        source,
        negated,
        matches: (path) => {
            const parts = path.split('/');
            return compiled.some((segments) => matchSegments(segments, parts));
        },
    };
}
/**
 * A list of patterns where later negations subtract (`!docs/keep.md`), as in .gitignore and
 * GitHub's `paths` filters. Returns a predicate over repository-relative paths.
 */
function globList(patterns, inputName = 'pattern') {
    const globs = patterns.map((p) => compileGlob(p, inputName));
    return (path) => {
        let matched = false;
        for (const glob of globs) {
            if (glob.negated)
                matched &&= !glob.matches(path);
            else
                matched ||= glob.matches(path);
        }
        return matched;
    };
}


/***/ }),

/***/ 8573:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   TL: () => (/* binding */ parseInputs),
/* harmony export */   hF: () => (/* binding */ input)
/* harmony export */ });
/* unused harmony export splitList */
/* harmony import */ var _zod_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6419);
/* harmony import */ var _duration_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5784);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2635);
/* harmony import */ var _neutralise_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(2642);
/* harmony import */ var _yaml_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7315);





/**
 * Zod schemas for raw input strings. Each failure message says what is allowed, so the final
 * sentence reads `Input "x" is "v", which is not allowed: <message>.`
 */
function custom(parse, allowed) {
    return _zod_js__WEBPACK_IMPORTED_MODULE_0__/* .pipe */ .Fs(_zod_js__WEBPACK_IMPORTED_MODULE_0__/* .string */ .Yj(), _zod_js__WEBPACK_IMPORTED_MODULE_0__/* .transform */ .pd((raw, ctx) => {
        let value;
        try {
            value = parse(raw.trim());
        }
        catch (error) {
            ctx.issues.push({
                code: 'custom',
                message: `${allowed} (${error.message.split('\n')[0]})`,
                input: raw,
            });
            return _zod_js__WEBPACK_IMPORTED_MODULE_0__/* .NEVER */ .tm;
        }
        if (value === undefined) {
            ctx.issues.push({ code: 'custom', message: allowed, input: raw });
            return _zod_js__WEBPACK_IMPORTED_MODULE_0__/* .NEVER */ .tm;
        }
        return value;
    }));
}
/** Exactly what the runner's own getBooleanInput accepts (YAML 1.2 core schema booleans). */
const TRUE = new Set(['true', 'True', 'TRUE']);
const FALSE = new Set(['false', 'False', 'FALSE']);
/**
 * Splits a newline- or comma-separated list; blank entries and `#` comment lines are dropped.
 * Commas inside braces or brackets belong to a glob (`*.{sql,up.sql}`), not the list.
 */
function splitList(raw) {
    return raw
        .split(/\r?\n/)
        .filter((line) => !line.trim().startsWith('#'))
        .flatMap(splitTopLevelCommas)
        .map((item) => item.trim())
        .filter(Boolean);
}
function splitTopLevelCommas(line) {
    const items = [];
    let depth = 0;
    let start = 0;
    for (let i = 0; i < line.length; i++) {
        const c = line[i];
        if (c === '\\')
            i++;
        else if (c === '{' || c === '[')
            depth++;
        else if ((c === '}' || c === ']') && depth > 0)
            depth--;
        else if (c === ',' && depth === 0) {
            items.push(line.slice(start, i));
            start = i + 1;
        }
    }
    items.push(line.slice(start));
    return depth === 0 ? items : line.split(','); // an unclosed brace is text, as in a glob
}
const input = {
    /** Any text; empty stays empty. */
    text: () => _zod_js__WEBPACK_IMPORTED_MODULE_0__/* .pipe */ .Fs(_zod_js__WEBPACK_IMPORTED_MODULE_0__/* .string */ .Yj(), _zod_js__WEBPACK_IMPORTED_MODULE_0__/* .transform */ .pd((raw) => raw.trim())),
    /** Text that must not be empty. */
    required: () => custom((raw) => raw || undefined, 'a value is required'),
    /** Empty becomes undefined. */
    optional: () => _zod_js__WEBPACK_IMPORTED_MODULE_0__/* .pipe */ .Fs(_zod_js__WEBPACK_IMPORTED_MODULE_0__/* .string */ .Yj(), _zod_js__WEBPACK_IMPORTED_MODULE_0__/* .transform */ .pd((raw) => raw.trim() || undefined)),
    boolean: () => custom((raw) => (TRUE.has(raw) ? true : FALSE.has(raw) ? false : undefined), 'allowed values are true, True, TRUE, false, False or FALSE'),
    integer: (min = Number.MIN_SAFE_INTEGER, max = Number.MAX_SAFE_INTEGER) => custom((raw) => (/^-?\d+$/.test(raw) && Number(raw) >= min && Number(raw) <= max ? Number(raw) : undefined), `allowed values are whole numbers from ${min} to ${max}`),
    number: (min = -Infinity, max = Infinity) => custom((raw) => {
        const value = raw === '' ? NaN : Number(raw);
        return Number.isFinite(value) && value >= min && value <= max ? value : undefined;
    }, `allowed values are numbers from ${min} to ${max}`),
    /** Seconds, from `30d`, `1h`, `1h30m`. */
    duration: () => custom(_duration_js__WEBPACK_IMPORTED_MODULE_1__/* .parseDuration */ .E9, 'allowed values are durations such as 30d, 6h, 5m or 1h30m'),
    optionalDuration: () => _zod_js__WEBPACK_IMPORTED_MODULE_0__/* .pipe */ .Fs(custom((raw) => (raw === '' ? null : (0,_duration_js__WEBPACK_IMPORTED_MODULE_1__/* .parseDuration */ .E9)(raw)), 'allowed values are durations such as 30d, 6h, 5m or 1h30m'), _zod_js__WEBPACK_IMPORTED_MODULE_0__/* .transform */ .pd((v) => v ?? undefined)),
    oneOf: (values) => custom((raw) => values.find((v) => v === raw.toLowerCase()), `allowed values are ${values.join(', ')}`),
    list: () => _zod_js__WEBPACK_IMPORTED_MODULE_0__/* .pipe */ .Fs(_zod_js__WEBPACK_IMPORTED_MODULE_0__/* .string */ .Yj(), _zod_js__WEBPACK_IMPORTED_MODULE_0__/* .transform */ .pd(splitList)),
    /** A JSON value checked against `schema`. Empty gives `fallback`. */
    json: (schema, fallback, describe) => custom((raw) => (raw === '' ? fallback : schema.parse(ownKeysOnly(JSON.parse(raw)))), `expected ${describe} as JSON`),
    /** A YAML (or JSON) value checked against `schema`. Empty gives `fallback`. */
    yaml: (schema, fallback, describe) => {
        const parsed = custom((raw) => (raw === '' ? fallback : schema.parse(ownKeysOnly((0,_yaml_js__WEBPACK_IMPORTED_MODULE_3__/* .parseYaml */ .hN)(raw)))), `expected ${describe} as YAML`);
        yamlInputs.add(parsed);
        return parsed;
    },
};
/**
 * Refuses a mapping key `__proto__` anywhere in a parsed input: copied into a plain object (as schema
 * parsing does) it would replace the prototype and the entry would vanish without a word.
 */
function ownKeysOnly(value) {
    // Depth first with the path kept: a YAML alias may repeat a node (walked once) or name a node that
    // contains it (`&a [*a]`), a cycle that schema parsing would follow forever.
    const onPath = new Set();
    const walked = new Set();
    const pending = [{ node: value }];
    while (pending.length) {
        const { node, leaving } = pending.pop();
        if (leaving) {
            onPath.delete(leaving);
            walked.add(leaving);
            continue;
        }
        if (!node || typeof node !== 'object' || walked.has(node))
            continue;
        if (onPath.has(node))
            throw new Error('an alias names a mapping or list that contains it');
        if (Object.hasOwn(node, '__proto__'))
            throw new Error('the key "__proto__" cannot name anything');
        onPath.add(node);
        pending.push({ node: undefined, leaving: node });
        for (const child of Object.values(node))
            pending.push({ node: child });
    }
    return value;
}
/** Schemas made by `input.yaml`: parseInputs loads the YAML parser when one of them has a value. */
const yamlInputs = new WeakSet();
/**
 * Reads every input named by the schema's keys through `io.input` (so undeclared names fail as bugs)
 * and parses them into one typed object. The first bad input stops with one sentence naming it.
 */
async function parseInputs(shape, io, options = {}) {
    const raw = {};
    for (const name of Object.keys(shape))
        raw[name] = io.input(name);
    if (Object.entries(shape).some(([name, schema]) => yamlInputs.has(schema) && raw[name].trim()))
        await (0,_yaml_js__WEBPACK_IMPORTED_MODULE_3__/* .loadYaml */ .yv)();
    const result = _zod_js__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ik(shape).safeParse(raw);
    if (result.success)
        return result.data;
    const issue = result.error.issues[0];
    const name = String(issue.path[0]);
    const shown = options.secret?.includes(name) ? '(hidden)' : JSON.stringify((0,_neutralise_js__WEBPACK_IMPORTED_MODULE_4__/* .truncate */ .xv)(raw[name] ?? '', 200));
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(`Input "${name}" is ${shown}, which is not allowed: ${issue.message}.`);
}


/***/ }),

/***/ 2:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CB: () => (/* binding */ realRoots),
/* harmony export */   Do: () => (/* binding */ confine),
/* harmony export */   LI: () => (/* binding */ resolveInside),
/* harmony export */   Lw: () => (/* binding */ confineRelative),
/* harmony export */   aO: () => (/* binding */ realTarget),
/* harmony export */   ux: () => (/* binding */ within)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2635);



/** Links followed before a path is refused as a loop (Linux's own limit). */
const MAX_LINKS = 40;
function within(root, path) {
    const rel = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.relative)(root, path);
    return rel === '' || (!rel.startsWith(`..${node_path__WEBPACK_IMPORTED_MODULE_1__.sep}`) && rel !== '..' && !(0,node_path__WEBPACK_IMPORTED_MODULE_1__.isAbsolute)(rel));
}
/**
 * Where `path` really leads: every symbolic link resolved, a dangling one included (its target is
 * where a write would land), and missing components joined to the real path of the nearest
 * existing parent. Undefined for a loop of links.
 */
function realTarget(path, links = 0) {
    let isLink;
    try {
        isLink = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.lstatSync)(path).isSymbolicLink();
    }
    catch {
        // missing (or below a file): the nearest existing parent decides where it would be
        const parent = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(path);
        if (parent === path)
            return path;
        const real = realTarget(parent, links);
        return real === undefined ? undefined : (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(real, (0,node_path__WEBPACK_IMPORTED_MODULE_1__.basename)(path));
    }
    if (!isLink) {
        try {
            return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.realpathSync)(path);
        }
        catch {
            return undefined; // a loop further up
        }
    }
    if (links >= MAX_LINKS)
        return undefined;
    return realTarget((0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(path), (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readlinkSync)(path)), links + 1);
}
/** The real roots a path may lead into: the workspace and extra ones such as RUNNER_TEMP. */
function realRoots(workspace, extraRoots = []) {
    return [workspace, ...extraRoots].filter(Boolean).map((root) => realTarget((0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(root)) ?? (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(root));
}
/**
 * Resolves a path input inside the workspace (or one of `extraRoots`, such as RUNNER_TEMP),
 * refusing `..` escapes, absolute paths elsewhere and links, dangling or not, that lead out.
 */
function confine(workspace, input, inputName, extraRoots = []) {
    if (input.includes('\0'))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(`Input "${inputName}" contains a NUL character.`);
    const absolute = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(workspace, input);
    const real = realTarget(absolute);
    const shown = JSON.stringify(input.slice(0, 200));
    if (real === undefined)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(`Input "${inputName}" is ${shown}, which is a loop of symbolic links.`);
    if (!realRoots(workspace, extraRoots).some((root) => within(root, real))) {
        const throughLink = real !== absolute && within((0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(workspace), absolute);
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(`Input "${inputName}" is ${shown}, which leads outside the workspace${throughLink ? ' through a symbolic link' : ''}; use a path inside the repository.`);
    }
    return { absolute, real };
}
/** `confine` for callers that only need the absolute path (folders handed to git). */
function resolveInside(workspace, input, inputName, extraRoots = []) {
    return confine(workspace, input, inputName, extraRoots).absolute;
}
/**
 * Checks a repository-relative path from configuration (a project folder): no absolute path, no
 * `..` that climbs above the root. Returns it unchanged.
 */
function confineRelative(path, inputName) {
    const normal = node_path__WEBPACK_IMPORTED_MODULE_1__.posix.normalize(path.replace(/\\/g, '/')).replace(/\/$/, '');
    if (path.includes('\0') ||
        (0,node_path__WEBPACK_IMPORTED_MODULE_1__.isAbsolute)(path) ||
        /^[a-z]:/i.test(path) ||
        normal === '..' ||
        normal.startsWith('../'))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(`Input "${inputName}" names the path ${JSON.stringify(path.slice(0, 200))}, which leads outside the repository; use a path relative to its root.`);
    return path;
}


/***/ }),

/***/ 6566:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BD: () => (/* binding */ Summary),
/* harmony export */   FV: () => (/* binding */ escapeMarkdown),
/* harmony export */   ti: () => (/* binding */ inlineCode)
/* harmony export */ });
/* harmony import */ var _limits_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9392);
/* harmony import */ var _neutralise_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2642);


/** Characters of one table cell shown (escaped names are at most about 4,000); a longer one is cut, saying so. */
const MAX_CELL = 8192;
/**
 * A job summary built as blocks, rendered to Markdown (a terminal shows the same Markdown, laid out
 * by the command line's renderer).
 * Cell and text content is escaped, so untrusted names cannot break the table or inject HTML.
 */
class Summary {
    blocks = [];
    heading(text, level = 2) {
        this.blocks.push({ kind: 'heading', text, level });
        return this;
    }
    /** A paragraph of trusted Markdown (the action's own words; escape untrusted parts with `code()`). */
    text(text) {
        this.blocks.push({ kind: 'text', text });
        return this;
    }
    table(header, rows) {
        this.blocks.push({ kind: 'table', header, rows });
        return this;
    }
    list(items) {
        this.blocks.push({ kind: 'list', items });
        return this;
    }
    code(text, language = '') {
        this.blocks.push({ kind: 'code', text, language });
        return this;
    }
    /** A Mermaid diagram; GitHub renders it in summaries (a terminal points to the Markdown file). */
    mermaid(source) {
        return this.code(source, 'mermaid');
    }
    /** A collapsed section whose body is built by `fill`. */
    details(title, fill) {
        const body = new Summary();
        fill(body);
        this.blocks.push({ kind: 'details', title, body });
        return this;
    }
    get isEmpty() {
        return this.blocks.length === 0;
    }
    /** Markdown within GitHub's 1 MiB, hidden and direction-changing characters shown escaped. */
    toMarkdown() {
        const markdown = (0,_neutralise_js__WEBPACK_IMPORTED_MODULE_1__/* .showText */ .h$)(this.blocks.map(renderMarkdown).join('\n\n') + '\n');
        return (0,_limits_js__WEBPACK_IMPORTED_MODULE_0__/* .cutText */ .IN)(markdown, _limits_js__WEBPACK_IMPORTED_MODULE_0__/* .LIMITS */ .b1.summaryBytes, 'bytes', `GitHub keeps ${_limits_js__WEBPACK_IMPORTED_MODULE_0__/* .LIMITS */ .b1.summaryBytes} bytes of a step summary`);
    }
}
/** Escapes text for a Markdown table cell or inline position. */
function escapeMarkdown(text) {
    return (0,_neutralise_js__WEBPACK_IMPORTED_MODULE_1__/* .truncate */ .xv)(text, 2000)
        .replace(/[\\`*_{}[\]<>|#!]/g, (c) => `\\${c}`)
        .replace(/\r?\n/g, ' ');
}
/** Inline code that survives any content (backticks inside are fenced by longer runs). */
function inlineCode(text) {
    const clean = (0,_neutralise_js__WEBPACK_IMPORTED_MODULE_1__/* .truncate */ .xv)(text, 2000).replace(/\r?\n/g, ' ').replace(/\|/g, '\\|');
    const fence = '`'.repeat((clean.match(/`+/g) ?? []).reduce((max, run) => Math.max(max, run.length), 0) + 1);
    return `${fence}${clean.startsWith('`') || clean.endsWith('`') ? ` ${clean} ` : clean}${fence}`;
}
function renderMarkdown(block) {
    switch (block.kind) {
        case 'heading':
            return `${'#'.repeat(block.level)} ${block.text}`;
        case 'text':
            return block.text;
        case 'list':
            return block.items.map((item) => `- ${item}`).join('\n');
        case 'code': {
            const fence = block.text.includes('```') ? '~~~~' : '```';
            return `${fence}${block.language}\n${block.text}\n${fence}`;
        }
        case 'table': {
            // Pipes end a cell unless escaped; leave the ones escapeMarkdown or inlineCode already escaped.
            const row = (cells) => `| ${cells.map((c) => (0,_neutralise_js__WEBPACK_IMPORTED_MODULE_1__/* .truncate */ .xv)(String(c), MAX_CELL).replace(/\\?\|/g, (m) => (m.length === 2 ? m : '\\|'))).join(' | ')} |`;
            const lines = [row(block.header), row(block.header.map(() => '---'))];
            // rows past what GitHub keeps are not rendered at all: the work stays bounded by the limit
            let size = 0;
            for (const [i, cells] of block.rows.entries()) {
                const line = row(cells);
                size += line.length;
                if (size > _limits_js__WEBPACK_IMPORTED_MODULE_0__/* .LIMITS */ .b1.summaryBytes) {
                    lines.push(`| … ${block.rows.length - i} more rows not shown: GitHub keeps ${_limits_js__WEBPACK_IMPORTED_MODULE_0__/* .LIMITS */ .b1.summaryBytes} bytes of a step summary |`);
                    break;
                }
                lines.push(line);
            }
            return lines.join('\n');
        }
        case 'details':
            return `<details><summary>${escapeMarkdown(block.title)}</summary>\n\n${block.body.toMarkdown()}\n</details>`;
    }
}


/***/ }),

/***/ 6419:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bp: () => (/* reexport safe */ zod_mini__WEBPACK_IMPORTED_MODULE_3__.m9),
/* harmony export */   Fs: () => (/* reexport safe */ zod_mini__WEBPACK_IMPORTED_MODULE_2__.FsL),
/* harmony export */   Ik: () => (/* reexport safe */ zod_mini__WEBPACK_IMPORTED_MODULE_2__.Ikc),
/* harmony export */   KC: () => (/* reexport safe */ zod_mini__WEBPACK_IMPORTED_MODULE_2__.KCZ),
/* harmony export */   Rv: () => (/* reexport safe */ zod_mini__WEBPACK_IMPORTED_MODULE_2__.Rvf),
/* harmony export */   YO: () => (/* reexport safe */ zod_mini__WEBPACK_IMPORTED_MODULE_2__.YOg),
/* harmony export */   Yj: () => (/* reexport safe */ zod_mini__WEBPACK_IMPORTED_MODULE_2__.YjP),
/* harmony export */   ai: () => (/* reexport safe */ zod_mini__WEBPACK_IMPORTED_MODULE_2__.aig),
/* harmony export */   g1: () => (/* reexport safe */ zod_mini__WEBPACK_IMPORTED_MODULE_2__.g1P),
/* harmony export */   k5: () => (/* reexport safe */ zod_mini__WEBPACK_IMPORTED_MODULE_2__.k5n),
/* harmony export */   lq: () => (/* reexport safe */ zod_mini__WEBPACK_IMPORTED_MODULE_2__.lqM),
/* harmony export */   me: () => (/* reexport safe */ zod_mini__WEBPACK_IMPORTED_MODULE_2__.mee),
/* harmony export */   pd: () => (/* reexport safe */ zod_mini__WEBPACK_IMPORTED_MODULE_2__.pdi),
/* harmony export */   re: () => (/* reexport safe */ zod_mini__WEBPACK_IMPORTED_MODULE_2__.rej),
/* harmony export */   tm: () => (/* reexport safe */ zod_mini__WEBPACK_IMPORTED_MODULE_0__.tm),
/* harmony export */   yj: () => (/* reexport safe */ zod_mini__WEBPACK_IMPORTED_MODULE_3__.NC)
/* harmony export */ });
/* harmony import */ var zod_mini__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8532);
/* harmony import */ var zod_v4_locales_en_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(252);
/* harmony import */ var zod_mini__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8395);
/* harmony import */ var zod_mini__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2306);
// The one way this project imports zod. zod/mini has the same checks behind a smaller, tree-shakable
// API (a fifth of the full package's start-up cost) but ships no messages: the English ones are
// installed here, so a nested schema's error reads the same wherever it is parsed. Only what the
// project uses is re-exported: handing on the whole namespace would keep every locale in each bundle.


(0,zod_mini__WEBPACK_IMPORTED_MODULE_0__/* .config */ .$W)((0,zod_v4_locales_en_js__WEBPACK_IMPORTED_MODULE_1__/* ["default"] */ .A)());



/***/ })

};

//# sourceMappingURL=852.index.js.map
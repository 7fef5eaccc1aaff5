export const id = 823;
export const ids = [823];
export const modules = {

/***/ 7366:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   TU: () => (/* binding */ Git),
/* harmony export */   hp: () => (/* binding */ isZeroSha)
/* harmony export */ });
/* unused harmony export checkRevisionText */
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2635);


const ZERO_SHA = /^0{40}$|^0{64}$/;
const SHA = /^[0-9a-f]{40}$|^[0-9a-f]{64}$/;
const COMMIT_FORMAT = '%H%x00%an%x00%ae%x00%cI%x00%s';
function parseCommits(out) {
    // Fields and records are NUL-separated (`-z`): a commit message cannot hold a NUL.
    const fields = out.split('\0');
    const commits = [];
    for (let i = 0; i + 4 < fields.length; i += 5) {
        const [sha, authorName, authorEmail, committedAt, subject] = fields.slice(i, i + 5);
        commits.push({ sha: sha.replace(/^\n/, ''), authorName, authorEmail, committedAt, subject });
    }
    return commits;
}
function isZeroSha(sha) {
    return !!sha && ZERO_SHA.test(sha);
}
/**
 * Checks a revision the user gave before git sees it: refs may legally contain `;`, `$(...)` and
 * start with `-`, which git would read as an option. `name` is the input it came from.
 */
function checkRevisionText(name, revision) {
    const problem = revision === ''
        ? 'is empty'
        : revision.length > 255
            ? `is ${revision.length} characters long (at most 255)`
            : revision.startsWith('-')
                ? 'starts with "-", which git would read as an option'
                : /[\x00-\x20\x7f~^:?*[\\]/.test(revision.replace(/\^\{commit\}$/, '').replace(/[~^]\d*$/, ''))
                    ? 'contains a character that a git revision cannot hold (space, control character, ~ ^ : ? * [ or \\)'
                    : undefined;
    if (problem)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`Revision ${JSON.stringify(revision.slice(0, 80))} (${name}) ${problem}.`);
}
/**
 * Runs git with argument arrays only (never a shell) in one repository. Revisions always come
 * after `--end-of-options` or are resolved SHAs, so no user text is read as an option.
 */
class Git {
    cwd;
    timeoutMs;
    maxDeepen;
    trace;
    constructor(cwd, options = {}) {
        this.cwd = cwd;
        this.timeoutMs = options.timeoutMs ?? 120_000;
        this.maxDeepen = options.maxDeepen ?? 5000;
        this.trace = options.trace ?? (() => { });
    }
    /** Runs `git args`, returning stdout; a non-zero exit throws with git's own message. */
    run(args) {
        return this.exec(args).then((r) => {
            if (r.code !== 0)
                throw new Error(`git ${args.join(' ')} failed: ${r.stderr.trim() || `exit ${r.code}`}`);
            return r.stdout;
        });
    }
    /** Runs git and returns the exit code with the output, for commands whose failure is an answer. */
    exec(args) {
        this.trace(`git ${args.join(' ')}`);
        return new Promise((resolve, reject) => {
            (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.execFile)('git', args, {
                cwd: this.cwd,
                maxBuffer: 1024 * 1024 * 1024,
                timeout: this.timeoutMs,
                env: { ...process.env, GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C', GIT_OPTIONAL_LOCKS: '0' },
            }, (error, stdout, stderr) => {
                if (error && typeof error.code !== 'number') {
                    if (error.killed)
                        reject(new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`git ${args[0]} took longer than ${this.timeoutMs} ms and was stopped.`));
                    else if (error.code === 'ENOENT')
                        reject(new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo('git is not installed or not on PATH.'));
                    else
                        reject(error);
                    return;
                }
                resolve({ code: error ? error.code : 0, stdout, stderr });
            });
        });
    }
    async isRepository() {
        return (await this.exec(['rev-parse', '--git-dir'])).code === 0;
    }
    async isShallow() {
        return (await this.run(['rev-parse', '--is-shallow-repository'])).trim() === 'true';
    }
    /** The commit SHA a revision names, or undefined when this clone does not have it. */
    async tryResolve(revision) {
        const r = await this.exec([
            'rev-parse',
            '--verify',
            '--quiet',
            '--end-of-options',
            `${revision}^{commit}`,
        ]);
        return r.code === 0 ? r.stdout.trim() : undefined;
    }
    /**
     * Resolves a revision to a commit SHA, fetching it from `origin` when a shallow or partial clone
     * lacks it. `name` says where the revision came from, for the error.
     */
    async resolve(name, revision) {
        checkRevisionText(name, revision);
        const local = (await this.tryResolve(revision)) ?? (await this.tryResolve(`refs/remotes/origin/${revision}`));
        if (local)
            return local;
        if (await this.fetch([revision], 1)) {
            const fetched = SHA.test(revision)
                ? await this.tryResolve(revision)
                : await this.tryResolve('FETCH_HEAD');
            if (fetched)
                return fetched;
        }
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`Revision ${JSON.stringify(revision)} (${name}) is not in this clone and could not be fetched from origin; check the name, or check out with fetch-depth: 0.`);
    }
    /** Fetches revisions from origin (quietly false when there is no origin or it refuses). */
    async fetch(revisions, depth, deepen) {
        const hasOrigin = (await this.exec(['remote', 'get-url', 'origin'])).code === 0;
        if (!hasOrigin)
            return false;
        const args = ['fetch', '--no-tags', '--quiet', '--no-write-fetch-head'];
        if (depth)
            args.splice(args.indexOf('--no-write-fetch-head'), 1, `--depth=${depth}`);
        if (deepen)
            args.push(`--deepen=${deepen}`);
        const r = await this.exec([...args, 'origin', '--end-of-options', ...revisions]);
        this.trace(r.code === 0 ? 'fetch ok' : `fetch failed: ${r.stderr.trim()}`);
        return r.code === 0;
    }
    async isAncestor(ancestor, descendant) {
        const r = await this.exec(['merge-base', '--is-ancestor', ancestor, descendant]);
        if (r.code > 1)
            throw new Error(`git merge-base --is-ancestor failed: ${r.stderr.trim()}`);
        return r.code === 0;
    }
    /**
     * The remote's default branch for a local run with no event payload: origin/HEAD when the clone
     * recorded it, else `main` or `master` when one exists, else `main`.
     */
    async defaultBranch() {
        const head = await this.exec(['symbolic-ref', '--quiet', '--short', 'refs/remotes/origin/HEAD']);
        if (head.code === 0)
            return head.stdout.trim().replace(/^origin\//, '');
        for (const name of ['main', 'master']) {
            if ((await this.tryResolve(name)) ?? (await this.tryResolve(`refs/remotes/origin/${name}`)))
                return name;
        }
        return 'main';
    }
    /**
     * The merge-base of two commits (SHAs). In a shallow clone the history is deepened step by step
     * (doubling, up to maxDeepen commits) instead of guessing; past the bound it fails and says why.
     */
    async mergeBase(base, head) {
        let step = 50;
        let fetched = 0;
        for (;;) {
            const r = await this.exec(['merge-base', base, head]);
            if (r.code === 0)
                return r.stdout.trim();
            if (!(await this.isShallow()) || fetched >= this.maxDeepen)
                break;
            if (!(await this.fetch([base, head], undefined, step)))
                break;
            fetched += step;
            step *= 2;
        }
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`No merge-base between ${base.slice(0, 12)} and ${head.slice(0, 12)}${fetched ? ` after deepening the clone by ${fetched} commits` : ''}; check out with fetch-depth: 0 or give the base revision explicitly.`);
    }
    /** Files that differ between two commits, with renames paired (old and new path). */
    async changedFiles(base, head) {
        const out = await this.run([
            'diff',
            '--name-status',
            '-z',
            '-M',
            '--no-ext-diff',
            '--no-textconv',
            base,
            head,
        ]);
        const fields = out.split('\0');
        const files = [];
        for (let i = 0; i + 1 < fields.length;) {
            const status = fields[i++];
            if (!status)
                break;
            const letter = status[0];
            if (letter === 'R' || letter === 'C') {
                const oldPath = fields[i++];
                files.push({ status: letter, path: fields[i++], oldPath });
            }
            else {
                files.push({ status: letter, path: fields[i++] });
            }
        }
        return files;
    }
    /** Every file path in a commit's tree. */
    async listFiles(commit) {
        return (await this.run(['ls-tree', '-r', '--name-only', '-z', '--full-tree', commit]))
            .split('\0')
            .filter(Boolean);
    }
    /**
     * Every file in a commit's tree (path -> blob id), from one `ls-tree`. Reading blobs by id
     * (readBlobs) skips the per-path tree walk that `commit:path` lookups repeat for every file.
     */
    async listTree(commit) {
        const out = await this.run(['ls-tree', '-r', '-z', '--full-tree', commit]);
        const blobs = new Map();
        // Entries are `<mode> <type> <oid>\t<path>\0`; parsed by offsets, as trees can hold 100,000 files.
        for (let at = 0; at < out.length;) {
            const end = out.indexOf('\0', at);
            const stop = end < 0 ? out.length : end;
            const tab = out.indexOf('\t', at);
            if (tab > at && tab < stop && out.startsWith('blob ', out.indexOf(' ', at) + 1))
                blobs.set(out.slice(tab + 1, stop), out.slice(out.lastIndexOf(' ', tab) + 1, tab));
            at = stop + 1;
        }
        return blobs;
    }
    /**
     * Reads many files at one revision in one `git cat-file --batch` process. Missing paths map to
     * undefined. Much faster than one `git show` per file on large repositories.
     */
    readFiles(commit, paths) {
        this.trace(`git cat-file --batch (${paths.length} paths at ${commit.slice(0, 12)})`);
        // A name git cannot take on one line asks for something missing instead.
        return this.catFileBatch(paths, (path) => (/[\n\0]/.test(path) ? `${commit}:` : `${commit}:${path}`));
    }
    /** Reads blobs by id (from listTree) in one `git cat-file --batch` process; unknown ids map to undefined. */
    readBlobs(oids) {
        this.trace(`git cat-file --batch (${oids.length} blobs)`);
        return this.catFileBatch(oids, (oid) => (/^[0-9a-f]{40,64}$/.test(oid) ? oid : '0'.repeat(40)));
    }
    catFileBatch(keys, request) {
        return new Promise((resolve, reject) => {
            const child = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawn)('git', ['cat-file', '--batch'], {
                cwd: this.cwd,
                env: { ...process.env, LC_ALL: 'C' },
            });
            const chunks = [];
            child.stdout.on('data', (c) => chunks.push(c));
            child.on('error', reject);
            child.on('close', (code) => {
                if (code !== 0)
                    return reject(new Error(`git cat-file --batch exited ${code}`));
                const out = Buffer.concat(chunks);
                const result = new Map();
                let at = 0;
                // Headers are `<oid> <type> <size>` or `<request> missing|ambiguous`; read by byte offsets,
                // since thousands of manifests come through here.
                for (const key of keys) {
                    const eol = out.indexOf(10, at);
                    const typeAt = out.indexOf(32, at) + 1;
                    const sizeAt = out.indexOf(32, typeAt) + 1;
                    const tail = out.toString('latin1', Math.max(at, eol - 10), eol);
                    if (sizeAt === 0 || sizeAt > eol || tail.endsWith(' missing') || tail === ' ambiguous') {
                        result.set(key, undefined);
                        at = eol + 1;
                        continue;
                    }
                    const size = Number(out.toString('latin1', sizeAt, eol));
                    const isBlob = sizeAt - typeAt === 5 && out.toString('latin1', typeAt, sizeAt) === 'blob ';
                    at = eol + 1;
                    result.set(key, isBlob ? out.toString('utf8', at, at + size) : undefined);
                    at += size + 1;
                }
                resolve(result);
            });
            child.stdin.end(keys.map((key) => `${request(key)}\n`).join(''));
        });
    }
    /** One file at a revision, or undefined when it does not exist there. */
    async readFile(commit, path) {
        return (await this.readFiles(commit, [path])).get(path);
    }
    /** One commit's author, committer date and subject. */
    async commit(sha) {
        const [commit] = parseCommits(await this.run(['show', '-s', '-z', `--format=${COMMIT_FORMAT}`, '--end-of-options', sha]));
        if (!commit)
            throw new Error(`git show ${sha} printed no commit`);
        return commit;
    }
    /**
     * Commits reachable from `include` but not from `exclude` (both SHAs), newest first, at most `max`.
     * `firstParent` follows only the first parent: on a trunk, one entry per merged pull request.
     */
    async log(exclude, include, options) {
        const args = ['log', '-z', `--format=${COMMIT_FORMAT}`, `--max-count=${options.max}`];
        if (options.firstParent)
            args.push('--first-parent');
        return parseCommits(await this.run([...args, '--end-of-options', include, `^${exclude}`]));
    }
    /** How many commits `log` would list without a bound. */
    async countCommits(exclude, include, firstParent = false) {
        const args = ['rev-list', '--count', ...(firstParent ? ['--first-parent'] : [])];
        return Number((await this.run([...args, '--end-of-options', include, `^${exclude}`])).trim());
    }
    /** Names of the tags that point at a commit (directly or through an annotated tag). */
    async tagsAt(sha) {
        return (await this.run(['tag', '--list', `--points-at=${sha}`])).split('\n').filter(Boolean);
    }
    /**
     * `git describe --tags --long` of a commit, limited to tags matching `patterns` (globs), or
     * undefined when no such tag is behind it (or a shallow clone lacks them).
     */
    async describe(sha, patterns) {
        const match = patterns.map((p) => `--match=${p}`);
        const r = await this.exec([
            'describe',
            '--tags',
            '--long',
            '--abbrev=7',
            ...match,
            '--end-of-options',
            sha,
        ]);
        return r.code === 0 ? r.stdout.trim() : undefined;
    }
    /** Tags whose names start with `prefix` (a path such as `deploy/production/`), peeled to commits. */
    async tags(prefix) {
        const out = await this.run([
            'for-each-ref',
            '--format=%(refname:strip=2)%00%(objectname)%00%(*objectname)',
            '--end-of-options',
            `refs/tags/${prefix}`,
        ]);
        return out
            .split('\n')
            .filter(Boolean)
            .map((line) => {
            const [name, object, peeled] = line.split('\0');
            return { name, object, commit: peeled || object };
        });
    }
    /** The message of an annotated tag, or undefined for a lightweight or missing one. */
    async tagMessage(name) {
        const r = await this.exec([
            'for-each-ref',
            '--format=%(objecttype)%00%(contents)',
            '--end-of-options',
            `refs/tags/${name}`,
        ]);
        // for-each-ref ends each entry with a newline of its own.
        const [type, message] = r.stdout.replace(/\n$/, '').split('\0');
        return r.code === 0 && type === 'tag' ? message : undefined;
    }
}


/***/ }),

/***/ 4823:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   H: () => (/* binding */ planRange),
/* harmony export */   S: () => (/* binding */ resolveRange)
/* harmony export */ });
/* harmony import */ var _git_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7366);

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

//# sourceMappingURL=823.index.js.map
export const id = 668;
export const ids = [668];
export const modules = {

/***/ 1646:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DQ: () => (/* binding */ loginOf),
/* harmony export */   PP: () => (/* binding */ toChanges),
/* harmony export */   _n: () => (/* binding */ pullRequestOf)
/* harmony export */ });
/* unused harmony export MAX_SUBJECT */
/** Commits between the previous deploy and this one, with the pull request each came from. */
/** Longest subject kept per change: a commit subject is untrusted and may be any length. */
const MAX_SUBJECT = 300;
const MERGE_SUBJECT = /^Merge pull request #(\d{1,9}) from /;
const SQUASH_SUBJECT = /\(#(\d{1,9})\)\s*$/;
/** The pull request a subject names as a GitHub merge or squash commit does, or undefined. */
function pullRequestOf(subject) {
    const m = MERGE_SUBJECT.exec(subject) ?? SQUASH_SUBJECT.exec(subject);
    const n = m ? Number(m[1]) : NaN;
    return n > 0 ? n : undefined;
}
/**
 * The GitHub login in a noreply address (`123+octocat@users.noreply.github.com`, or the older
 * `octocat@users.noreply.github.com`; apps as `name[bot]`), else undefined.
 */
function loginOf(email) {
    const m = /^(?:\d+\+)?([A-Za-z0-9][A-Za-z0-9-]{0,38}(?:\[bot\])?)@users\.noreply\.github\.com$/i.exec(email);
    return m?.[1];
}
/** Turns `git log` records into changes: PR numbers parsed, subjects bounded, at most `max` kept. */
function toChanges(raw, count, max) {
    const commits = raw.slice(0, max).map((c) => {
        const subject = c.subject.length > MAX_SUBJECT ? `${c.subject.slice(0, MAX_SUBJECT)}…` : c.subject;
        const pr = pullRequestOf(c.subject);
        return {
            sha: c.sha,
            subject,
            author: loginOf(c.authorEmail) ?? c.authorName,
            ...(pr ? { pr } : {}),
        };
    });
    return {
        count: Math.max(count, raw.length),
        commits,
        truncated: Math.max(count, raw.length) > commits.length,
    };
}


/***/ }),

/***/ 5668:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  inputs: () => (/* binding */ main_inputs),
  run: () => (/* binding */ run)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./shared/context.ts
var context = __webpack_require__(1849);
// EXTERNAL MODULE: ./shared/errors.ts
var errors = __webpack_require__(2635);
// EXTERNAL MODULE: ./shared/git.ts
var shared_git = __webpack_require__(7366);
// EXTERNAL MODULE: ./shared/inputs.ts
var inputs = __webpack_require__(8573);
// EXTERNAL MODULE: ./shared/paths.ts
var paths = __webpack_require__(2);
// EXTERNAL MODULE: ./actions/deploy-metadata/src/changes.ts
var changes = __webpack_require__(1646);
// EXTERNAL MODULE: ./actions/deploy-metadata/src/record.ts
var src_record = __webpack_require__(2534);
// EXTERNAL MODULE: ./shared/summary.ts
var summary = __webpack_require__(6566);
;// CONCATENATED MODULE: ./actions/deploy-metadata/src/report.ts

/** Changes shown in the summary; the output lists up to max-changes. */
const SHOWN = 100;
/** Every output of action.yml, as the runner stores them: strings, empty when unknown. */
function outputValues(record, sinks, written) {
    const outputs = [
        ['json', JSON.stringify(record)],
        ['service', record.service],
        ['environment', record.environment],
        ['sha', record.sha],
        ['short-sha', record.shortSha],
        ['ref', record.ref],
        ['version', record.version],
        ['version-source', record.versionSource],
        ['build-id', record.buildId],
        ['deploy-id', record.deployId],
        ['owner', record.owner.author],
        ['actor', record.owner.actor],
        ['pr', record.pr],
        ['created', record.created],
        ['repository-url', record.repositoryUrl],
        ['run-url', record.runUrl],
        ['labels', sinks.labels],
        ['annotations', sinks.annotations],
        ['k8s-labels', sinks.k8sLabels],
        ['otel-resource-attributes', sinks.otelResourceAttributes],
        ['previous-sha', record.previous?.sha],
        ['previous-version', record.previous?.version],
        ['previous-tag', record.previous?.tag],
        ['changes', JSON.stringify(record.changes?.commits ?? [])],
        ['change-count', record.changes?.count],
        ['deployment-id', written.deploymentId],
        ['tag', written.tag],
        ['env-file', written.envFile],
    ];
    return outputs.map(([name, value]) => [name, value === null || value === undefined ? '' : String(value)]);
}
/** The job summary: the deploy in one line, the record as a table, then the changes and the JSON. */
function summarize(record, written, notes, exported) {
    const s = new summary/* Summary */.BD();
    const since = record.previous
        ? record.changes
            ? `${record.changes.count} change${record.changes.count === 1 ? '' : 's'} since ${(0,summary/* inlineCode */.ti)(record.previous.tag ?? record.previous.sha.slice(0, 7))}${record.previous.version ? ` (${(0,summary/* escapeMarkdown */.FV)(record.previous.version)})` : ''}`
            : `changes since ${(0,summary/* inlineCode */.ti)(record.previous.sha.slice(0, 7))} unknown`
        : 'first deploy';
    s.heading(`Deploy: ${(0,summary/* escapeMarkdown */.FV)(record.service)} ${(0,summary/* escapeMarkdown */.FV)(record.version)} → ${(0,summary/* escapeMarkdown */.FV)(record.environment)} (${record.shortSha}), ${since}`);
    const sinks = [
        'outputs',
        exported ? 'GITHUB_ENV' : '',
        written.envFile ? `env file ${(0,summary/* inlineCode */.ti)(written.envFile)}` : '',
        written.deploymentId !== undefined
            ? `deployment ${written.deploymentId} (${written.deploymentCreated ? 'created' : 'reused'}, status ${written.statusCreated ? 'added' : 'already set'})`
            : '',
        written.tag ? `tag ${(0,summary/* inlineCode */.ti)(written.tag)} (${written.tagCreated ? 'created' : 'reused'})` : '',
        written.tagSkipped ? `no tag: ${(0,summary/* escapeMarkdown */.FV)(written.tagSkipped)}` : '',
    ].filter(Boolean);
    s.table(['Field', 'Value'], [
        ['commit', (0,summary/* inlineCode */.ti)(record.sha)],
        ['ref', (0,summary/* inlineCode */.ti)(record.ref)],
        ['version', `${(0,summary/* inlineCode */.ti)(record.version)} (${record.versionSource})`],
        [
            'owner',
            `${(0,summary/* escapeMarkdown */.FV)(record.owner.author)}${record.owner.actor ? ` (run by ${(0,summary/* escapeMarkdown */.FV)(record.owner.actor)})` : ''}`,
        ],
        ['pull request', record.pr ? `#${record.pr}` : '—'],
        ['created', record.created],
        ['build / deploy id', `${(0,summary/* inlineCode */.ti)(record.buildId)} / ${(0,summary/* inlineCode */.ti)(record.deployId)}`],
        [
            'previous',
            record.previous
                ? `${(0,summary/* inlineCode */.ti)(record.previous.sha.slice(0, 7))} via ${record.previous.source}`
                : '—',
        ],
        ['written to', sinks.join(', ')],
    ]);
    if (notes.length)
        s.list(notes.map((n) => `${n.level === 'warning' ? '⚠️ ' : ''}${(0,summary/* escapeMarkdown */.FV)(n.text)}`));
    const commits = record.changes?.commits ?? [];
    if (commits.length)
        s.details(`Changes (${record.changes.count}${commits.length > SHOWN ? `, first ${SHOWN} shown` : ''})`, (d) => d.table(['Commit', 'PR', 'Author', 'Subject'], commits
            .slice(0, SHOWN)
            .map((c) => [
            (0,summary/* inlineCode */.ti)(c.sha.slice(0, 7)),
            c.pr ? `#${c.pr}` : '',
            (0,summary/* escapeMarkdown */.FV)(c.author),
            (0,summary/* escapeMarkdown */.FV)(c.subject),
        ])));
    s.details('Record (JSON)', (d) => d.code(JSON.stringify({
        ...record,
        changes: record.changes
            ? { ...record.changes, commits: `${commits.length} listed in the changes output` }
            : null,
    }, null, 2), 'json'));
    return s;
}

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
;// CONCATENATED MODULE: ./actions/deploy-metadata/src/sinks.ts

/**
 * Every sink's text from one record, each valid for its target. The record is trusted to be well
 * formed, but the sinks do not rely on it: any value is cleaned and encoded for its format, so a
 * hostile commit subject or input cannot break a label list, a YAML document or an env file.
 */
/** Longest value any sink writes; the JSON output carries the full record. */
const MAX_VALUE = 1024;
const MAX_ANNOTATION = 4096;
/** Replaces lone surrogates (which no encoder accepts) and control characters, then bounds the length. */
function cleanValue(text, max = MAX_VALUE) {
    const cut = text.length > max ? text.slice(0, max) : text;
    const wellFormed = cut.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
    return wellFormed.replace(/[\x00-\x1f\x7f-\x9f\u2028\u2029]/g, ' ');
}
/**
 * A Kubernetes label value: at most 63 characters from `[A-Za-z0-9._-]`, alphanumeric at both ends
 * (or empty). Other characters become `_` (`1.2.0+build` -> `1.2.0_build`, as Helm charts do).
 */
function labelValue(text) {
    return text
        .replace(/[^A-Za-z0-9._-]/g, '_')
        .slice(0, 63)
        .replace(/^[^A-Za-z0-9]+|[^A-Za-z0-9]+$/g, '');
}
/** Nonempty pairs, in order. */
function pairs(entries) {
    return entries.flatMap(([k, v]) => (v === null || v === undefined || v === '' ? [] : [[k, String(v)]]));
}
/** OCI image annotations, `key=value` per line, as docker/build-push-action's `labels` takes them. */
function ociLabels(record) {
    return pairs([
        ['org.opencontainers.image.title', record.service],
        ['org.opencontainers.image.version', record.version],
        ['org.opencontainers.image.revision', record.sha],
        ['org.opencontainers.image.created', record.created],
        ['org.opencontainers.image.source', record.repositoryUrl],
        ['org.opencontainers.image.url', record.repositoryUrl],
    ])
        .map(([k, v]) => `${k}=${cleanValue(v)}`)
        .join('\n');
}
function yamlMap(entries) {
    // Double-quoted values keep `1.10`, `true` and `null` strings; lineWidth 0 never folds a value.
    return (0,dist.stringify)(Object.fromEntries(entries), {
        defaultStringType: 'QUOTE_DOUBLE',
        defaultKeyType: 'PLAIN',
        lineWidth: 0,
    }).trimEnd();
}
/** Kubernetes recommended labels as YAML; every value obeys the label value rules. */
function kubernetesLabels(record, partOf) {
    return yamlMap(pairs([
        ['app.kubernetes.io/name', labelValue(record.service)],
        ['app.kubernetes.io/instance', labelValue(`${record.service}-${record.environment}`)],
        ['app.kubernetes.io/version', labelValue(record.version)],
        ['app.kubernetes.io/part-of', labelValue(partOf)],
        ['app.kubernetes.io/managed-by', 'github-actions'],
    ]));
}
/** Prefix of the annotation keys this action owns. */
const ANNOTATION_PREFIX = 'deploy.trunk-actions.dev';
/** Kubernetes annotations as YAML: the deploy's facts, plus `kubernetes.io/change-cause` for rollout history. */
function kubernetesAnnotations(record) {
    const cause = `${record.service} ${record.version} (${record.shortSha}) to ${record.environment} by ${record.owner.actor || record.owner.author}${record.runUrl ? ` in ${record.runUrl}` : ''}`;
    const p = ANNOTATION_PREFIX;
    return yamlMap(pairs([
        ['kubernetes.io/change-cause', cause],
        [`${p}/sha`, record.sha],
        [`${p}/version`, record.version],
        [`${p}/environment`, record.environment],
        [`${p}/deploy-id`, record.deployId],
        [`${p}/build-id`, record.buildId],
        [`${p}/created`, record.created],
        [`${p}/pr`, record.pr],
        [`${p}/repository-url`, record.repositoryUrl],
        [`${p}/run-url`, record.runUrl],
        [`${p}/previous-sha`, record.previous?.sha],
    ]).map(([k, v]) => [k, cleanValue(v, MAX_ANNOTATION)]));
}
/**
 * Percent-encodes a value for OTEL_RESOURCE_ATTRIBUTES (W3C baggage octets): `,` `=` `%` `;` space,
 * quotes, backslash and all non-ASCII are encoded as UTF-8 bytes; `:` and `/` stay readable.
 */
function encodeAttribute(text) {
    return encodeURIComponent(cleanValue(text)).replace(/%3A/g, ':').replace(/%2F/g, '/');
}
/** OpenTelemetry semantic-convention resource attributes of the deploy, in order. */
function otelAttributes(record) {
    return pairs([
        ['service.name', record.service],
        ['service.version', record.version],
        ['deployment.environment.name', record.environment],
        ['vcs.ref.head.revision', record.sha],
        ['vcs.repository.url.full', record.repositoryUrl],
        ['vcs.change.id', record.pr],
    ]);
}
function formatResourceAttributes(attributes) {
    return attributes.map(([k, v]) => `${k}=${encodeAttribute(v)}`).join(',');
}
/**
 * Adds ours to an OTEL_RESOURCE_ATTRIBUTES value already in the environment: its other keys are
 * kept (still encoded as they were), ours replace theirs.
 */
function mergeResourceAttributes(existing, ours) {
    const mine = new Set(ours.map(([k]) => k));
    const kept = existing
        .split(',')
        .map((item) => item.trim())
        .filter((item) => item.includes('=') && !mine.has(item.slice(0, item.indexOf('=')).trim()));
    return [...kept, formatResourceAttributes(ours)].filter(Boolean).join(',');
}
/** The variables `export-env` and `env-file` write: DEPLOY_*, OpenTelemetry and Datadog. */
function environmentVariables(record, existingOtel = '') {
    const vars = pairs([
        ['DEPLOY_SERVICE', record.service],
        ['DEPLOY_ENVIRONMENT', record.environment],
        ['DEPLOY_SHA', record.sha],
        ['DEPLOY_SHORT_SHA', record.shortSha],
        ['DEPLOY_REF', record.ref],
        ['DEPLOY_VERSION', record.version],
        ['DEPLOY_BUILD_ID', record.buildId],
        ['DEPLOY_ID', record.deployId],
        ['DEPLOY_OWNER', record.owner.author],
        ['DEPLOY_ACTOR', record.owner.actor],
        ['DEPLOY_PR', record.pr],
        ['DEPLOY_CREATED', record.created],
        ['DEPLOY_REPOSITORY_URL', record.repositoryUrl],
        ['DEPLOY_RUN_URL', record.runUrl],
        ['DEPLOY_PREVIOUS_SHA', record.previous?.sha],
        ['DEPLOY_PREVIOUS_VERSION', record.previous?.version],
        ['OTEL_SERVICE_NAME', record.service],
        ['OTEL_RESOURCE_ATTRIBUTES', mergeResourceAttributes(existingOtel, otelAttributes(record))],
        ['DD_ENV', record.environment],
        ['DD_SERVICE', record.service],
        ['DD_VERSION', record.version],
        ['DD_GIT_COMMIT_SHA', record.sha],
        ['DD_GIT_REPOSITORY_URL', record.repositoryUrl],
    ]);
    return vars.map(([k, v]) => [k, cleanValue(v, k === 'OTEL_RESOURCE_ATTRIBUTES' ? Infinity : MAX_VALUE)]);
}
/**
 * One dotenv value that docker `--env-file`, Compose, python-dotenv and Node read the same way:
 * bare when it is plain, else single-quoted (literal, no `$` expansion), else double-quoted when that
 * is safe. A value holding a single quote and a character double quotes would change has its single
 * quotes replaced by ’ so it cannot end the quoting early.
 */
function dotenvValue(text) {
    const value = cleanValue(text, Infinity);
    if (/^[A-Za-z0-9._:/@+,=%-]*$/.test(value))
        return value;
    if (!value.includes("'"))
        return `'${value}'`;
    if (!/["\\$`]/.test(value))
        return `"${value}"`;
    return `'${value.replace(/'/g, '\u2019')}'`;
}
function dotenv(variables) {
    return `${variables.map(([k, v]) => `${k}=${dotenvValue(v)}`).join('\n')}\n`;
}
/** All text sinks at once, so they are computed (and can fail) before anything is written. */
function renderSinks(record, options) {
    const variables = environmentVariables(record, options.existingOtel);
    return {
        labels: ociLabels(record),
        annotations: kubernetesAnnotations(record),
        k8sLabels: kubernetesLabels(record, options.partOf),
        otelResourceAttributes: formatResourceAttributes(otelAttributes(record)),
        variables,
        dotenv: dotenv(variables),
    };
}

;// CONCATENATED MODULE: ./actions/deploy-metadata/src/version.ts
/**
 * Which version a deploy carries: the `version` input, else the semver tag on the commit, else a
 * `git describe`-style version from the last semver tag, else `0.0.0-<short sha>`. Every derived
 * version is valid semver, so `require-semver` only has to check what the user typed.
 */
/** Semantic Versioning 2.0.0, from semver.org, with an optional leading `v` as tags use it. */
const SEMVER = /^v?(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/;
/** What a version input may hold: it ends up in image tags, labels and file names. */
const VERSION_TEXT = /^[A-Za-z0-9][A-Za-z0-9._+-]{0,127}$/;
function isSemver(text) {
    return SEMVER.test(text);
}
/** Drops the `v` of a semver tag (`v1.2.3` -> `1.2.3`); other text is returned as it is. */
function stripV(text) {
    return text.startsWith('v') && isSemver(text) ? text.slice(1) : text;
}
function compareIdentifiers(a, b) {
    const numeric = (s) => /^\d+$/.test(s);
    if (numeric(a) && numeric(b))
        return Number(a) - Number(b);
    if (numeric(a) !== numeric(b))
        return numeric(a) ? -1 : 1;
    return a < b ? -1 : a > b ? 1 : 0;
}
/** Semver precedence (build metadata ignored); both arguments must be valid semver. */
function compareSemver(a, b) {
    const [, ...pa] = SEMVER.exec(a);
    const [, ...pb] = SEMVER.exec(b);
    for (let i = 0; i < 3; i++) {
        const d = Number(pa[i]) - Number(pb[i]);
        if (d !== 0)
            return d;
    }
    const [preA, preB] = [pa[3], pb[3]];
    if (preA === undefined || preB === undefined)
        return preA === preB ? 0 : preA === undefined ? 1 : -1;
    const [ia, ib] = [preA.split('.'), preB.split('.')];
    for (let i = 0; i < Math.min(ia.length, ib.length); i++) {
        const d = compareIdentifiers(ia[i], ib[i]);
        if (d !== 0)
            return d;
    }
    return ia.length - ib.length;
}
/**
 * Parses `git describe --long` output (`v1.2.0-5-gabc1234`) into `1.2.0-5-gabc1234`: the tag's
 * version with the distance and commit appended, which is still semver. A non-semver tag gives undefined.
 */
function describeVersion(describe) {
    const m = /^(.+)-(\d+)-g([0-9a-f]{4,64})$/.exec(describe.trim());
    if (!m || !isSemver(m[1]))
        return undefined;
    return { version: `${stripV(m[1])}-${m[2]}-g${m[3]}`, tag: m[1] };
}
/**
 * Picks the version. Throws a one-sentence message (for an InputError) when the input is not
 * allowed, naming what is.
 */
function chooseVersion(facts) {
    if (facts.input !== undefined) {
        if (!VERSION_TEXT.test(facts.input)) {
            throw new Error(`Input "version" is ${JSON.stringify(facts.input.slice(0, 200))}, which is not allowed: use 1 to 128 letters, digits, ".", "_", "+" or "-", starting with a letter or digit.`);
        }
        if (facts.requireSemver && !isSemver(facts.input)) {
            throw new Error(`Input "version" is ${JSON.stringify(facts.input)}, which is not semantic versioning (such as 1.4.2 or 2.0.0-rc.1), and require-semver is true.`);
        }
        return { version: stripV(facts.input), source: 'input' };
    }
    const semverTags = facts.tagsOnCommit.filter(isSemver).sort((a, b) => compareSemver(b, a));
    if (semverTags.length)
        return { version: stripV(semverTags[0]), source: 'tag', tag: semverTags[0] };
    const described = facts.describe ? describeVersion(facts.describe) : undefined;
    if (described)
        return { ...described, source: 'describe' };
    // A pre-release identifier of digits only may not start with 0; a `g` (as git describe writes) keeps it valid.
    const id = /^\d+$/.test(facts.shortSha) && facts.shortSha.startsWith('0') ? `g${facts.shortSha}` : facts.shortSha;
    return { version: `0.0.0-${id}`, source: 'fallback' };
}

;// CONCATENATED MODULE: ./actions/deploy-metadata/src/main.ts












const STATES = ['in_progress', 'queued', 'pending', 'success', 'failure', 'error', 'inactive'];
const main_inputs = {
    environment: inputs/* input */.hF.required(),
    service: inputs/* input */.hF.optional(),
    version: inputs/* input */.hF.optional(),
    'require-semver': inputs/* input */.hF.boolean(),
    created: inputs/* input */.hF.oneOf(['commit', 'now']),
    'max-changes': inputs/* input */.hF.integer(0, 10_000),
    'part-of': inputs/* input */.hF.optional(),
    'previous-lookup': inputs/* input */.hF.oneOf(['auto', 'git']),
    'export-env': inputs/* input */.hF.boolean(),
    'env-file': inputs/* input */.hF.optional(),
    'create-deployment': inputs/* input */.hF.boolean(),
    'deployment-id': inputs/* input */.hF.optional(),
    'deployment-status': inputs/* input */.hF.oneOf(STATES),
    'environment-url': inputs/* input */.hF.optional(),
    'create-tag': inputs/* input */.hF.boolean(),
    'tag-prefix': inputs/* input */.hF.text(),
    token: inputs/* input */.hF.optional(),
};
/** Checks what parsing cannot: names that must fit tags and labels, ids and URLs. */
function checkOptions(options, ctx) {
    const service = options.service ?? ctx.repo ?? '';
    for (const [name, value] of [
        ['environment', options.environment],
        ['service', service],
    ]) {
        const problem = (0,src_record/* nameProblem */.rH)(value);
        if (problem) {
            const shown = JSON.stringify(value.slice(0, 100));
            throw new errors/* InputError */.dz(`Input "${name}" is ${shown}${name === 'service' && !options.service ? ' (the repository name)' : ''}, which is not allowed: ${problem}.`);
        }
    }
    const prefixProblem = (0,src_record/* tagPrefixProblem */.qp)(options['tag-prefix']);
    if (prefixProblem)
        throw new errors/* InputError */.dz(`Input "tag-prefix" is ${JSON.stringify(options['tag-prefix'].slice(0, 100))}, which is not allowed: ${prefixProblem}.`);
    const rawId = options['deployment-id'];
    if (rawId !== undefined && !/^[1-9]\d{0,15}$/.test(rawId))
        throw new errors/* InputError */.dz(`Input "deployment-id" is ${JSON.stringify(rawId.slice(0, 100))}, which is not allowed: use the numeric deployment-id output of an earlier step.`);
    const url = options['environment-url'];
    if (url !== undefined && !/^https?:\/\/[^\s]+$/.test(url))
        throw new errors/* InputError */.dz(`Input "environment-url" is ${JSON.stringify(url.slice(0, 100))}, which is not allowed: use an http(s) URL.`);
    return { service, deploymentId: rawId === undefined ? undefined : Number(rawId) };
}
/** Loads the API module and client only when something needs GitHub: most runs never pay for it. */
async function connect(io, token, why, ctx) {
    const [{ connectGitHub }, { DeployApi: Api }] = await Promise.all([
        Promise.all(/* import() */[__webpack_require__.e(392), __webpack_require__.e(319)]).then(__webpack_require__.bind(__webpack_require__, 4319)),
        Promise.all(/* import() */[__webpack_require__.e(392), __webpack_require__.e(445)]).then(__webpack_require__.bind(__webpack_require__, 1445)),
    ]);
    const gh = connectGitHub(io, token, why);
    if (!ctx.owner || !ctx.repo)
        throw new errors/* UserError */.yo(`GITHUB_REPOSITORY is not set, but ${why} needs to know the repository; set it as owner/name.`);
    return new Api(gh, ctx.owner, ctx.repo);
}
/** The previous deploy of the environment: local deploy tags, then GitHub's tags, then its deployments. */
async function findPrevious(git, draft, prefix, api) {
    const local = (0,src_record/* deployTags */.Lq)(await git.tags(`${prefix}${draft.environment}/`), prefix, draft.environment);
    const fromLocal = await (0,src_record/* previousFromTags */.xs)(local, async (tag) => ({ commit: tag.commit, message: await git.tagMessage(tag.name) }), draft);
    if (fromLocal || !api)
        return { previous: fromLocal };
    try {
        const client = await api();
        const remote = await client.deployTags(prefix, draft.environment);
        return {
            previous: (await (0,src_record/* previousFromTags */.xs)(remote, (tag) => client.peel(tag), draft)) ??
                (await client.lastSuccessfulDeployment(draft)),
        };
    }
    catch (error) {
        if (error instanceof errors/* UserError */.yo)
            throw error;
        const text = `Could not look up the previous deploy on GitHub (${(0,errors/* describeError */.Uc)(error)}), so changes since it are not listed; give the token "contents: read" and "deployments: read", or set previous-lookup: git.`;
        return { note: { level: 'warning', text } };
    }
}
/** Commits since the previous deploy, deepening a shallow clone as needed; a note when impossible. */
async function changesSince(git, previous, head, max) {
    const where = previous.tag ? `deploy tag ${previous.tag}` : 'the last successful deployment';
    const unreachable = `The previous deploy ${previous.sha.slice(0, 7)} (${where}) is not in this clone and could not be fetched, so changes since it are not listed; check out with actions/checkout fetch-depth: 0.`;
    let prev = await git.tryResolve(previous.sha);
    if (!prev && (await git.fetch([previous.sha], 1)))
        prev = await git.tryResolve(previous.sha);
    if (!prev)
        return { notes: [{ level: 'warning', text: unreachable }] };
    try {
        await git.mergeBase(prev, head);
    }
    catch (error) {
        if (!(error instanceof errors/* UserError */.yo))
            throw error;
        return { notes: [{ level: 'warning', text: `${unreachable} (${error.message})` }] };
    }
    const [raw, count] = await Promise.all([
        git.log(prev, head, { max, firstParent: true }),
        git.countCommits(prev, head, true),
    ]);
    return { changes: (0,changes/* toChanges */.PP)(raw, count, max), notes: [] };
}
/** The previous deploy and the changes since it, with what could not be found and why. */
async function main_history(git, draft, options, api) {
    const found = await findPrevious(git, draft, options['tag-prefix'], api);
    if (found.previous)
        return {
            previous: found.previous,
            ...(await changesSince(git, found.previous, draft.sha, options['max-changes'])),
        };
    if (found.note)
        return { notes: [found.note] };
    const env = draft.environment;
    return {
        notes: [
            // GitHub, when asked, knows every deploy tag; a shallow clone alone may just lack them.
            !api && (await git.isShallow())
                ? {
                    level: 'warning',
                    text: `No earlier deploy of ${env} was found in this shallow clone: if this is not the first one, check out with fetch-depth: 0 (which fetches the deploy tags) or let GitHub be asked (previous-lookup: auto with a token).`,
                }
                : { level: 'info', text: `No earlier deploy of ${env} was found: this is the first one.` },
        ],
    };
}
/** The deployed commit and its version. */
async function commitFacts(git, ctx, options) {
    const head = await git.resolve(ctx.pullRequest?.headSha ? 'the pull request head' : 'the event commit', ctx.headSha || 'HEAD');
    const derive = options.version === undefined;
    // Independent git reads, run side by side: each git process costs tens of milliseconds.
    const [commit, tagsOnCommit, describe] = await Promise.all([
        git.commit(head),
        derive ? git.tagsAt(head) : [],
        derive ? git.describe(head, ['v[0-9]*.[0-9]*.[0-9]*', '[0-9]*.[0-9]*.[0-9]*']) : undefined,
    ]);
    try {
        const version = chooseVersion({
            input: options.version,
            requireSemver: options['require-semver'],
            tagsOnCommit,
            describe,
            shortSha: head.slice(0, 7),
        });
        return { commit, version };
    }
    catch (error) {
        throw new errors/* InputError */.dz((0,errors/* describeError */.Uc)(error));
    }
}
/** Where the dotenv file goes, checked before anything is written. */
function envFilePath(io, workspace, raw) {
    if (raw === undefined)
        return undefined;
    const path = (0,paths/* resolveInside */.L)(workspace, raw, 'env-file', [io.env.RUNNER_TEMP ?? '']);
    if ((0,external_node_fs_.existsSync)(path) && (0,external_node_fs_.statSync)(path).isDirectory())
        throw new errors/* InputError */.dz(`Input "env-file" is ${JSON.stringify(raw.slice(0, 200))}, which is a directory; give a file path.`);
    return path;
}
async function run(io) {
    const options = await (0,inputs/* parseInputs */.TL)(main_inputs, io, { secret: ['token'] });
    if (options.token)
        io.setSecret(options.token);
    const payload = (0,context/* readEventPayload */.N)(io.env);
    const ctx = (0,context/* eventContext */.W)(io.env, payload);
    const workspace = ctx.workspace || process.cwd();
    const { service, deploymentId } = checkOptions(options, { ...ctx, repo: ctx.repo || (0,external_node_path_.basename)(workspace) });
    const envFile = envFilePath(io, workspace, options['env-file']);
    const apiSinks = options['create-deployment'] || deploymentId !== undefined || options['create-tag'];
    let client;
    const api = () => (client ??= connect(io, options.token, 'create-deployment, deployment-id or create-tag', ctx));
    // A missing token or repository fails here, before anything is computed or written.
    if (apiSinks)
        await api();
    const lookupApi = options['previous-lookup'] === 'auto' && options.token && ctx.owner ? api : undefined;
    const git = new shared_git/* Git */.TU(workspace, { trace: (line) => io.log.debug(line) });
    if (!(await git.isRepository()))
        throw new errors/* UserError */.yo(`${workspace} is not a git repository; run actions/checkout before deploy-metadata.`);
    const { commit, version } = await commitFacts(git, ctx, options);
    // Outside a runner there is no GITHUB_REF: the branch checked out stands in.
    const ref = ctx.ref || (await git.exec(['symbolic-ref', '--quiet', 'HEAD'])).stdout.trim();
    const facts = {
        ctx: { ...ctx, ref },
        environment: options.environment,
        service,
        commit,
        authorLogin: (0,src_record/* pushAuthorLogin */.HO)(payload, commit.sha),
        version,
        created: options.created,
        now: new Date(),
    };
    const found = await io.log.group('Previous deploy', () => main_history(git, (0,src_record/* buildRecord */.kA)(facts), options, lookupApi));
    const record = (0,src_record/* buildRecord */.kA)({ ...facts, previous: found.previous, changes: found.changes });
    io.log.info(`Deploy record: ${record.service} ${record.version} (${record.shortSha}) to ${record.environment}, deploy id ${record.deployId}.`);
    if (record.previous)
        io.log.info(`Previous deploy: ${record.previous.tag ?? `deployment of ${record.previous.sha.slice(0, 7)}`}${record.changes ? `, ${record.changes.count} change(s) since` : ''}.`);
    // Every text sink is computed before anything is written, so a failure leaves none half-written.
    const sinks = renderSinks(record, {
        partOf: options['part-of'] ?? (ctx.repo || service),
        existingOtel: io.env.OTEL_RESOURCE_ATTRIBUTES,
    });
    const written = {};
    if (apiSinks)
        await writeApiSinks(io, await api(), record, options, deploymentId, written);
    if (envFile) {
        (0,external_node_fs_.mkdirSync)((0,external_node_path_.dirname)(envFile), { recursive: true });
        (0,external_node_fs_.writeFileSync)(envFile, sinks.dotenv);
        written.envFile = envFile;
    }
    if (options['export-env'])
        for (const [name, value] of sinks.variables)
            io.exportVariable(name, value);
    for (const [name, value] of outputValues(record, sinks, written))
        io.setOutput(name, value);
    for (const note of found.notes) {
        if (note.level === 'warning')
            io.log.warning(note.text);
        else
            io.log.info(note.text);
    }
    await io.writeSummary(summarize(record, written, found.notes, options['export-env']));
}
async function writeApiSinks(io, api, record, options, givenId, written) {
    const { explainApiError } = await Promise.all(/* import() */[__webpack_require__.e(392), __webpack_require__.e(445)]).then(__webpack_require__.bind(__webpack_require__, 1445));
    const state = options['deployment-status'];
    const step = async (what, permission, body) => {
        try {
            return await body();
        }
        catch (error) {
            if (error instanceof errors/* UserError */.yo)
                throw error;
            const done = [
                written.deploymentId
                    ? `deployment ${written.deploymentId} is ${written.deploymentCreated ? 'created' : 'in place'}`
                    : '',
            ].filter(Boolean);
            throw explainApiError(`${what}${done.length ? ` (${done.join('; ')}; run the job again to finish)` : ''}`, error, permission);
        }
    };
    if (options['create-deployment'] || givenId !== undefined) {
        if (givenId !== undefined) {
            await step('Reading deployment', 'deployments: read', () => api.checkDeployment(givenId, record));
            written.deploymentId = givenId;
            written.deploymentCreated = false;
        }
        else {
            const deployment = await step('Creating the deployment', 'deployments: write', () => api.ensureDeployment(record));
            written.deploymentId = deployment.id;
            written.deploymentCreated = deployment.created;
        }
        const status = await step('Setting the deployment status', 'deployments: write', () => api.setStatus(written.deploymentId, {
            state,
            logUrl: record.runUrl ? `${record.runUrl}/attempts/${record.buildId.split('-')[1]}` : '',
            environmentUrl: options['environment-url'],
            description: `${record.service} ${record.version} (${record.shortSha})`,
        }));
        written.statusCreated = status.created;
    }
    if (options['create-tag']) {
        if (written.deploymentId !== undefined && state !== 'success') {
            written.tagSkipped = `the deployment status is ${state}; the deploy tag is created with the success status`;
            io.log.info(`Deploy tag not created: ${written.tagSkipped}.`);
            return;
        }
        const tag = await step('Creating the deploy tag', 'contents: write', () => api.ensureTag(record, options['tag-prefix']));
        written.tag = tag.name;
        written.tagCreated = tag.created;
    }
}


/***/ }),

/***/ 2534:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   HO: () => (/* binding */ pushAuthorLogin),
/* harmony export */   Lq: () => (/* binding */ deployTags),
/* harmony export */   Mf: () => (/* binding */ isSameRun),
/* harmony export */   Nx: () => (/* binding */ storedRecord),
/* harmony export */   ib: () => (/* binding */ tagMessage),
/* harmony export */   kA: () => (/* binding */ buildRecord),
/* harmony export */   qp: () => (/* binding */ tagPrefixProblem),
/* harmony export */   rH: () => (/* binding */ nameProblem),
/* harmony export */   tw: () => (/* binding */ deployTagName),
/* harmony export */   xs: () => (/* binding */ previousFromTags)
/* harmony export */ });
/* unused harmony exports SCHEMA, LABEL_VALUE, deployNumber, recordInMessage, rfc3339 */
/* harmony import */ var _changes_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1646);

/** Bumped when a field changes meaning or goes away; new fields keep the version. */
const SCHEMA = 'trunk-actions/deploy-record/v1';
/** Label values in Kubernetes: at most 63 characters, alphanumeric at both ends, `-_.` inside. */
const LABEL_VALUE = /^(?:[A-Za-z0-9](?:[A-Za-z0-9._-]{0,61}[A-Za-z0-9])?)$/;
/**
 * Why a name cannot be an environment or service (it goes into a tag name, a label value and an
 * env file), or undefined when it can.
 */
function nameProblem(name) {
    if (!LABEL_VALUE.test(name))
        return 'use 1 to 63 letters, digits, ".", "_" or "-", starting and ending with a letter or digit (it goes into a git tag and a Kubernetes label)';
    if (name.includes('..') || name.endsWith('.lock'))
        return 'a git tag name cannot hold ".." or end in ".lock"';
    return undefined;
}
/** Why a tag prefix cannot go before `<environment>/<n>` in a tag name, or undefined. */
function tagPrefixProblem(prefix) {
    if (prefix.length > 100)
        return 'use at most 100 characters';
    if (!/^[A-Za-z0-9._/-]*$/.test(prefix))
        return 'use letters, digits, ".", "_", "-" and "/" only';
    const parts = prefix.split('/');
    if (parts.slice(0, -1).some((p) => p === '' || p.startsWith('.') || p.endsWith('.lock')) ||
        prefix.includes('..'))
        return 'each path part must be non-empty, not start with "." and not end in ".lock"; ".." is not allowed';
    if (/^[-.]/.test(prefix))
        return 'start with a letter or digit';
    return undefined;
}
function deployTagName(prefix, environment, n) {
    return `${prefix}${environment}/${n}`;
}
/** The deploy number in `<prefix><environment>/<n>`, or undefined for any other tag. */
function deployNumber(tag, prefix, environment) {
    const head = `${prefix}${environment}/`;
    if (!tag.startsWith(head))
        return undefined;
    const n = tag.slice(head.length);
    return /^[1-9]\d{0,8}$/.test(n) ? Number(n) : undefined;
}
/** Deploy tags of one environment, newest (highest number) first. */
function deployTags(tags, prefix, environment) {
    return tags
        .flatMap((t) => {
        const n = deployNumber(t.name, prefix, environment);
        return n === undefined ? [] : [{ ...t, n }];
    })
        .sort((a, b) => b.n - a.n);
}
/** The run part of a build id (`1234-2` -> `1234`); local runs have none. */
function runOf(buildId) {
    return typeof buildId === 'string' && /^\d+-\d+$/.test(buildId) ? buildId.replace(/-\d+$/, '') : undefined;
}
/** True when a stored record (a deployment payload, a tag message) came from this run, any attempt. */
function isSameRun(stored, record) {
    const s = stored;
    const ours = runOf(record.buildId);
    return !!ours && s?.environment === record.environment && runOf(s?.buildId) === ours;
}
/** What goes into a deployment payload and a tag message: the record without the commit list. */
function storedRecord(record) {
    return { ...record, changes: record.changes ? { count: record.changes.count } : null };
}
/** The annotated tag's message: one line for people, then the record as JSON for tools. */
function tagMessage(record) {
    return `deploy ${record.service} ${record.version} to ${record.environment}\n\n${JSON.stringify(storedRecord(record), null, 2)}\n`;
}
/** The record inside a deploy tag message, or undefined when the message holds none. */
function recordInMessage(message) {
    const start = message.indexOf('{');
    if (start < 0)
        return undefined;
    try {
        const value = JSON.parse(message.slice(start, message.lastIndexOf('}') + 1));
        return value && typeof value === 'object' && !Array.isArray(value)
            ? value
            : undefined;
    }
    catch {
        return undefined;
    }
}
/** RFC 3339 in UTC with whole seconds, the form OCI `created` and most tools expect. */
function rfc3339(date) {
    return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
/** The login a push event gives for the author of the pushed head commit, when it is `sha`. */
function pushAuthorLogin(payload, sha) {
    const head = payload.head_commit;
    const login = head?.id === sha ? head.author?.username : undefined;
    return typeof login === 'string' && /^[A-Za-z0-9][A-Za-z0-9-]{0,38}(\[bot\])?$/.test(login)
        ? login
        : undefined;
}
/** Builds the record from the event and git facts. Pure: the clock comes in as `now`. */
function buildRecord(facts) {
    const { ctx, commit } = facts;
    const pr = ctx.pullRequest;
    const buildId = ctx.runId ? `${ctx.runId}-${ctx.runAttempt}` : 'local';
    const committed = new Date(commit.committedAt);
    if (Number.isNaN(committed.getTime()))
        throw new Error(`bug: commit time ${commit.committedAt} is not a date`);
    return {
        schema: SCHEMA,
        service: facts.service,
        environment: facts.environment,
        sha: commit.sha,
        shortSha: commit.sha.slice(0, 7),
        // A pull request build deploys the head branch, not the refs/pull/N/merge ref.
        ref: pr?.headRef ? `refs/heads/${pr.headRef}` : ctx.ref,
        version: facts.version.version,
        versionSource: facts.version.source,
        buildId,
        deployId: `${facts.environment}-${buildId}`,
        owner: {
            author: facts.authorLogin ?? (0,_changes_js__WEBPACK_IMPORTED_MODULE_0__/* .loginOf */ .DQ)(commit.authorEmail) ?? (pr?.author || commit.authorName),
            actor: ctx.actor,
        },
        pr: pr?.number ?? (0,_changes_js__WEBPACK_IMPORTED_MODULE_0__/* .pullRequestOf */ ._n)(commit.subject) ?? null,
        created: rfc3339(facts.created === 'now' ? facts.now : committed),
        repositoryUrl: ctx.repositoryUrl,
        runUrl: ctx.runUrl,
        previous: facts.previous ?? null,
        changes: facts.changes ?? null,
    };
}
/** The newest deploy tag not made by this run, with its commit and the version its message records. */
async function previousFromTags(tags, load, record) {
    for (const tag of tags.slice(0, 5)) {
        const { commit, message } = await load(tag);
        const stored = message ? recordInMessage(message) : undefined;
        if (isSameRun(stored, record))
            continue;
        const version = typeof stored?.version === 'string' ? stored.version : undefined;
        return { sha: commit, tag: tag.name, source: 'tag', ...(version ? { version } : {}) };
    }
    return undefined;
}


/***/ }),

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
    const inputs = {};
    for (const [k, v] of Object.entries(obj(payload.inputs)))
        inputs[k] = typeof v === 'string' ? v : JSON.stringify(v);
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
const TRUE = new Set(['true', 'yes', 'on', '1']);
const FALSE = new Set(['false', 'no', 'off', '0']);
/** Splits a newline- or comma-separated list; blank entries and `#` comment lines are dropped. */
function splitList(raw) {
    return raw
        .split(/\r?\n/)
        .filter((line) => !line.trim().startsWith('#'))
        .flatMap((line) => line.split(','))
        .map((item) => item.trim())
        .filter(Boolean);
}
const input = {
    /** Any text; empty stays empty. */
    text: () => _zod_js__WEBPACK_IMPORTED_MODULE_0__/* .pipe */ .Fs(_zod_js__WEBPACK_IMPORTED_MODULE_0__/* .string */ .Yj(), _zod_js__WEBPACK_IMPORTED_MODULE_0__/* .transform */ .pd((raw) => raw.trim())),
    /** Text that must not be empty. */
    required: () => custom((raw) => raw || undefined, 'a value is required'),
    /** Empty becomes undefined. */
    optional: () => _zod_js__WEBPACK_IMPORTED_MODULE_0__/* .pipe */ .Fs(_zod_js__WEBPACK_IMPORTED_MODULE_0__/* .string */ .Yj(), _zod_js__WEBPACK_IMPORTED_MODULE_0__/* .transform */ .pd((raw) => raw.trim() || undefined)),
    boolean: () => custom((raw) => {
        const lower = raw.toLowerCase();
        return TRUE.has(lower) ? true : FALSE.has(lower) ? false : undefined;
    }, 'allowed values are true or false'),
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
    json: (schema, fallback, describe) => custom((raw) => (raw === '' ? fallback : schema.parse(JSON.parse(raw))), `expected ${describe} as JSON`),
    /** A YAML (or JSON) value checked against `schema`. Empty gives `fallback`. */
    yaml: (schema, fallback, describe) => {
        const parsed = custom((raw) => (raw === '' ? fallback : schema.parse((0,_yaml_js__WEBPACK_IMPORTED_MODULE_3__/* .parseYaml */ .hN)(raw))), `expected ${describe} as YAML`);
        yamlInputs.add(parsed);
        return parsed;
    },
};
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
    const shown = options.secret?.includes(name) ? '(hidden)' : JSON.stringify((0,_neutralise_js__WEBPACK_IMPORTED_MODULE_4__/* .truncate */ .x)(raw[name] ?? '', 200));
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(`Input "${name}" is ${shown}, which is not allowed: ${issue.message}.`);
}


/***/ }),

/***/ 2:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   L: () => (/* binding */ resolveInside)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2635);



function within(root, path) {
    const rel = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.relative)(root, path);
    return rel === '' || (!rel.startsWith(`..${node_path__WEBPACK_IMPORTED_MODULE_1__.sep}`) && rel !== '..' && !(0,node_path__WEBPACK_IMPORTED_MODULE_1__.isAbsolute)(rel));
}
/** The real path of `path`, or of its nearest existing parent joined with the rest. */
function realPathOf(path) {
    if ((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(path))
        return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.realpathSync)(path);
    const parent = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(path);
    return parent === path ? path : (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(realPathOf(parent), (0,node_path__WEBPACK_IMPORTED_MODULE_1__.relative)(parent, path));
}
/**
 * Resolves a path input inside the workspace (or one of `extraRoots`, such as RUNNER_TEMP),
 * refusing `..` escapes, absolute paths elsewhere and symlinks that lead out. Returns the absolute path.
 */
function resolveInside(workspace, input, inputName, extraRoots = []) {
    if (/\0/.test(input))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(`Input "${inputName}" contains a NUL character.`);
    const roots = [workspace, ...extraRoots].filter(Boolean).map((r) => realPathOf((0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(r)));
    const absolute = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(workspace, input);
    const real = realPathOf(absolute);
    if (!roots.some((root) => within(root, real))) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(`Input "${inputName}" is ${JSON.stringify(input.slice(0, 200))}, which leads outside the workspace${(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(absolute) && real !== absolute ? ' through a symbolic link' : ''}; use a path inside the repository.`);
    }
    return absolute;
}


/***/ }),

/***/ 6566:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BD: () => (/* binding */ Summary),
/* harmony export */   FV: () => (/* binding */ escapeMarkdown),
/* harmony export */   ti: () => (/* binding */ inlineCode)
/* harmony export */ });
/* harmony import */ var _neutralise_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2642);

/** GitHub rejects a step summary over 1 MiB; keep well under so several steps can write one. */
const MAX_SUMMARY_CHARS = 512 * 1024;
/**
 * A job summary built as blocks, rendered to Markdown for GitHub and to plain text for a terminal.
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
    /** A Mermaid diagram; GitHub renders it in summaries, a terminal shows its source. */
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
    toMarkdown() {
        const markdown = this.blocks.map(renderMarkdown).join('\n\n') + '\n';
        return markdown.length > MAX_SUMMARY_CHARS
            ? `${markdown.slice(0, MAX_SUMMARY_CHARS)}\n\n_Summary cut at ${MAX_SUMMARY_CHARS} characters._\n`
            : markdown;
    }
    toTerminal() {
        return this.blocks.map((block) => renderTerminal(block)).join('\n\n') + '\n';
    }
}
/** Escapes text for a Markdown table cell or inline position. */
function escapeMarkdown(text) {
    return (0,_neutralise_js__WEBPACK_IMPORTED_MODULE_0__/* .truncate */ .x)(text, 2000)
        .replace(/[\\`*_{}[\]<>|#!]/g, (c) => `\\${c}`)
        .replace(/\r?\n/g, ' ');
}
/** Inline code that survives any content (backticks inside are fenced by longer runs). */
function inlineCode(text) {
    const clean = (0,_neutralise_js__WEBPACK_IMPORTED_MODULE_0__/* .truncate */ .x)(text, 2000).replace(/\r?\n/g, ' ').replace(/\|/g, '\\|');
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
            const row = (cells) => `| ${cells.map((c) => String(c).replace(/(?<!\\)\|/g, '\\|')).join(' | ')} |`;
            return [row(block.header), row(block.header.map(() => '---')), ...block.rows.map(row)].join('\n');
        }
        case 'details':
            return `<details><summary>${escapeMarkdown(block.title)}</summary>\n\n${block.body.toMarkdown()}\n</details>`;
    }
}
/** Strips Markdown emphasis and escapes for plain terminal output. */
function plain(text) {
    return String(text)
        .replace(/\\([\\`*_{}[\]<>|#!])/g, '$1')
        .replace(/\*\*([^*]+)\*\*/g, '$1');
}
function renderTerminal(block) {
    switch (block.kind) {
        case 'heading':
            return plain(block.text).toUpperCase();
        case 'text':
            return plain(block.text);
        case 'list':
            return block.items.map((item) => `  - ${plain(item)}`).join('\n');
        case 'code':
            return block.text
                .split('\n')
                .map((line) => `    ${line}`)
                .join('\n');
        case 'table': {
            const rows = [block.header, ...block.rows].map((r) => r.map((c) => plain(String(c))));
            const widths = block.header.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
            const line = (r) => r
                .map((c, i) => c.padEnd(widths[i]))
                .join('  ')
                .trimEnd();
            return [line(rows[0]), line(widths.map((w) => '-'.repeat(w))), ...rows.slice(1).map(line)].join('\n');
        }
        case 'details':
            return `${plain(block.title)}:\n${block.body
                .toTerminal()
                .trimEnd()
                .split('\n')
                .map((l) => `  ${l}`)
                .join('\n')}`;
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

//# sourceMappingURL=668.index.js.map
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
// EXTERNAL MODULE: ./shared/files.ts
var files = __webpack_require__(8365);
// EXTERNAL MODULE: ./shared/git.ts + 1 modules
var shared_git = __webpack_require__(9801);
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
const envFilePlace = (io) => ({ input: 'env-file', extraRoots: [io.env.RUNNER_TEMP ?? ''] });
/** Where the dotenv file goes, checked before anything is written. */
function envFilePath(io, workspace, raw) {
    if (raw === undefined)
        return undefined;
    const place = envFilePlace(io);
    const path = (0,paths/* resolveInside */.LI)(workspace, raw, place.input, place.extraRoots);
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
        (0,files/* writeInside */.Mt)(workspace, envFile, sinks.dotenv, envFilePlace(io));
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

/***/ 8365:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   H4: () => (/* binding */ readChunksInside),
/* harmony export */   Mt: () => (/* binding */ writeInside),
/* harmony export */   YA: () => (/* binding */ readTextInside),
/* harmony export */   lY: () => (/* binding */ findFiles),
/* harmony export */   xO: () => (/* binding */ readInside)
/* harmony export */ });
/* unused harmony export decodeText */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2635);
/* harmony import */ var _glob_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5342);
/* harmony import */ var _paths_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(2);





/**
 * The one way actions touch files a user names. A path is resolved with every link followed
 * (dangling ones too) and must lead into the workspace or an extra root (RUNNER_TEMP); the file is
 * then opened without following links (O_NOFOLLOW), so a link swapped in afterwards is refused, and
 * without blocking (O_NONBLOCK), so a FIFO cannot hang the step. Reads take regular files only and
 * stop at a byte cap that the error names.
 */
/** Folders never searched for inputs: VCS data and installed dependencies. */
const SKIPPED_DIRS = new Set(['.git', 'node_modules']);
const mib = (bytes) => bytes >= 1024 * 1024 ? `${+(bytes / 1024 / 1024).toFixed(1)} MiB` : `${+(bytes / 1024).toFixed(1)} KiB`;
/** One sentence for an error from opening a file the user named. */
function openError(error, path, input) {
    const code = error.code;
    const what = code === 'ENOENT'
        ? 'which does not exist'
        : code === 'EISDIR'
            ? 'which is a directory; name a file'
            : code === 'ELOOP'
                ? 'which is a symbolic link (it changed while being opened)'
                : code === 'ENOTDIR'
                    ? 'but a folder on its way is a file'
                    : code === 'EACCES' || code === 'EPERM'
                        ? 'which this step may not open'
                        : code === 'ENXIO'
                            ? 'which is not a regular file'
                            : `which cannot be opened (${code ?? error.message})`;
    return new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(`Input "${input}" names ${path}, ${what}.`);
}
function openConfined(workspace, path, place, flags) {
    const { real } = (0,_paths_js__WEBPACK_IMPORTED_MODULE_4__/* .confine */ .Do)(workspace, path, place.input, place.extraRoots);
    const shown = path.slice(0, 200);
    try {
        if (flags & node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_WRONLY)
            (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.mkdirSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(real), { recursive: true });
        const fd = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.openSync)(real, flags | node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_NOFOLLOW | node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_NONBLOCK, 0o644);
        return { fd, shown };
    }
    catch (error) {
        if (error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo)
            throw error;
        throw openError(error, shown, place.input);
    }
}
/** A file the user named, as bytes: inside the workspace, a regular file, at most `maxBytes`. */
function readInside(workspace, path, place) {
    const { fd, shown } = openConfined(workspace, path, place, node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_RDONLY);
    try {
        const stats = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.fstatSync)(fd);
        if (stats.isDirectory())
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(`Input "${place.input}" names ${shown}, which is a directory; name a file.`);
        if (!stats.isFile())
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(`Input "${place.input}" names ${shown}, which is not a regular file.`);
        const tooLarge = () => new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(`Input "${place.input}" names ${shown}, which is larger than ${mib(place.maxBytes)}; at most ${place.maxBytes} bytes are read.`);
        if (stats.size > place.maxBytes)
            throw tooLarge();
        // read to the cap plus one byte whatever the size said: a file may grow while it is read
        const buffer = Buffer.allocUnsafe(Math.min(place.maxBytes + 1, Math.max(stats.size, 64 * 1024) + 1));
        let length = 0;
        for (;;) {
            if (length === buffer.length)
                break;
            const n = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readSync)(fd, buffer, length, buffer.length - length, null);
            if (n === 0)
                break;
            length += n;
        }
        if (length > place.maxBytes)
            throw tooLarge();
        return buffer.subarray(0, length);
    }
    finally {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.closeSync)(fd);
    }
}
const decoder = new TextDecoder('utf-8', { fatal: true });
/**
 * A text file the user named: `readInside`, then UTF-8 without NUL bytes (a BOM is dropped).
 * Anything else is a user error naming the input and the file, never a parser crash later.
 */
function readTextInside(workspace, path, place) {
    return decodeText(readInside(workspace, path, place), path, place.input);
}
/** Bytes as UTF-8 text, or a user error naming the input and file when they are not text. */
function decodeText(bytes, path, input) {
    let text;
    try {
        text = decoder.decode(bytes);
    }
    catch {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(`Input "${input}" names ${path.slice(0, 200)}, which is not UTF-8 text.`);
    }
    if (text.includes('\0'))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(`Input "${input}" names ${path.slice(0, 200)}, which is not text (it holds NUL bytes).`);
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
/**
 * Writes (replaces) a file the user named, inside the workspace or an extra root, creating its
 * folders. A link whose target stays inside is written through; one leading out is refused.
 * Returns the absolute path as given.
 */
function writeInside(workspace, path, data, place) {
    const { fd, shown } = openConfined(workspace, path, place, node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_WRONLY | node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_CREAT | node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_TRUNC);
    try {
        if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.fstatSync)(fd).isFile())
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(`Input "${place.input}" names ${shown}, which is not a regular file.`);
        const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
        for (let at = 0; at < bytes.length;)
            at += (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.writeSync)(fd, bytes, at, bytes.length - at);
    }
    finally {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.closeSync)(fd);
    }
    return (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(workspace, path);
}
/**
 * A search pattern relative to the workspace. One written as an absolute path inside the workspace
 * is made relative; `/x` stays anchored at the root when `x` exists there; any other absolute
 * pattern, or one with a `..` segment, leads outside and is an error naming the input.
 */
function workspacePattern(root, pattern, inputName) {
    const negated = pattern.startsWith('!');
    let body = negated ? pattern.slice(1) : pattern;
    if ((0,node_path__WEBPACK_IMPORTED_MODULE_1__.isAbsolute)(body)) {
        const first = body.split('/').find(Boolean) ?? '';
        if ((0,_paths_js__WEBPACK_IMPORTED_MODULE_4__/* .within */ .ux)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(root), body))
            body = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.relative)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(root), body) || '**';
        else if (!first || !(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(root, first)))
            body = '/..';
    }
    if (body.split(/[\\/]/).includes('..'))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(`Input "${inputName}" has the pattern ${JSON.stringify(pattern.slice(0, 200))}, which leads outside the workspace; patterns are relative to the workspace.`);
    return negated ? `!${body}` : body;
}
/**
 * Files below `root` matching the patterns (see glob.ts), as sorted root-relative paths with `/`.
 * Folders reached through links are not searched; a linked file is listed only when its target is
 * a file inside the root. Patterns leading outside are refused; ones matching nothing are warned of.
 */
function findFiles(root, patterns, options = {}) {
    const inputName = options.inputName ?? 'patterns';
    const relativePatterns = patterns.map((p) => workspacePattern(root, p, inputName));
    const matches = (0,_glob_js__WEBPACK_IMPORTED_MODULE_3__/* .globList */ .X)(relativePatterns, inputName);
    const maxFiles = options.maxFiles ?? 100_000;
    const roots = (0,_paths_js__WEBPACK_IMPORTED_MODULE_4__/* .realRoots */ .CB)(root);
    const found = [];
    const linkedFileInside = (path) => {
        const real = (0,_paths_js__WEBPACK_IMPORTED_MODULE_4__/* .realTarget */ .aO)(path);
        if (real === undefined || !roots.some((r) => (0,_paths_js__WEBPACK_IMPORTED_MODULE_4__/* .within */ .ux)(r, real)))
            return false;
        try {
            const fd = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.openSync)(real, node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_RDONLY | node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_NOFOLLOW | node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_NONBLOCK);
            try {
                return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.fstatSync)(fd).isFile();
            }
            finally {
                (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.closeSync)(fd);
            }
        }
        catch {
            return false;
        }
    };
    // `prefix` is the folder relative to root, `/`-separated: no path arithmetic per file.
    const walk = (dir, prefix) => {
        for (const entry of (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readdirSync)(dir, { withFileTypes: true })) {
            if (entry.isDirectory() && !SKIPPED_DIRS.has(entry.name))
                walk((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dir, entry.name), `${prefix}${entry.name}/`);
            else if (entry.isFile() || entry.isSymbolicLink()) {
                const rel = prefix + entry.name;
                if (!matches(rel))
                    continue;
                if (entry.isSymbolicLink() && !linkedFileInside((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dir, entry.name))) {
                    options.log?.warning(`Input "${inputName}": ${rel} is a symbolic link that does not lead to a file inside the workspace; skipped.`);
                    continue;
                }
                {
                    if (found.length >= maxFiles) {
                        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo(`More than ${maxFiles} files match input "${inputName}"; narrow the patterns.`);
                    }
                    found.push(rel);
                }
            }
        }
    };
    walk(root, '');
    if (options.log) {
        // one warning for the input, so a default list of alternatives costs one line, not one per pattern
        const unmatched = patterns.filter((_, i) => {
            const relative = relativePatterns[i];
            if (relative.startsWith('!'))
                return false;
            const glob = (0,_glob_js__WEBPACK_IMPORTED_MODULE_3__/* .compileGlob */ .S)(relative, inputName);
            return !found.some((path) => glob.matches(path));
        });
        if (unmatched.length)
            options.log.warning(`Input "${inputName}": ${unmatched.length === 1 ? 'the pattern' : 'the patterns'} ${unmatched.map((p) => JSON.stringify(p)).join(', ')} ${unmatched.length === 1 ? 'matches' : 'match'} no file.`);
    }
    return found.sort();
}
/**
 * A file the user named, in chunks read into one reused buffer (each chunk is valid until the next
 * is asked for), with the same checks as `readInside`; more than `maxBytes` is an error naming the cap.
 */
function* readChunksInside(workspace, path, place) {
    const { fd, shown } = openConfined(workspace, path, place, node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_RDONLY);
    try {
        const stats = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.fstatSync)(fd);
        if (!stats.isFile())
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(`Input "${place.input}" names ${shown}, which is ${stats.isDirectory() ? 'a directory; name a file' : 'not a regular file'}.`);
        const buffer = Buffer.allocUnsafe(1 << 16);
        let total = 0;
        for (let read; (read = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readSync)(fd, buffer, 0, buffer.length, null)) > 0;) {
            total += read;
            if (total > place.maxBytes)
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(`Input "${place.input}" names ${shown}, which is larger than ${mib(place.maxBytes)}; at most ${place.maxBytes} bytes are read.`);
            yield buffer.subarray(0, read);
        }
    }
    finally {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.closeSync)(fd);
    }
}


/***/ })

};

//# sourceMappingURL=668.index.js.map
"use strict";
exports.id = 844;
exports.ids = [844,372];
exports.modules = {

/***/ 8844:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DeployApi: () => (/* binding */ DeployApi),
/* harmony export */   explainApiError: () => (/* reexport safe */ _shared_github_js__WEBPACK_IMPORTED_MODULE_1__.explainApiError)
/* harmony export */ });
/* harmony import */ var _shared_english_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5227);
/* harmony import */ var _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2636);
/* harmony import */ var _shared_github_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4372);
/* harmony import */ var _record_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1195);




/** How many deploy numbers to try when parallel runs take the next ones first. */
const TAG_NUMBER_ATTEMPTS = 5;
/** How many older deployments to inspect for the last successful one. */
const DEPLOYMENTS_SCANNED = 20;
/**
 * The GitHub side of a deploy: finding the previous deploy, and creating the deployment, its status
 * and the deploy tag at most once each, however often a step or a request is repeated.
 */
class DeployApi {
    gh;
    owner;
    repo;
    constructor(gh, owner, repo) {
        this.gh = gh;
        this.owner = owner;
        this.repo = repo;
    }
    get where() {
        return { owner: this.owner, repo: this.repo };
    }
    /** The environment's deploy tags on GitHub, newest first; commits are peeled lazily. */
    async deployTags(prefix, environment) {
        const refs = await this.gh.paginate(this.gh.rest.git.listMatchingRefs, {
            ...this.where,
            ref: `tags/${prefix}${environment}/`,
            per_page: 100,
        });
        const tags = refs.map((r) => ({
            name: r.ref.replace(/^refs\/tags\//, ''),
            object: r.object.sha,
            commit: r.object.type === 'commit' ? r.object.sha : undefined,
        }));
        return (0,_record_js__WEBPACK_IMPORTED_MODULE_2__/* .deployTags */ .Lq)(tags, prefix, environment);
    }
    /** The commit (and message) behind a tag ref: annotated tags are one more request. */
    async peel(tag) {
        if (tag.commit)
            return { commit: tag.commit };
        const { data } = await this.gh.rest.git.getTag({ ...this.where, tag_sha: tag.object });
        return { commit: data.object.sha, message: data.message };
    }
    async tagByName(name) {
        try {
            const { data } = await this.gh.rest.git.getRef({ ...this.where, ref: `tags/${name}` });
            const ref = {
                name,
                object: data.object.sha,
                commit: data.object.type === 'commit' ? data.object.sha : undefined,
            };
            return { ...ref, ...(await this.peel(ref)) };
        }
        catch (error) {
            if ((0,_shared_github_js__WEBPACK_IMPORTED_MODULE_1__.statusOf)(error) === 404)
                return undefined;
            throw error;
        }
    }
    /** The newest successful deployment of the environment that is not this run's own. */
    async lastSuccessfulDeployment(record) {
        const { data } = await this.gh.rest.repos.listDeployments({
            ...this.where,
            environment: record.environment,
            per_page: DEPLOYMENTS_SCANNED,
        });
        for (const deployment of data) {
            if ((0,_record_js__WEBPACK_IMPORTED_MODULE_2__/* .isSameRun */ .Mf)(deployment.payload, record))
                continue;
            const { data: statuses } = await this.gh.rest.repos.listDeploymentStatuses({
                ...this.where,
                deployment_id: deployment.id,
                per_page: 100,
            });
            // A later success elsewhere marks this one inactive; it was still deployed successfully.
            if (statuses.some((s) => s.state === 'success')) {
                const version = deployment.payload?.version;
                return {
                    sha: deployment.sha,
                    source: 'deployment',
                    ...(typeof version === 'string' ? { version } : {}),
                };
            }
        }
        return undefined;
    }
    /** This run's deployment for the environment (any attempt), created when there is none yet. */
    async ensureDeployment(record) {
        const find = async () => {
            const { data } = await this.gh.rest.repos.listDeployments({
                ...this.where,
                environment: record.environment,
                sha: record.sha,
                per_page: 100,
            });
            return data.find((d) => (0,_record_js__WEBPACK_IMPORTED_MODULE_2__/* .isSameRun */ .Mf)(d.payload, record));
        };
        const { value, created } = await (0,_shared_github_js__WEBPACK_IMPORTED_MODULE_1__.findOrCreate)({
            what: `deployment of ${record.sha.slice(0, 7)} to ${record.environment}`,
            find,
            isSame: () => true,
            create: async () => {
                const response = await this.gh.rest.repos.createDeployment({
                    ...this.where,
                    ref: record.sha,
                    environment: record.environment,
                    task: 'deploy',
                    description: `${record.service} ${record.version}`.slice(0, 140),
                    // GitHub's defaults would merge the default branch into the ref and wait for every check.
                    auto_merge: false,
                    required_contexts: [],
                    payload: (0,_record_js__WEBPACK_IMPORTED_MODULE_2__/* .storedRecord */ .Nx)(record),
                });
                if (response.status !== 201 || !('id' in response.data))
                    throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`GitHub did not create the deployment: ${JSON.stringify(response.data).slice(0, 200)}`);
                return response.data;
            },
        });
        return { id: value.id, created };
    }
    /** Checks that a deployment given by id exists and is of this environment and commit. */
    async checkDeployment(id, record) {
        const { data } = await this.gh.rest.repos.getDeployment({ ...this.where, deployment_id: id });
        const problem = data.environment !== record.environment
            ? `a deployment to ${JSON.stringify(data.environment)}, not to ${JSON.stringify(record.environment)}`
            : data.sha !== record.sha
                ? `a deployment of ${data.sha.slice(0, 7)}, not of this step's commit ${record.sha.slice(0, 7)}`
                : undefined;
        if (problem)
            throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`Input "deployment-id" is ${id}, ${problem}; pass the deployment-id output of this deploy's first step.`);
    }
    /**
     * Adds a status unless the newest status already says the same for the same run attempt (a
     * repeated step); a new attempt has its own log URL, so it gets its own status.
     */
    async setStatus(id, status) {
        const { created } = await (0,_shared_github_js__WEBPACK_IMPORTED_MODULE_1__.findOrCreate)({
            what: `deployment status ${status.state} on deployment ${id}`,
            isSame: () => true,
            find: async () => {
                const { data } = await this.gh.rest.repos.listDeploymentStatuses({
                    ...this.where,
                    deployment_id: id,
                    per_page: 1,
                });
                const newest = data[0];
                return newest && newest.state === status.state && (newest.log_url ?? '') === status.logUrl
                    ? newest
                    : undefined;
            },
            create: async () => (await this.gh.rest.repos.createDeploymentStatus({
                ...this.where,
                deployment_id: id,
                state: status.state,
                log_url: status.logUrl || undefined,
                environment_url: status.environmentUrl,
                description: status.description.slice(0, 140),
                auto_inactive: true,
            })).data,
        });
        return { created };
    }
    /**
     * The deploy tag of this deploy: reused when the newest deploy tag already points at the commit
     * (a re-run, a parallel run of the same commit), else `<prefix><environment>/<n+1>`. When a
     * parallel run takes that number for another commit, the next number is tried.
     */
    async ensureTag(record, prefix) {
        const tags = await this.deployTags(prefix, record.environment);
        const newest = tags[0];
        if (newest && (await this.peel(newest)).commit === record.sha)
            return { name: newest.name, created: false };
        let n = (newest?.n ?? 0) + 1;
        for (let attempt = 0; attempt < TAG_NUMBER_ATTEMPTS; attempt++, n++) {
            const name = (0,_record_js__WEBPACK_IMPORTED_MODULE_2__/* .deployTagName */ .tw)(prefix, record.environment, n);
            // Any tag found under this name is accepted here; whose commit it carries is checked below.
            const { value, created } = await (0,_shared_github_js__WEBPACK_IMPORTED_MODULE_1__.findOrCreate)({
                what: `deploy tag ${name}`,
                find: () => this.tagByName(name),
                isSame: () => true,
                create: async () => {
                    const { data: tag } = await this.gh.rest.git.createTag({
                        ...this.where,
                        tag: name,
                        message: (0,_record_js__WEBPACK_IMPORTED_MODULE_2__/* .tagMessage */ .ib)(record),
                        object: record.sha,
                        type: 'commit',
                    });
                    await this.gh.rest.git.createRef({ ...this.where, ref: `refs/tags/${name}`, sha: tag.sha });
                    return { name, object: tag.sha, commit: record.sha };
                },
            });
            if (value.commit === record.sha)
                return { name, created };
        }
        throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`Could not create a deploy tag for ${record.environment}: ${(0,_shared_english_js__WEBPACK_IMPORTED_MODULE_3__/* .plural */ .L)(TAG_NUMBER_ATTEMPTS, 'number')} in a row were taken by other runs meanwhile; run the job again.`);
    }
}
/** Re-exported so main.ts loads the API module only when it needs it. */



/***/ }),

/***/ 4372:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  connectGitHub: () => (/* binding */ connectGitHub),
  createGitHub: () => (/* binding */ createGitHub),
  explainApiError: () => (/* binding */ explainApiError),
  findOrCreate: () => (/* binding */ findOrCreate),
  isAlreadyExists: () => (/* binding */ isAlreadyExists),
  isTransient: () => (/* binding */ isTransient),
  statusOf: () => (/* binding */ statusOf)
});

// EXTERNAL MODULE: ../../main/node_modules/@actions/github/lib/github.js
var github = __webpack_require__(1193);
// EXTERNAL MODULE: ../../main/node_modules/@actions/github/lib/utils.js + 18 modules
var utils = __webpack_require__(8997);
// EXTERNAL MODULE: ../../main/node_modules/@octokit/plugin-retry/dist-bundle/index.js
var dist_bundle = __webpack_require__(4225);
// EXTERNAL MODULE: ../../main/node_modules/@octokit/plugin-throttling/dist-bundle/index.js
var plugin_throttling_dist_bundle = __webpack_require__(4038);
// EXTERNAL MODULE: ./shared/errors.ts
var errors = __webpack_require__(2636);
// EXTERNAL MODULE: ./shared/limits.ts
var limits = __webpack_require__(8319);
// EXTERNAL MODULE: ./shared/neutralise.ts
var neutralise = __webpack_require__(3609);
;// CONCATENATED MODULE: ./shared/network.ts
const NETWORK_DEFAULTS = {
    github: { timeoutMs: 30_000, retries: 3, retryBaseMs: 1000, maxRateLimitWaitSeconds: 120 },
    prometheus: { timeoutMs: 15_000, retries: 2, retryBaseMs: 500 },
};

// EXTERNAL MODULE: ./shared/redact.ts
var redact = __webpack_require__(1566);
;// CONCATENATED MODULE: ./shared/github.ts









/**
 * Request parameters that carry free text to GitHub, where it is public and never masked: issue and
 * comment bodies, titles, tag and commit messages, descriptions, deployment payloads, and the links
 * a deployment status shows (a URL with credentials in it would be shown to every reader).
 */
const OUTGOING_TEXT = [
    'body',
    'title',
    'message',
    'description',
    'payload',
    'environment_url',
    'log_url',
    'target_url',
];
/**
 * An Octokit from @actions/github with throttling (waits out primary and secondary rate limits,
 * honouring `retry-after`), retries with back-off, and a per-request timeout. POST requests are
 * not retried here: creating things goes through `findOrCreate`, which looks before it re-creates.
 */
function createGitHub(options) {
    const defaults = NETWORK_DEFAULTS.github;
    const retries = options.retries ?? defaults.retries;
    const retryBaseMs = options.retryBaseMs ?? defaults.retryBaseMs;
    const timeoutMs = options.timeoutMs ?? defaults.timeoutMs;
    const maxWait = options.maxRateLimitWaitSeconds ?? defaults.maxRateLimitWaitSeconds;
    const limitHandler = (kind) => (retryAfter, request, _octokit, retryCount) => {
        const wait = retryAfter <= maxWait && retryCount < retries;
        options.log.warning(`GitHub ${kind} rate limit on ${request.method} ${request.url}; ${wait ? `retrying after ${retryAfter} s` : 'giving up'}.`);
        return wait;
    };
    // Each attempt gets its own deadline; the proxy-aware fetch of @actions/github does the work.
    const baseFetch = utils/* defaults */.NT.request?.fetch ?? fetch;
    const timedFetch = (url, init) => baseFetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
    const octokit = (0,github/* getOctokit */.Q)(options.token, {
        baseUrl: options.apiUrl,
        throttle: {
            onRateLimit: limitHandler('primary'),
            onSecondaryRateLimit: limitHandler('secondary'),
            retryAfterBaseValue: retryBaseMs,
        },
        // 409 (stale sha) and 422 (validation) are answers, not failures worth repeating.
        retry: {
            retries,
            retryAfterBaseValue: retryBaseMs,
            doNotRetry: [400, 401, 403, 404, 409, 410, 422, 451],
        },
        request: { fetch: timedFetch },
    }, dist_bundle/* retry */.L, plugin_throttling_dist_bundle/* throttling */.A);
    octokit.hook.wrap('request', async (request, endpoint) => {
        options.log.debug(`GitHub API ${endpoint.method} ${endpoint.url}`);
        if (endpoint.method === 'POST')
            endpoint.request = { ...endpoint.request, retries: 0 };
        for (const key of OUTGOING_TEXT)
            if (endpoint[key] !== undefined)
                endpoint[key] = (0,redact/* redactDeep */.KL)(endpoint[key], options.redact);
        // every issue, pull request and comment text keeps to GitHub's 65,536 characters, saying what was cut
        // and shows hidden or direction-changing characters in names escaped
        if (/\/(issues|pulls)\b/.test(endpoint.url)) {
            if (typeof endpoint.body === 'string')
                endpoint.body = (0,limits/* boundIssueText */.dK)((0,neutralise/* showText */.h$)(endpoint.body));
            if (typeof endpoint.title === 'string')
                endpoint.title = (0,neutralise/* showText */.h$)(endpoint.title);
        }
        return request(endpoint);
    });
    return octokit;
}
/** The HTTP status of an Octokit error, or undefined for network failures and timeouts. */
function statusOf(error) {
    const status = error?.status;
    return typeof status === 'number' && status > 0 ? status : undefined;
}
/** True when a request may have reached GitHub and failed on its side (5xx, timeout, dropped). */
function isTransient(error) {
    const status = statusOf(error);
    return status === undefined || status >= 500 || status === 429;
}
function isAlreadyExists(error) {
    const e = error;
    return (e?.status === 422 &&
        /already exists/i.test(`${e.message ?? ''} ${JSON.stringify(e.response?.data ?? '')}`));
}
/**
 * Creates an object at most once. Looks first; creates; when creation fails in a way that may have
 * succeeded on GitHub's side (5xx, timeout) or says "already exists", looks again before retrying.
 * An existing object that is not the same one is a conflict, reported as a user error.
 */
async function findOrCreate(spec) {
    const attempts = spec.attempts ?? 3;
    for (let attempt = 1;; attempt++) {
        const existing = await spec.find();
        if (existing !== undefined) {
            if (!spec.isSame(existing)) {
                throw new errors/* UserError */.yo(`Cannot create ${spec.what}: a different one already exists.`);
            }
            return { value: existing, created: false };
        }
        try {
            return { value: await spec.create(), created: true };
        }
        catch (error) {
            if (!(isAlreadyExists(error) || isTransient(error)) || attempt >= attempts)
                throw error;
        }
    }
}
/** Turns an API failure into advice: missing permission, missing token scope, not found. */
function explainApiError(what, error, permission) {
    const status = statusOf(error);
    const detail = error?.message?.split('\n')[0] ?? String(error);
    const advice = status === 401
        ? 'the token is invalid or expired'
        : status === 403 || status === 404
            ? `the token may lack ${permission ? `"permissions: ${permission}"` : 'the needed permission'}, or the object does not exist`
            : status === undefined
                ? 'GitHub did not answer in time'
                : `GitHub answered ${status}`;
    return new errors/* UserError */.yo(`${what} failed (${advice}): ${detail}`, { cause: error });
}
/**
 * The GitHub client an action uses (the token input is masked by parseInputs), API URL from GITHUB_API_URL (GHES and the test
 * server work), timeouts and retries from `io.network` over the production ones, a clear error
 * naming the input when the token is missing.
 */
function connectGitHub(io, token, why) {
    if (!token) {
        throw new errors/* UserError */.yo(`Input "token" is empty, but ${why} needs the GitHub API; pass token: \${{ github.token }} (the default) or turn that option off.`);
    }
    return createGitHub({
        ...io.network?.github,
        token,
        apiUrl: io.env.GITHUB_API_URL ?? 'https://api.github.com',
        log: io.log,
        redact: io.redact,
    });
}


/***/ })

};
;
//# sourceMappingURL=844.index.js.map
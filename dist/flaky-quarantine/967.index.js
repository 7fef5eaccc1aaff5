"use strict";
exports.id = 967;
exports.ids = [967,372];
exports.modules = {

/***/ 967:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   issueBody: () => (/* binding */ issueBody),
/* harmony export */   issueTitle: () => (/* binding */ issueTitle),
/* harmony export */   marker: () => (/* binding */ marker),
/* harmony export */   planIssues: () => (/* binding */ planIssues),
/* harmony export */   syncIssues: () => (/* binding */ syncIssues),
/* harmony export */   updateIssues: () => (/* binding */ updateIssues)
/* harmony export */ });
/* harmony import */ var _shared_github_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4372);
/* harmony import */ var _shared_neutralise_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(3609);
/* harmony import */ var _shared_redact_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1566);
/* harmony import */ var _shared_summary_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1383);
/* harmony import */ var _shared_english_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(5227);
/* harmony import */ var _classify_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9821);
/* harmony import */ var _identity_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3156);
/* harmony import */ var _quarantine_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(8303);








/**
 * One issue per quarantined test, found again by a hidden marker so re-runs update it instead of
 * opening another; reopened when the test is quarantined again, closed with a comment on release.
 * Issue text is public and unmasked: failure text is redacted and cut, and system-out never used.
 */
const marker = (id) => `<!-- trunk-actions:flaky id=${(0,_identity_js__WEBPACK_IMPORTED_MODULE_4__/* .idHash */ .C2)(id)} -->`;
const MARKER = /<!-- trunk-actions:flaky id=([0-9a-f]+) -->/;
const MAX_FAILURE = 2000;
function fenced(text) {
    const longest = (text.match(/`+|~+/g) ?? []).reduce((max, run) => Math.max(max, run.length), 0);
    const fence = '`'.repeat(Math.max(3, longest + 1));
    return `${fence}text\n${text}\n${fence}`;
}
function issueTitle(id) {
    return `Flaky test: ${(0,_shared_neutralise_js__WEBPACK_IMPORTED_MODULE_6__/* .truncate */ .xv)((0,_identity_js__WEBPACK_IMPORTED_MODULE_4__/* .displayName */ .QC)(id).replace(/\s+/g, ' '), 180)}`;
}
function issueBody(facts) {
    const rows = [
        ['Test id', (0,_shared_summary_js__WEBPACK_IMPORTED_MODULE_2__/* .inlineCode */ .ti)(facts.id)],
        ['File', facts.file ? (0,_shared_summary_js__WEBPACK_IMPORTED_MODULE_2__/* .inlineCode */ .ti)(facts.file) : 'not given by the reporter'],
    ];
    // Quarantined for this project only: the same test on other projects still blocks.
    const project = (0,_identity_js__WEBPACK_IMPORTED_MODULE_4__/* .parseTestId */ .FG)(facts.id)?.project;
    if (project)
        rows.push(['Project', `${(0,_shared_summary_js__WEBPACK_IMPORTED_MODULE_2__/* .inlineCode */ .ti)(project)} only`]);
    if (facts.since)
        rows.push([
            'Quarantined at',
            `${(0,_shared_summary_js__WEBPACK_IMPORTED_MODULE_2__/* .inlineCode */ .ti)(facts.since.commit.slice(0, 12))} on ${(0,_shared_summary_js__WEBPACK_IMPORTED_MODULE_2__/* .inlineCode */ .ti)(facts.since.branch)}`,
        ]);
    if (facts.score)
        rows.push(['Mixed results', `${facts.score.flakyCommits} of ${(0,_shared_english_js__WEBPACK_IMPORTED_MODULE_7__/* .plural */ .L)(facts.score.commits, 'commit')}`]);
    if (facts.runUrl)
        rows.push(['Last seen failing', facts.runUrl]);
    const lines = [
        marker(facts.id),
        `This test passed and failed on the same code, so **trunk-actions flaky-quarantine** quarantined it: its failures are still reported but no longer block the build.`,
        '',
        '| | |',
        '|---|---|',
        // Values are inline code (pipes escaped by inlineCode) or the action's own words.
        ...rows.map(([k, v]) => `| ${k} | ${v} |`),
        '',
        `It is released, and this issue closed, after ${(0,_shared_english_js__WEBPACK_IMPORTED_MODULE_7__/* .plural */ .L)(facts.releaseAfter, 'consecutive pass', 'consecutive passes')} on ${(0,_shared_summary_js__WEBPACK_IMPORTED_MODULE_2__/* .inlineCode */ .ti)(facts.defaultBranch)}.`,
    ];
    if (facts.failure) {
        // Redacted before the final cut, so a cut cannot leave half a secret no pattern finds any more.
        const failure = [facts.failure.message, facts.failure.text].filter(Boolean).join('\n\n');
        const text = (0,_shared_neutralise_js__WEBPACK_IMPORTED_MODULE_6__/* .truncate */ .xv)((0,_shared_redact_js__WEBPACK_IMPORTED_MODULE_1__/* .redactSecrets */ .fp)(failure.slice(0, 4 * MAX_FAILURE)), MAX_FAILURE);
        lines.push('', `Last failure (${(0,_shared_summary_js__WEBPACK_IMPORTED_MODULE_2__/* .escapeMarkdown */ .FV)(facts.failure.type)}, cut at ${MAX_FAILURE} characters, credentials redacted):`, '', fenced(text));
    }
    return lines.join('\n');
}
/** At most this many issues are refreshed per run (GitHub allows 80 content writes a minute). */
const MAX_REFRESHED = 20;
/**
 * What to do with issues after this run, or undefined when there is nothing to do. Only automatic
 * quarantine has issues: a test forced in by the manual file already names its owner.
 */
function planIssues(input) {
    const factsOf = (id) => {
        const entry = input.history.quarantine.get(id);
        const test = input.failureOf(id);
        return {
            id,
            file: test?.file,
            since: entry ? { commit: entry.commit, branch: entry.branch } : undefined,
            score: (0,_classify_js__WEBPACK_IMPORTED_MODULE_3__/* .flakinessScore */ .DR)(input.history, id),
            failure: test?.failure,
            runUrl: input.runUrl,
            releaseAfter: input.releaseAfter,
            defaultBranch: input.defaultBranch,
        };
    };
    const automatic = (0,_quarantine_js__WEBPACK_IMPORTED_MODULE_5__/* .autoQuarantined */ .GT)(input.history);
    const fresh = new Set(input.decisions.quarantined);
    const work = {
        quarantined: input.decisions.quarantined.map(factsOf),
        released: input.decisions.released.map((id) => ({ id, passes: input.releaseAfter })),
        failedAgain: input.quarantinedFailures
            .filter((id) => automatic.has(id) && !fresh.has(id) && !input.forcedIn.has(id))
            .slice(0, MAX_REFRESHED)
            .map((id) => ({
            ...factsOf(id),
            // A parallel job of this same run quarantined it and opens its issue: opening one here
            // too would race it into a duplicate. A quarantine from an earlier run may heal a missing one.
            openIfMissing: !input.history.quarantine.get(id)?.by?.startsWith(`${input.runKey}/`),
        })),
        link: [...new Set([...input.quarantinedFailures, ...input.decisions.newlyFlaky])],
    };
    const any = work.quarantined.length + work.released.length + work.failedAgain.length + work.link.length;
    return any ? work : undefined;
}
/**
 * Plans and applies the issue changes; returns each test's issue for the summary. An API failure is
 * a warning: the history is recorded and the verdict stands; the test's next failure retries it.
 */
async function updateIssues(input, connect, repo, log) {
    const work = planIssues(input);
    if (!work)
        return new Map();
    try {
        return await syncIssues(await connect(), repo, work, log);
    }
    catch (error) {
        log.warning((0,_shared_github_js__WEBPACK_IMPORTED_MODULE_0__.explainApiError)('Updating the flaky-test issues', error, 'issues: write').message);
        return new Map();
    }
}
/** Applies the issue changes; returns each test's issue for the summary. */
async function syncIssues(github, repo, work, log) {
    const { owner, repo: name, label } = repo;
    const byHash = new Map();
    const list = async () => {
        byHash.clear();
        const issues = await github.paginate(github.rest.issues.listForRepo, {
            owner,
            repo: name,
            labels: label,
            state: 'all',
            per_page: 100,
        });
        for (const issue of issues) {
            const hash = MARKER.exec(issue.body ?? '')?.[1];
            if (hash && !issue.pull_request && !byHash.has(hash))
                byHash.set(hash, { number: issue.number, url: issue.html_url, open: issue.state === 'open' });
        }
    };
    await list();
    const result = new Map();
    /**
     * The test's issue by its marker, else the issue opened under its v1 id (a migrated history):
     * taken over once, so of a v1 test's Playwright projects one continues the issue.
     */
    const issueOf = (id) => {
        const issue = byHash.get((0,_identity_js__WEBPACK_IMPORTED_MODULE_4__/* .idHash */ .C2)(id));
        if (issue)
            return { issue };
        const legacy = (0,_identity_js__WEBPACK_IMPORTED_MODULE_4__/* .legacyIdOf */ .ix)(id);
        const legacyHash = legacy === undefined ? undefined : (0,_identity_js__WEBPACK_IMPORTED_MODULE_4__/* .idHash */ .C2)(legacy);
        return legacyHash && byHash.has(legacyHash) ? { issue: byHash.get(legacyHash), legacyHash } : {};
    };
    /** Opens the test's issue, or reopens and refreshes the one its marker finds. */
    const openIssue = async (facts) => {
        const hash = (0,_identity_js__WEBPACK_IMPORTED_MODULE_4__/* .idHash */ .C2)(facts.id);
        let looked = false;
        let legacyHash;
        const find = () => {
            const found = issueOf(facts.id);
            legacyHash = found.legacyHash;
            return found.issue;
        };
        const { value, created } = await (0,_shared_github_js__WEBPACK_IMPORTED_MODULE_0__.findOrCreate)({
            what: `the issue for ${(0,_identity_js__WEBPACK_IMPORTED_MODULE_4__/* .displayName */ .QC)(facts.id).slice(0, 100)}`,
            // After a failed create, list again: the issue may exist although the request failed.
            find: async () => (looked ? (await list(), find()) : ((looked = true), find())),
            create: async () => {
                const { data } = await github.rest.issues.create({
                    owner,
                    repo: name,
                    title: issueTitle(facts.id),
                    body: issueBody(facts),
                    labels: [label],
                });
                return { number: data.number, url: data.html_url, open: true };
            },
            isSame: () => true,
        });
        if (!created)
            await github.rest.issues.update({
                owner,
                repo: name,
                issue_number: value.number,
                state: 'open',
                body: issueBody(facts),
                // An issue of a v1 id gets the current title (naming the project) with the current marker.
                ...(legacyHash ? { title: issueTitle(facts.id) } : {}),
            });
        if (legacyHash)
            byHash.delete(legacyHash);
        log.debug(`${created ? 'Opened' : 'Updated'} issue #${value.number} for a quarantined test.`);
        byHash.set(hash, { ...value, open: true });
        result.set(facts.id, { ...value, open: true });
    };
    for (const facts of work.quarantined)
        await openIssue(facts);
    // A quarantined test failing again refreshes its issue; one missing (an earlier run could not
    // create it) is opened now, so the issues heal, unless the quarantining job is still at it.
    for (const facts of work.failedAgain) {
        if (facts.openIfMissing || issueOf(facts.id).issue)
            await openIssue(facts);
    }
    for (const { id, passes } of work.released) {
        const { issue, legacyHash } = issueOf(id);
        if (!issue)
            continue;
        if (legacyHash)
            byHash.delete(legacyHash);
        if (issue.open) {
            await github.rest.issues.createComment({
                owner,
                repo: name,
                issue_number: issue.number,
                body: `Released from quarantine after ${(0,_shared_english_js__WEBPACK_IMPORTED_MODULE_7__/* .plural */ .L)(passes, 'consecutive pass', 'consecutive passes')} on the default branch: its failures block again.`,
            });
            await github.rest.issues.update({
                owner,
                repo: name,
                issue_number: issue.number,
                state: 'closed',
                state_reason: 'completed',
            });
        }
        result.set(id, { ...issue, open: false });
    }
    for (const id of work.link) {
        const { issue } = issueOf(id);
        if (issue && !result.has(id))
            result.set(id, issue);
    }
    return result;
}


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
//# sourceMappingURL=967.index.js.map
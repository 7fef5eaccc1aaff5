"use strict";
exports.id = 920;
exports.ids = [920];
exports.modules = {

/***/ 5920:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   connectGitHub: () => (/* binding */ connectGitHub),
/* harmony export */   explainApiError: () => (/* binding */ explainApiError),
/* harmony export */   findOrCreate: () => (/* binding */ findOrCreate)
/* harmony export */ });
/* unused harmony exports createGitHub, statusOf, isTransient, isAlreadyExists */
/* harmony import */ var _actions_github__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1193);
/* harmony import */ var _actions_github_lib_utils__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8997);
/* harmony import */ var _octokit_plugin_retry__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(4225);
/* harmony import */ var _octokit_plugin_throttling__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(4038);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2636);
/* harmony import */ var _limits_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8319);
/* harmony import */ var _neutralise_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(3609);
/* harmony import */ var _network_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4961);
/* harmony import */ var _redact_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(1566);









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
    const defaults = _network_js__WEBPACK_IMPORTED_MODULE_4__/* .NETWORK_DEFAULTS */ .w.github;
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
    const baseFetch = _actions_github_lib_utils__WEBPACK_IMPORTED_MODULE_1__/* .defaults */ .NT.request?.fetch ?? fetch;
    const timedFetch = (url, init) => baseFetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
    const octokit = (0,_actions_github__WEBPACK_IMPORTED_MODULE_0__/* .getOctokit */ .Q)(options.token, {
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
    }, _octokit_plugin_retry__WEBPACK_IMPORTED_MODULE_6__/* .retry */ .L, _octokit_plugin_throttling__WEBPACK_IMPORTED_MODULE_7__/* .throttling */ .A);
    octokit.hook.wrap('request', async (request, endpoint) => {
        options.log.debug(`GitHub API ${endpoint.method} ${endpoint.url}`);
        if (endpoint.method === 'POST')
            endpoint.request = { ...endpoint.request, retries: 0 };
        for (const key of OUTGOING_TEXT)
            if (endpoint[key] !== undefined)
                endpoint[key] = (0,_redact_js__WEBPACK_IMPORTED_MODULE_5__/* .redactDeep */ .KL)(endpoint[key], options.redact);
        // every issue, pull request and comment text keeps to GitHub's 65,536 characters, saying what was cut
        // and shows hidden or direction-changing characters in names escaped
        if (/\/(issues|pulls)\b/.test(endpoint.url)) {
            if (typeof endpoint.body === 'string')
                endpoint.body = (0,_limits_js__WEBPACK_IMPORTED_MODULE_3__/* .boundIssueText */ .dK)((0,_neutralise_js__WEBPACK_IMPORTED_MODULE_8__/* .showText */ .h$)(endpoint.body));
            if (typeof endpoint.title === 'string')
                endpoint.title = (0,_neutralise_js__WEBPACK_IMPORTED_MODULE_8__/* .showText */ .h$)(endpoint.title);
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
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo(`Cannot create ${spec.what}: a different one already exists.`);
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
    return new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo(`${what} failed (${advice}): ${detail}`, { cause: error });
}
/**
 * The GitHub client an action uses (the token input is masked by parseInputs), API URL from GITHUB_API_URL (GHES and the test
 * server work), timeouts and retries from `io.network` over the production ones, a clear error
 * naming the input when the token is missing.
 */
function connectGitHub(io, token, why) {
    if (!token) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo(`Input "token" is empty, but ${why} needs the GitHub API; pass token: \${{ github.token }} (the default) or turn that option off.`);
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
//# sourceMappingURL=920.index.js.map
export const id = 865;
export const ids = [865];
export const modules = {

/***/ 4865:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  inputs: () => (/* binding */ main_inputs),
  parseAt: () => (/* binding */ parseAt),
  run: () => (/* binding */ run)
});

// EXTERNAL MODULE: ./shared/zod.ts
var zod = __webpack_require__(6419);
// EXTERNAL MODULE: ./shared/context.ts
var context = __webpack_require__(1849);
// EXTERNAL MODULE: ./shared/duration.ts
var shared_duration = __webpack_require__(5784);
// EXTERNAL MODULE: ./shared/errors.ts
var errors = __webpack_require__(2635);
// EXTERNAL MODULE: ./shared/files.ts
var files = __webpack_require__(8365);
// EXTERNAL MODULE: ./shared/inputs.ts
var inputs = __webpack_require__(8573);
// EXTERNAL MODULE: ./shared/neutralise.ts
var neutralise = __webpack_require__(2642);
// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(7067);
// EXTERNAL MODULE: external "node:https"
var external_node_https_ = __webpack_require__(4708);
;// CONCATENATED MODULE: ./shared/prometheus.ts



/** A query that did not give a usable answer; `message` says what happened and what to do. */
class PrometheusError extends errors/* UserError */.yo {
}
const MAX_BODY_BYTES = 64 * 1024 * 1024;
const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
/**
 * Parses a Prometheus sample value strictly: Prometheus sends numbers as strings, including "NaN",
 * "+Inf" and "-Inf". Anything else (empty, "1,5", "0x10") is a protocol error, never a silent 0.
 */
function parseSampleValue(text) {
    if (typeof text !== 'string')
        throw new Error(`sample value ${JSON.stringify(text)} is not a string`);
    if (text === 'NaN')
        return NaN;
    if (text === '+Inf' || text === 'Inf')
        return Infinity;
    if (text === '-Inf')
        return -Infinity;
    if (!NUMBER.test(text))
        throw new Error(`sample value ${JSON.stringify(text.slice(0, 40))} is not a number`);
    return Number(text);
}
function parseLabels(metric) {
    const labels = new Map();
    if (!metric || typeof metric !== 'object')
        throw new Error('series without a "metric" object');
    for (const [k, v] of Object.entries(metric))
        if (typeof v === 'string')
            labels.set(k, v);
    return labels;
}
function parsePoint(point) {
    if (!Array.isArray(point) || point.length !== 2 || typeof point[0] !== 'number') {
        throw new Error(`point ${JSON.stringify(point).slice(0, 60)} is not [time, "value"]`);
    }
    return [point[0], parseSampleValue(point[1])];
}
/** Reads the `data` of a successful /api/v1/query answer. Throws on any shape it does not know. */
function parseQueryData(data) {
    const { resultType, result } = (data ?? {});
    if (resultType === 'scalar')
        return { type: 'scalar', value: parsePoint(result)[1] };
    if (!Array.isArray(result))
        throw new Error(`"data.result" is not a list (resultType ${String(resultType)})`);
    if (resultType === 'vector') {
        return {
            type: 'vector',
            samples: result.map((s) => ({
                labels: parseLabels(s.metric),
                value: parsePoint(s.value)[1],
            })),
        };
    }
    if (resultType === 'matrix') {
        return {
            type: 'matrix',
            series: result.map((s) => {
                if (!Array.isArray(s.values))
                    throw new Error('a matrix series has no "values" list');
                return { labels: parseLabels(s.metric), points: s.values.map(parsePoint) };
            }),
        };
    }
    throw new Error(`unsupported resultType ${JSON.stringify(resultType)}`);
}
/** Kept-alive connections shared by all queries of a run. */
const httpAgent = new external_node_http_.Agent({ keepAlive: true });
const httpsAgent = new external_node_https_.Agent({ keepAlive: true });
class Transient extends Error {
    retryAfterMs;
    constructor(message, retryAfterMs) {
        super(message);
        this.retryAfterMs = retryAfterMs;
    }
}
/**
 * Reads Prometheus through its HTTP API (`/api/v1/query` with `time=`), which Thanos, Mimir, Cortex,
 * VictoriaMetrics and Grafana Cloud also serve. Each attempt has a deadline; network failures,
 * timeouts, 429 and 5xx are retried with back-off; everything else fails at once with advice.
 */
class Prometheus {
    options;
    origin;
    /** Path prefix without a trailing slash ('' at the root). */
    prefix;
    headers;
    constructor(options) {
        this.options = options;
        let url;
        try {
            url = new URL(options.url);
        }
        catch {
            throw new errors/* UserError */.yo('The Prometheus URL is not a valid URL; use one such as https://prometheus.example.com.');
        }
        if (url.protocol !== 'http:' && url.protocol !== 'https:') {
            throw new errors/* UserError */.yo(`The Prometheus URL must start with http:// or https://, not ${url.protocol}//.`);
        }
        // Answers are small; decompressing hundreds of them costs more CPU (about 1 ms each) than it saves.
        this.headers = { accept: 'application/json', 'accept-encoding': 'identity' };
        // Credentials inside a URL would be sent nowhere useful and logged with it: make them Basic auth.
        if (url.username || url.password) {
            const user = decodeURIComponent(url.username);
            const password = decodeURIComponent(url.password);
            this.headers.authorization = `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
            url.username = '';
            url.password = '';
        }
        for (const [name, value] of options.headers ?? [])
            this.headers[name.toLowerCase()] = value;
        this.origin = url.origin;
        this.prefix = url.pathname.replace(/\/+$/, '');
    }
    /** The address without credentials, safe to print. */
    get address() {
        return `${this.origin}${this.prefix}`;
    }
    /** One instant query at `time` (unix seconds). Throws PrometheusError with advice. */
    async query(expr, time) {
        const retries = this.options.retries ?? 2;
        const baseMs = this.options.retryBaseMs ?? 500;
        for (let attempt = 0;; attempt++) {
            try {
                return await this.attempt(expr, time);
            }
            catch (error) {
                if (!(error instanceof Transient) || attempt >= retries) {
                    throw error instanceof PrometheusError
                        ? error
                        : new PrometheusError(`${(0,errors/* describeError */.Uc)(error)} (after ${attempt + 1} attempts)`);
                }
                const wait = Math.min(error.retryAfterMs ?? baseMs * 2 ** attempt, 30_000);
                this.options.log.debug(`Prometheus: ${error.message}; retrying in ${wait} ms`);
                await new Promise((resolve) => setTimeout(resolve, wait));
            }
        }
    }
    /** Runs queries in parallel (bounded); each gives its result or the reason it has none. */
    async queryAll(requests) {
        // One debug line for the lot: a line per query costs a write each, noticeable at hundreds.
        this.options.log.debug(`Prometheus: ${requests.length} queries\n${requests.map((r) => `at ${r.time}: ${r.expr}`).join('\n')}`);
        const outcomes = new Array(requests.length);
        let next = 0;
        const worker = async () => {
            while (next < requests.length) {
                const index = next++;
                const { expr, time } = requests[index];
                try {
                    outcomes[index] = { ok: true, result: await this.query(expr, time) };
                }
                catch (error) {
                    outcomes[index] = { ok: false, error: (0,errors/* describeError */.Uc)(error) };
                }
            }
        };
        const workers = Math.max(1, Math.min(this.options.concurrency ?? 8, requests.length));
        await Promise.all(Array.from({ length: workers }, worker));
        return outcomes;
    }
    /**
     * One GET with node:http(s) (lighter to start than fetch, which loads a second HTTP stack). The
     * deadline covers connecting, waiting and reading; bodies over MAX_BODY_BYTES are refused.
     */
    get(url, timeoutMs) {
        const request = url.protocol === 'https:' ? external_node_https_.request : external_node_http_.request;
        const agent = url.protocol === 'https:' ? httpsAgent : httpAgent;
        return new Promise((resolve, reject) => {
            const req = request(url, { headers: this.headers, agent }, (res) => {
                const chunks = [];
                let size = 0;
                res.on('data', (chunk) => {
                    size += chunk.length;
                    if (size > MAX_BODY_BYTES) {
                        req.destroy(new PrometheusError(`Prometheus answered with more than ${MAX_BODY_BYTES} bytes; narrow the query.`));
                    }
                    else
                        chunks.push(chunk);
                });
                res.on('end', () => {
                    clearTimeout(timer);
                    resolve({
                        status: res.statusCode ?? 0,
                        headers: res.headers,
                        body: Buffer.concat(chunks).toString('utf8'),
                    });
                });
                res.on('error', () => undefined); // reported through req
            });
            const timer = setTimeout(() => req.destroy(new Transient(`Prometheus at ${this.address} did not answer within ${timeoutMs} ms`)), timeoutMs);
            req.on('error', (error) => {
                clearTimeout(timer);
                reject(error instanceof PrometheusError || error instanceof Transient
                    ? error
                    : new Transient(`Prometheus at ${this.address} cannot be reached (${error.code ?? (0,errors/* describeError */.Uc)(error)})`));
            });
            req.end();
        });
    }
    async attempt(expr, time) {
        const url = new URL(`${this.origin}${this.prefix}/api/v1/query`);
        url.searchParams.set('query', expr);
        url.searchParams.set('time', String(time));
        const timeoutMs = this.options.timeoutMs ?? 15_000;
        const { status, headers, body } = await this.get(url, timeoutMs);
        const type = headers['content-type'] ?? '';
        if (status === 429 || status >= 500) {
            const retryAfter = Number(headers['retry-after']);
            const detail = type.includes('json') ? apiError(body) : '';
            throw new Transient(`Prometheus answered HTTP ${status}${detail ? `: ${detail}` : ''}`, Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1000 : undefined);
        }
        if (status === 401 || status === 403) {
            throw new PrometheusError(`Prometheus answered HTTP ${status}: the credentials (prometheus-token or prometheus-headers) are missing, wrong or lack access.`);
        }
        if (!type.toLowerCase().includes('application/json')) {
            throw new PrometheusError(`Prometheus answered HTTP ${status} with ${type.split(';')[0] || 'no content type'} instead of JSON: is the URL the Prometheus API (not a login page or a proxy)?`);
        }
        let json;
        try {
            json = JSON.parse(body);
        }
        catch {
            throw new PrometheusError(`Prometheus answered HTTP ${status} with JSON that does not parse.`);
        }
        if (status !== 200 || json.status !== 'success') {
            throw new PrometheusError(`Prometheus rejected the query (HTTP ${status}${json.errorType ? `, ${String(json.errorType)}` : ''}): ${apiError(body) || 'no error given'}`);
        }
        // Thanos and Mimir answer `success` with warnings when a store or querier did not answer:
        // the numbers are then partial, and a partial count of errors must never pass a gate.
        const notes = [...notesOf(json.warnings), ...notesOf(json.infos)];
        if (notes.length) {
            throw new PrometheusError(`Prometheus answered with ${notes.length} warning${notes.length === 1 ? '' : 's'}, so the data may be partial: ${oneLine(notes[0], 300)}`);
        }
        try {
            return parseQueryData(json.data);
        }
        catch (error) {
            throw new PrometheusError(`Prometheus answered with an unexpected result: ${(0,errors/* describeError */.Uc)(error)}.`);
        }
    }
}
/** Backend text in a reason: one line, bounded. */
function oneLine(text, max) {
    const line = text.replace(/\s+/g, ' ').trim();
    return line.length > max ? `${line.slice(0, max)}…` : line;
}
/** The `warnings` or `infos` of an answer as text; anything present but not a list counts as one. */
function notesOf(value) {
    if (value === undefined || value === null)
        return [];
    if (!Array.isArray(value))
        return [JSON.stringify(value) ?? String(value)];
    return value.map((note) => (typeof note === 'string' ? note : (JSON.stringify(note) ?? String(note))));
}
function apiError(body) {
    try {
        const error = JSON.parse(body).error;
        return typeof error === 'string' ? oneLine(error, 300) : '';
    }
    catch {
        return '';
    }
}
/**
 * Headers from a secret input: one `Name: value` per line. A bearer token becomes Authorization.
 * Values are secrets: errors name the line number, never its content.
 */
function parseHeaders(text, bearerToken) {
    const headers = new Map();
    text.split(/\r?\n/).forEach((line, index) => {
        if (!line.trim() || line.trim().startsWith('#'))
            return;
        const colon = line.indexOf(':');
        const name = colon > 0 ? line.slice(0, colon).trim() : '';
        if (!/^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/.test(name) || /[\r\n\0]/.test(line)) {
            throw new errors/* UserError */.yo(`Line ${index + 1} of input "prometheus-headers" is not a header; write one "Name: value" per line.`);
        }
        headers.set(name.toLowerCase(), line.slice(colon + 1).trim());
    });
    if (bearerToken)
        headers.set('authorization', `Bearer ${bearerToken}`);
    return headers;
}

;// CONCATENATED MODULE: ./actions/error-budget-gate/src/promql.ts

const NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*/;
const LABEL = /^[a-zA-Z_][a-zA-Z0-9_]*/;
const SIMPLE_ESCAPES = {
    a: '\x07',
    b: '\b',
    f: '\f',
    n: '\n',
    r: '\r',
    t: '\t',
    v: '\v',
    '\\': '\\',
    '"': '"',
    "'": "'",
};
/** Reads a PromQL string literal (Go rules) at the start of `text`; returns its value and length. */
function readString(text) {
    const quote = text[0];
    if (quote !== '"' && quote !== "'" && quote !== '`')
        return undefined;
    let value = '';
    for (let i = 1; i < text.length; i++) {
        const c = text[i];
        if (c === quote)
            return { value, length: i + 1 };
        if (c !== '\\' || quote === '`') {
            if (c === '\n' && quote !== '`')
                return undefined;
            value += c;
            continue;
        }
        const e = text[++i];
        if (e === undefined)
            return undefined;
        if (SIMPLE_ESCAPES[e] !== undefined)
            value += SIMPLE_ESCAPES[e];
        else if (e === 'x' || e === 'u' || e === 'U') {
            const digits = e === 'x' ? 2 : e === 'u' ? 4 : 8;
            const hex = text.slice(i + 1, i + 1 + digits);
            if (!new RegExp(`^[0-9a-fA-F]{${digits}}$`).test(hex))
                return undefined;
            value += String.fromCodePoint(parseInt(hex, 16));
            i += digits;
        }
        else if (/[0-7]/.test(e)) {
            const octal = text.slice(i, i + 3);
            if (!/^[0-7]{3}$/.test(octal))
                return undefined;
            value += String.fromCharCode(parseInt(octal, 8));
            i += 2;
        }
        else
            return undefined;
    }
    return undefined;
}
/** Parses `metric{label op "value", ...}`; undefined when the text is anything more than a selector. */
function parseSelector(text) {
    let rest = text.trim();
    const metric = NAME.exec(rest)?.[0];
    if (metric)
        rest = rest.slice(metric.length).trimStart();
    const matchers = [];
    if (rest.startsWith('{')) {
        rest = rest.slice(1).trimStart();
        while (!rest.startsWith('}')) {
            const label = LABEL.exec(rest)?.[0];
            if (!label)
                return undefined;
            rest = rest.slice(label.length).trimStart();
            const op = ['=~', '!~', '!=', '='].find((o) => rest.startsWith(o));
            if (!op)
                return undefined;
            rest = rest.slice(op.length).trimStart();
            const literal = readString(rest);
            if (!literal)
                return undefined;
            matchers.push({ label, op, value: literal.value });
            rest = rest.slice(literal.length).trimStart();
            if (rest.startsWith(','))
                rest = rest.slice(1).trimStart();
            else if (!rest.startsWith('}'))
                return undefined;
        }
        rest = rest.slice(1).trimStart();
    }
    if (rest !== '' || (!metric && matchers.length === 0))
        return undefined;
    return metric ? { metric, matchers } : { matchers };
}
/**
 * A PromQL string literal for any value: JSON escaping is valid PromQL (Go) escaping, so quotes,
 * backslashes and newlines in a label value can never end the string early.
 */
function quoteLabelValue(value) {
    return JSON.stringify(value);
}
function formatSelector(selector) {
    const matchers = selector.matchers.map((m) => `${m.label}${m.op}${quoteLabelValue(m.value)}`);
    return `${selector.metric ?? ''}${matchers.length || !selector.metric ? `{${matchers.join(',')}}` : ''}`;
}
/** A selector, or an expression with `$window`; anything else is refused with `what` in the reason. */
function parseSliQuery(text) {
    const trimmed = text.trim();
    if (trimmed.includes('$window'))
        return { kind: 'expression', template: trimmed };
    const selector = parseSelector(trimmed);
    if (selector)
        return { kind: 'selector', selector };
    return 'is neither a counter selector such as http_requests_total{code=~"5.."} nor an expression containing $window';
}
/** Seconds as a PromQL duration: `30d`, `1h`, `3725s`. */
function promDuration(seconds) {
    return (0,shared_duration/* formatDuration */.a3)(Math.max(1, Math.round(seconds)));
}
/** The event count over `window` seconds, as PromQL. */
function countExpression(query, window) {
    const range = promDuration(window);
    return query.kind === 'selector'
        ? `sum(increase(${formatSelector(query.selector)}[${range}]))`
        : query.template.replace(/\$window\b/g, range);
}
/** The event count in each `step` over `window`, as a subquery (one point per step, step-aligned). */
function bucketExpression(query, window, step) {
    return `(${countExpression(query, step)})[${promDuration(window)}:${promDuration(step)}]`;
}
/** Sloth's Go template `{{.window}}` (with any spacing) becomes `$window`. */
function fromSlothTemplate(query) {
    return query.replace(/\{\{\s*\.window\s*\}\}/g, '$window');
}

;// CONCATENATED MODULE: ./actions/error-budget-gate/src/export-file.ts


const export_file_NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*/;
const export_file_LABEL = /^[a-zA-Z_][a-zA-Z0-9_]*/;
function parseSampleLine(line, lineNo, millis) {
    const fail = (what) => new Error(`line ${lineNo}: ${what}`);
    const name = export_file_NAME.exec(line)?.[0];
    if (!name)
        throw fail('a sample must start with a metric name');
    const labels = new Map([['__name__', name]]);
    let rest = line.slice(name.length);
    if (rest.startsWith('{')) {
        rest = rest.slice(1);
        while (!rest.startsWith('}')) {
            const label = export_file_LABEL.exec(rest)?.[0];
            if (!label || rest[label.length] !== '=')
                throw fail('labels must be name="value"');
            const literal = readString(rest.slice(label.length + 1));
            if (!literal)
                throw fail('a label value must be a quoted string');
            labels.set(label, literal.value);
            rest = rest.slice(label.length + 1 + literal.length);
            if (rest.startsWith(','))
                rest = rest.slice(1);
            else if (!rest.startsWith('}'))
                throw fail('labels must be separated by commas');
        }
        rest = rest.slice(1);
    }
    const [valueText, timeText, ...extra] = rest.trim().split(/\s+/);
    if (!valueText || !timeText || extra.length)
        throw fail('a sample needs a value and a timestamp');
    const time = Number(timeText) / (millis ? 1000 : 1);
    if (!Number.isFinite(time))
        throw fail(`timestamp ${JSON.stringify(timeText.slice(0, 40))} is not a number`);
    const value = parseSampleValue(valueText);
    const key = [...labels]
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([k, v]) => `${k}\0${v}`)
        .join('\0');
    return { key, labels, time, value };
}
/**
 * Reads an export of counters: OpenMetrics text (timestamps in seconds, ends with `# EOF`), the
 * Prometheus text format with millisecond timestamps, or JSON from /api/v1/query_range (the whole
 * answer, its `data`, or the list of series). Every sample needs a timestamp.
 */
function parseExport(text) {
    const trimmed = text.trimStart();
    if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
        const json = JSON.parse(trimmed);
        const data = Array.isArray(json)
            ? { resultType: 'matrix', result: json }
            : (json.data ?? json);
        const result = parseQueryData(data);
        if (result.type !== 'matrix')
            throw new Error(`expected a matrix of series, found ${result.type}`);
        return result.series.map((s) => ({
            labels: s.labels,
            points: [...s.points].sort((a, b) => a[0] - b[0]),
        }));
    }
    const millis = !/^# EOF\s*$/m.test(text);
    const series = new Map();
    text.split('\n').forEach((raw, index) => {
        const line = raw.trim();
        if (!line || line.startsWith('#'))
            return;
        const sample = parseSampleLine(line, index + 1, millis);
        const found = series.get(sample.key) ?? { labels: sample.labels, points: [] };
        found.points.push([sample.time, sample.value]);
        series.set(sample.key, found);
    });
    for (const s of series.values())
        s.points.sort((a, b) => a[0] - b[0]);
    return [...series.values()];
}
/** Whether a series matches a selector, with PromQL semantics (regexes anchored, missing label = ""). */
function matches(selector, labels) {
    if (selector.metric && labels.get('__name__') !== selector.metric)
        return false;
    return selector.matchers.every((m) => {
        const value = labels.get(m.label) ?? '';
        if (m.op === '=')
            return value === m.value;
        if (m.op === '!=')
            return value !== m.value;
        const found = new RegExp(`^(?:${m.value})$`, 'u').test(value);
        return m.op === '=~' ? found : !found;
    });
}
/** First index with time >= t (points sorted by time). */
function lowerBound(points, t) {
    let lo = 0;
    let hi = points.length;
    while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (points[mid][0] < t)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}
/**
 * The counter's increase between its first and last sample in [from, to], counting resets as
 * Prometheus does (a drop means the counter restarted from 0). Undefined with fewer than 2 samples.
 * Unlike Prometheus it does not extrapolate to the range edges: the export's own samples are exact.
 */
function increase(points, from, to) {
    const first = lowerBound(points, from);
    let total = 0;
    let count = 0;
    let previous = NaN;
    for (let i = first; i < points.length && points[i][0] <= to; i++, count++) {
        const value = points[i][1];
        if (count > 0)
            total += value < previous ? value : value - previous;
        previous = value;
    }
    return count >= 2 ? total : undefined;
}
/** Sum of the increase of every matching series over [at - window, at]; undefined when none has data. */
function countFromExport(series, selector, window, at) {
    let sum;
    for (const s of series) {
        if (!matches(selector, s.labels))
            continue;
        const value = increase(s.points, at - window, at);
        if (value !== undefined)
            sum = (sum ?? 0) + value;
    }
    return sum;
}
/** Increase per step-aligned bucket ending in (at - window, at], like the Prometheus subquery. */
function bucketsFromExport(series, selector, window, step, at) {
    const matching = series.filter((s) => matches(selector, s.labels));
    const points = [];
    for (let end = Math.floor(at / step) * step; end > at - window; end -= step) {
        const value = countFromExport(matching, { matchers: [] }, step, end);
        if (value !== undefined)
            points.push([end, value]);
    }
    return points.reverse();
}

;// CONCATENATED MODULE: ./actions/error-budget-gate/src/budget.ts
const DAY = 86400;
function addMonths(t, months) {
    const d = new Date(t * 1000);
    const day = d.getUTCDate();
    const target = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1, d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds()));
    const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
    target.setUTCDate(Math.min(day, lastDay));
    return target.getTime() / 1000;
}
/** The default anchor of a calendar unit: midnight UTC, Monday, the 1st, 1 January. */
function defaultAnchor(unit) {
    return unit === 'w' ? 4 * DAY /* 1970-01-05 was a Monday */ : 0;
}
/**
 * The span of a window at `at`: rolling windows end at `at`; calendar windows start at the last
 * period boundary (counted from the anchor in whole periods) and end at `at`.
 */
function windowSpan(window, at) {
    if (window.kind === 'rolling')
        return { start: at - window.seconds, end: at, elapsed: window.seconds, length: window.seconds };
    const anchor = window.anchor ?? defaultAnchor(window.unit);
    let start;
    let next;
    if (window.unit === 'd' || window.unit === 'w') {
        const period = window.count * (window.unit === 'd' ? DAY : 7 * DAY);
        start = anchor + Math.floor((at - anchor) / period) * period;
        next = start + period;
    }
    else {
        const months = window.count * (window.unit === 'M' ? 1 : window.unit === 'Q' ? 3 : 12);
        const a = new Date(anchor * 1000);
        const b = new Date(at * 1000);
        const between = (b.getUTCFullYear() - a.getUTCFullYear()) * 12 + b.getUTCMonth() - a.getUTCMonth();
        let k = Math.floor(between / months);
        while (addMonths(anchor, k * months) > at)
            k--;
        while (addMonths(anchor, (k + 1) * months) <= at)
            k++;
        start = addMonths(anchor, k * months);
        next = addMonths(anchor, (k + 1) * months);
    }
    return { start, end: at, elapsed: at - start, length: next - start, nextStart: next };
}
const STEPS = [60, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200, DAY];
/** Bucket length for the budget history: the shortest round step giving at most 720 buckets. */
function bucketStep(length) {
    return STEPS.find((s) => length / s <= 720) ?? DAY;
}
const errorRatio = (c) => c.bad / c.total;
/** The budget's share of events, 1 - objective, without float noise (1 - 0.999 is 0.0010000000000000009). */
const budgetShare = (objective) => Number((1 - objective).toPrecision(12));
/** Error ratio over the error budget's share: 1 means the budget lasts exactly the window. */
const burnRate = (c, objective) => c.total === 0 && c.bad === 0 ? 0 : errorRatio(c) / budgetShare(objective);
/** 1 - errors / allowed errors, where allowed = (1 - objective) x total. Negative when overspent. */
const budgetRemaining = (c, objective) => 1 - c.bad / (budgetShare(objective) * c.total);
/** Bad from good: good may exceed total only by float noise (checked before), never below 0. */
function badFromGood(good, total) {
    return Math.max(0, total - good);
}
/** Share of the expected buckets in (start, end] that hold data. */
function coverage(buckets, span, step) {
    const expected = Math.max(1, Math.floor(span.elapsed / step));
    const present = buckets.filter((b) => b.end > span.start && b.end <= span.end).length;
    return Math.min(1, present / expected);
}
/** Sum of the buckets ending inside (from, to]. */
function sumBuckets(buckets, from, to) {
    let bad = 0;
    let total = 0;
    for (const b of buckets) {
        if (b.end > from && b.end <= to) {
            bad += b.bad;
            total += b.total;
        }
    }
    return { bad, total };
}
/**
 * Timeslices: each slice with traffic counts as one, bad when its good share is below the target.
 * Slices without traffic say nothing about users: they count for coverage but in neither total.
 */
function slicesToBuckets(slices, sliceTarget) {
    return slices.map((s) => s.total > 0
        ? { end: s.end, bad: 1 - s.bad / s.total < sliceTarget ? 1 : 0, total: 1 }
        : { end: s.end, bad: 0, total: 0 });
}
/**
 * Budget remaining as the window went by: at each bucket, 1 - errors so far / errors allowed for
 * the whole window. Starts near 1 and ends at the window's budget remaining.
 */
function budgetHistory(buckets, window, objective) {
    const allowed = budgetShare(objective) * window.total;
    let bad = 0;
    return [...buckets]
        .sort((a, b) => a.end - b.end)
        .map((b) => {
        bad += b.bad;
        return [b.end, 1 - bad / allowed];
    });
}
/**
 * When the gate reopens if traffic continues at the window's average volume and the current error
 * ratio: the first step at which enough old errors have left the rolling window (calendar windows:
 * the next period). Undefined when it never does at that ratio.
 */
function forecastReopen(input) {
    const { at, span, step, buckets, objective, minBudgetRemaining, currentRatio } = input;
    if (!Number.isFinite(currentRatio) || currentRatio / (1 - objective) > input.lowestBlockBurnRate)
        return undefined;
    const burnClears = at + Math.max(0, ...input.firingShortWindows);
    if (span.nextStart !== undefined)
        return Math.max(span.nextStart, burnClears);
    const inWindow = buckets.filter((b) => b.end > span.start && b.end <= at).sort((a, b) => a.end - b.end);
    if (inWindow.length === 0)
        return undefined;
    const averageTotal = inWindow.reduce((sum, b) => sum + b.total, 0) / inWindow.length;
    const futureBad = currentRatio * averageTotal;
    const kept = inWindow.reduce((sum, b) => ({ bad: sum.bad + b.bad, total: sum.total + b.total }), {
        bad: 0,
        total: 0,
    });
    // Slide the window forward one step at a time: old buckets leave, current-ratio buckets arrive.
    let leaving = 0;
    for (let k = 1; k <= Math.ceil(span.length / step); k++) {
        const t = at + k * step;
        for (; leaving < inWindow.length && inWindow[leaving].end <= t - span.length; leaving++) {
            kept.bad -= inWindow[leaving].bad;
            kept.total -= inWindow[leaving].total;
        }
        const counts = { bad: kept.bad + k * futureBad, total: kept.total + k * averageTotal };
        if (budgetRemaining(counts, objective) > minBudgetRemaining)
            return Math.max(t, burnClears);
    }
    return undefined;
}

;// CONCATENATED MODULE: ./actions/error-budget-gate/src/policy.ts
const HOUR = 3600;
const WORKBOOK_WINDOW = 30 * 24 * HOUR;
/** The Workbook's rules for a 30-day window: 2% of budget in 1h, 5% in 6h (block); 10% in 3d (warn). */
const WORKBOOK_RULES = [
    { long: HOUR, short: 5 * 60, burnRate: 14.4, severity: 'block' },
    { long: 6 * HOUR, short: 30 * 60, burnRate: 6, severity: 'block' },
    { long: 3 * 24 * HOUR, short: 6 * HOUR, burnRate: 1, severity: 'warn' },
];
/** Rounds to whole minutes, at least one: Prometheus data is rarely finer than that. */
const toMinutes = (seconds) => Math.max(60, Math.round(seconds / 60) * 60);
/**
 * The Workbook rules for a window of `windowSeconds`: window lengths scale with the SLO window and
 * the thresholds stay, so each rule still fires on the same share of the budget (14.4 x 1h / 30d = 2%).
 */
function defaultRules(windowSeconds) {
    const scale = windowSeconds / WORKBOOK_WINDOW;
    return WORKBOOK_RULES.map((rule) => ({
        ...rule,
        long: toMinutes(rule.long * scale),
        short: toMinutes(rule.short * scale),
    }));
}
/** The window over which the forecast measures the current error ratio: 30 minutes for 30 days. */
function currentRateWindow(windowSeconds) {
    return toMinutes((30 * 60 * windowSeconds) / WORKBOOK_WINDOW);
}
/** Every window length the rules read, ascending and without repeats. */
function ruleWindows(rules) {
    return [...new Set(rules.flatMap((r) => [r.long, r.short]))].sort((a, b) => a - b);
}
/**
 * Applies the rules to burn rates by window length. A missing or non-finite rate makes the rule
 * unknowable; the caller has already turned that into `inconclusive`, so it never fires silently.
 */
function evaluateRules(rules, rates) {
    return rules.map((rule) => {
        const longRate = rates.get(rule.long) ?? NaN;
        const shortRate = rates.get(rule.short) ?? NaN;
        return { rule, longRate, shortRate, fired: longRate > rule.burnRate && shortRate > rule.burnRate };
    });
}

;// CONCATENATED MODULE: ./actions/error-budget-gate/src/plan.ts




function planSlo(slo, at, options) {
    const span = windowSpan(slo.window, at);
    const rules = options.rules ?? defaultRules(span.length);
    const current = currentRateWindow(span.length);
    const step = slo.budgeting.method === 'timeslices' ? slo.budgeting.sliceSeconds : bucketStep(span.length);
    return {
        slo,
        span,
        step,
        policy: {
            rules,
            minBudgetRemaining: options.minBudgetRemaining,
            minCoverage: options.minCoverage,
            currentRateWindow: current,
        },
        windows: [...new Set([span.elapsed, ...ruleWindows(rules), current])],
    };
}
const numerator = (slo) => (slo.good ?? slo.bad);
/** The reads a plan needs. Timeslices read only slices; every count comes from them. */
function requestsFor(plan) {
    const { slo, span, step } = plan;
    const buckets = [numerator(slo), slo.total].map((query) => ({
        kind: 'buckets',
        query,
        window: span.elapsed,
        step,
    }));
    if (slo.budgeting.method === 'timeslices')
        return buckets;
    const counts = plan.windows.flatMap((window) => [numerator(slo), slo.total].map((query) => ({ kind: 'count', query, window })));
    return [...counts, ...buckets];
}
/** The PromQL a request stands for; also its identity, so SLOs sharing a query read it once. */
function requestExpression(request) {
    return request.kind === 'count'
        ? countExpression(request.query, request.window)
        : bucketExpression(request.query, request.window, request.step);
}
/** Float noise between two sums of the same samples, never a real difference in events. */
const NOISE = 1e-9;
/**
 * Bad events from the numerator and the total of the same span, or why they are impossible: a
 * numerator above the total, or good and total series with different labels, never pass a gate.
 */
function badEvents(slo, numer, total) {
    const name = slo.good ? 'good' : 'bad';
    if (numer > total * (1 + NOISE) + NOISE)
        return { error: `${numer} ${name} events exceed the total of ${total}` };
    return { bad: slo.good ? badFromGood(numer, total) : Math.min(numer, total) };
}
function unpaired(numer, total) {
    return numer.series !== undefined && total.series !== undefined && numer.series !== total.series
        ? `the numerator series ${(0,neutralise/* truncate */.xv)(numer.series, 120)} and the total series ${(0,neutralise/* truncate */.xv)(total.series, 120)} do not pair up`
        : undefined;
}
function toCounts(slo, numer, total) {
    if (!numer.ok)
        return numer;
    if (!total.ok)
        return total;
    const mismatch = unpaired(numer, total);
    if (mismatch)
        return { ok: false, error: mismatch };
    const counted = badEvents(slo, numer.value, total.value);
    return 'error' in counted
        ? { ok: false, error: counted.error }
        : { ok: true, value: { bad: counted.bad, total: total.value } };
}
/**
 * Joins per-step numerator and total points into buckets. A step with a total but no bad point had
 * no errors (error series appear at the first error); every other step must pair: a numerator
 * without a total, or a total without a good point, is data the gate cannot trust.
 */
function toBuckets(slo, numer, total) {
    if (!numer.ok)
        return numer;
    if (!total.ok)
        return total;
    const mismatch = unpaired(numer, total);
    if (mismatch)
        return { ok: false, error: mismatch };
    const totals = new Map(total.value);
    const stray = numer.value.find(([end]) => !totals.has(end));
    if (stray)
        return { ok: false, error: `the history has a numerator at ${stray[0]} but no total there` };
    const numerators = new Map(numer.value);
    const buckets = [];
    for (const [end, count] of total.value) {
        const value = numerators.get(end);
        if (slo.good && value === undefined)
            return { ok: false, error: `the history has a total at ${end} but no good events there` };
        const counted = badEvents(slo, value ?? 0, count);
        if ('error' in counted)
            return { ok: false, error: `at ${end} ${counted.error}` };
        buckets.push({ end, bad: counted.bad, total: count });
    }
    return { ok: true, value: buckets };
}
/** Turns the backend's answers (keyed by requestExpression) into the data one SLO is decided on. */
function assemble(plan, answers) {
    const { slo, span } = plan;
    // A failure names the query, so the reason says which of good, bad or total has no data.
    const answer = (request) => {
        const found = answers.get(requestExpression(request)) ?? { ok: false, error: 'it was not run' };
        if (found.ok)
            return found;
        const part = request.query === slo.total ? 'total' : slo.good ? 'good-events' : 'bad-events';
        return {
            ...found,
            error: `the ${part} query ${(0,neutralise/* truncate */.xv)(requestExpression(request), 160)} failed: ${found.error}`,
        };
    };
    const numerBuckets = answer({
        kind: 'buckets',
        query: numerator(slo),
        window: span.elapsed,
        step: plan.step,
    });
    const totalBuckets = answer({
        kind: 'buckets',
        query: slo.total,
        window: span.elapsed,
        step: plan.step,
    });
    const raw = toBuckets(slo, numerBuckets, totalBuckets);
    const counts = new Map();
    if (slo.budgeting.method === 'timeslices') {
        const target = slo.budgeting.sliceTarget;
        const buckets = raw.ok ? { ok: true, value: slicesToBuckets(raw.value, target) } : raw;
        for (const window of plan.windows) {
            counts.set(window, buckets.ok ? { ok: true, value: sumBuckets(buckets.value, span.end - window, span.end) } : buckets);
        }
        return { counts, buckets };
    }
    // Client libraries create an error series on the first error after a restart, so a bad-events
    // selector that matched in the SLO window may match nothing in the last 5 minutes: zero errors.
    const badSeen = !slo.good && answer({ kind: 'count', query: numerator(slo), window: span.elapsed }).ok;
    for (const window of plan.windows) {
        const numer = answer({ kind: 'count', query: numerator(slo), window });
        const recentlyNone = badSeen && !numer.ok && numer.noData;
        counts.set(window, toCounts(slo, recentlyNone ? { ok: true, value: 0 } : numer, answer({ kind: 'count', query: slo.total, window })));
    }
    return { counts, buckets: raw };
}

;// CONCATENATED MODULE: ./actions/error-budget-gate/src/backends.ts


function unique(requests) {
    return new Map(requests.map((r) => [requestExpression(r), r]));
}
const NO_DATA = {
    ok: false,
    noData: true,
    error: 'no data (the query returned no series: check the metric and labels; a bad-events query for a metric that has never counted an error needs `or vector(0)` in a $window expression)',
};
const refuse = (error) => ({ ok: false, error });
/** The label set of a series as text, so good and total series can be paired: `{job="api"}`. */
function seriesKey(labels) {
    const pairs = [...labels].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${pairs.map(([k, v]) => `${k}=${JSON.stringify(v)}`).join(',')}}`;
}
/** An event count is a finite number of at least 0; anything else is impossible data. */
function checkCount(value, series) {
    if (!Number.isFinite(value))
        return refuse(`the query returned ${value} instead of a count`);
    if (value < 0)
        return refuse(`the query returned a negative count (${value})`);
    return { ok: true, value, series };
}
/** Per-step counts: at least one point, each a finite count of at least 0, each step once. */
function checkPoints(points, series) {
    if (points.length === 0)
        return NO_DATA;
    const times = new Set();
    for (const [time, value] of points) {
        if (!Number.isFinite(time) || times.has(time))
            return refuse(`the history holds the time ${time} twice or not as a number`);
        times.add(time);
        const checked = checkCount(value);
        if (!checked.ok)
            return refuse(`at ${time} ${checked.error}`);
    }
    return { ok: true, value: [...points], series };
}
/** Checks one query's answer: one series of the asked type holding finite counts of at least 0. */
function interpret(request, outcome) {
    if (!outcome.ok)
        return outcome;
    const { result } = outcome;
    if (request.kind === 'count') {
        if (result.type !== 'vector')
            return refuse(`the query returned a ${result.type}, not one number`);
        if (result.samples.length === 0)
            return NO_DATA;
        if (result.samples.length > 1)
            return refuse(`the query returned ${result.samples.length} series; aggregate them with sum()`);
        const sample = result.samples[0];
        return checkCount(sample.value, seriesKey(sample.labels));
    }
    if (result.type !== 'matrix')
        return refuse(`the history query returned a ${result.type}, not a range`);
    if (result.series.length === 0)
        return NO_DATA;
    if (result.series.length > 1)
        return refuse(`the history query returned ${result.series.length} series; aggregate them with sum()`);
    const series = result.series[0];
    return checkPoints(series.points, seriesKey(series.labels));
}
const WINDOW_LABEL = 'trunk_window';
/**
 * One query for all the windows of one SLI query: each window's count tagged with a label and joined
 * with `or`, so Prometheus parses, plans and answers once instead of six times.
 */
function batchExpression(requests) {
    return requests
        .map((r) => `label_replace(${requestExpression(r)}, "${WINDOW_LABEL}", "${r.window}", "", "")`)
        .join(' or ');
}
/**
 * The part of a batched answer that belongs to one window, without the tag. A series tagged with no
 * window that was asked for means the answer is not what was asked: every window is refused.
 */
function windowPart(outcome, window, asked) {
    if (!outcome.ok || outcome.result.type !== 'vector')
        return outcome;
    const stray = outcome.result.samples.find((s) => !asked.has(s.labels.get(WINDOW_LABEL) ?? ''));
    if (stray)
        return { ok: false, error: `the answer holds a series no query asked for: ${seriesKey(stray.labels)}` };
    const samples = outcome.result.samples
        .filter((s) => s.labels.get(WINDOW_LABEL) === String(window))
        .map((s) => ({ labels: new Map([...s.labels].filter(([k]) => k !== WINDOW_LABEL)), value: s.value }));
    return { ok: true, result: { type: 'vector', samples } };
}
/**
 * The Prometheus backend: instant queries at `at`, run in parallel. Counts of one SLI query over
 * several windows go out as one batched query; each history is a subquery of its own.
 */
function prometheusBackend(client) {
    return async (requests, at) => {
        const groups = new Map();
        for (const [expr, request] of unique(requests)) {
            const key = request.kind === 'count' ? `count ${JSON.stringify(request.query)}` : expr;
            groups.set(key, [...(groups.get(key) ?? []), request]);
        }
        const batches = [...groups.values()].map((group) => ({
            group,
            expr: group[0].kind === 'count' ? batchExpression(group) : requestExpression(group[0]),
        }));
        const outcomes = await client.queryAll(batches.map(({ expr }) => ({ expr, time: at })));
        const answers = new Map();
        batches.forEach(({ group }, i) => {
            const asked = new Set(group.map((r) => String(r.window)));
            for (const request of group) {
                const outcome = request.kind === 'count' ? windowPart(outcomes[i], request.window, asked) : outcomes[i];
                answers.set(requestExpression(request), interpret(request, outcome));
            }
        });
        return answers;
    };
}
/** The file backend: counter selectors evaluated over an export's samples, without PromQL. */
function fileBackend(series) {
    return async (requests, at) => {
        const answers = new Map();
        for (const [expr, request] of unique(requests)) {
            if (request.query.kind !== 'selector') {
                answers.set(expr, {
                    ok: false,
                    error: 'a file export can only answer counter selectors, not $window expressions',
                });
                continue;
            }
            if (request.kind === 'count') {
                const value = countFromExport(series, request.query.selector, request.window, at);
                answers.set(expr, value === undefined ? NO_DATA : checkCount(value));
            }
            else {
                const points = bucketsFromExport(series, request.query.selector, request.window, request.step, at);
                answers.set(expr, checkPoints(points));
            }
        }
        return answers;
    };
}

;// CONCATENATED MODULE: ./actions/error-budget-gate/src/decision.ts


const percent = (x) => `${(x * 100).toFixed(2)}%`;
/** A count is usable only when finite, not negative and bad <= total: impossible data never passes. */
function usable(c) {
    return Number.isFinite(c.bad) && Number.isFinite(c.total) && c.bad >= 0 && c.bad <= c.total;
}
/** Data whose newest bucket ends more than this many steps before the evaluation time is stale. */
const STALE_STEPS = 2;
/**
 * Decides one SLO. Every doubt (missing data, NaN/Inf, query errors, too little coverage, no
 * traffic) is `inconclusive`, so the gate never passes on numbers it does not have.
 */
function decideSlo(slo, span, step, data, policy) {
    const result = {
        slo,
        decision: 'inconclusive',
        reason: '',
        span,
        step,
        burnRates: new Map(),
        rules: [],
        history: [],
    };
    // The reason is one line: backend text may hold line breaks, and outputs and logs show one line.
    const inconclusive = (reason) => Object.assign(result, {
        decision: 'inconclusive',
        reason: reason.replace(/[\r\n\u0085\u2028\u2029]+/g, ' '),
    });
    if (!data.buckets.ok)
        return inconclusive(data.buckets.error);
    const newest = data.buckets.value.reduce((max, b) => (b.end <= span.end && b.end > max ? b.end : max), -Infinity);
    if (!Number.isFinite(newest))
        return inconclusive('no data in the window');
    if (newest < span.end - STALE_STEPS * step)
        return inconclusive(`the data ends at ${new Date(newest * 1000).toISOString()}, ${duration(span.end - newest)} before the evaluation time: is the metric still scraped?`);
    result.coverage = coverage(data.buckets.value, span, step);
    const main = data.counts.get(span.elapsed);
    if (!main?.ok)
        return inconclusive(main?.error ?? 'the window was not read');
    if (!usable(main.value))
        return inconclusive(`the window query returned ${main.value.bad} bad of ${main.value.total} events`);
    if (main.value.total === 0)
        return inconclusive('no events in the window, so there is no error ratio');
    result.window = main.value;
    result.errorRatio = errorRatio(main.value);
    result.budgetRemaining = budgetRemaining(main.value, slo.objective);
    result.history = budgetHistory(data.buckets.value, main.value, slo.objective);
    if (result.coverage < policy.minCoverage) {
        return inconclusive(`data covers ${percent(result.coverage)} of the window, less than min-coverage ${percent(policy.minCoverage)} (is Prometheus retention shorter than the window?)`);
    }
    for (const [length, fetched] of data.counts) {
        if (!fetched.ok)
            return inconclusive(fetched.error);
        if (!usable(fetched.value))
            return inconclusive(`the ${duration(length)} window returned ${fetched.value.bad} bad of ${fetched.value.total} events`);
        result.burnRates.set(length, burnRate(fetched.value, slo.objective));
    }
    result.rules = evaluateRules(policy.rules, result.burnRates);
    const firingBlocks = result.rules.filter((r) => r.fired && r.rule.severity === 'block');
    const firingWarns = result.rules.filter((r) => r.fired && r.rule.severity === 'warn');
    const spent = result.budgetRemaining <= policy.minBudgetRemaining;
    const describeRule = (r) => `burn rate ${r.longRate.toFixed(1)}x over ${duration(r.rule.long)} and ${r.shortRate.toFixed(1)}x over ${duration(r.rule.short)} exceed ${r.rule.burnRate}x`;
    if (spent || firingBlocks.length) {
        result.decision = 'block';
        result.reason = [
            ...(spent
                ? [
                    `budget remaining ${percent(result.budgetRemaining)} is at or below ${percent(policy.minBudgetRemaining)}`,
                ]
                : []),
            ...firingBlocks.map(describeRule),
        ].join('; ');
        const current = data.counts.get(policy.currentRateWindow);
        result.reopensAt = forecastReopen({
            at: span.end,
            span,
            step,
            buckets: data.buckets.value,
            objective: slo.objective,
            minBudgetRemaining: policy.minBudgetRemaining,
            currentRatio: current?.ok ? (current.value.total === 0 ? 0 : errorRatio(current.value)) : NaN,
            firingShortWindows: firingBlocks.map((r) => r.rule.short),
            lowestBlockBurnRate: Math.min(...policy.rules.filter((r) => r.severity === 'block').map((r) => r.burnRate)),
        });
    }
    else if (firingWarns.length) {
        result.decision = 'warn';
        result.reason = firingWarns.map(describeRule).join('; ');
    }
    else {
        result.decision = 'pass';
        result.reason = `budget remaining ${percent(result.budgetRemaining)}, no burn-rate rule fires`;
    }
    return result;
}
/** Compact duration for reasons: 3600 -> 1h, 300 -> 5m. */
function duration(seconds) {
    for (const [unit, size] of [
        ['d', 86400],
        ['h', 3600],
        ['m', 60],
    ]) {
        if (seconds >= size && seconds % size === 0)
            return `${seconds / size}${unit}`;
    }
    return `${seconds}s`;
}
const SEVERITY = { pass: 0, warn: 1, inconclusive: 2, block: 3 };
/** The SLO that decides the gate: the worst decision, then the least budget left. */
function decidingSlo(results) {
    return [...results].sort((a, b) => SEVERITY[b.decision] - SEVERITY[a.decision] ||
        (a.budgetRemaining ?? -Infinity) - (b.budgetRemaining ?? -Infinity))[0];
}
/**
 * The gate's decision over all SLOs. An override only matters when the gate would fail the step;
 * a gate that passes anyway keeps its decision (the override is noted, not needed).
 */
function decideGate(results, options) {
    const deciding = decidingSlo(results);
    const decision = deciding.decision;
    const name = results.length > 1 ? `${deciding.slo.name}: ` : '';
    const reason = `${name}${deciding.reason}`;
    const fails = decision === 'block' || (decision === 'inconclusive' && options.onInconclusive === 'block');
    if (fails && options.overrideReason) {
        return {
            decision: 'override',
            fails: false,
            reason: `overridden (${decision}: ${reason})`,
            deciding,
            overridden: decision,
        };
    }
    return { decision, fails, reason, deciding };
}

// EXTERNAL MODULE: ./shared/summary.ts
var summary = __webpack_require__(6566);
;// CONCATENATED MODULE: ./actions/error-budget-gate/src/report.ts


const BARS = '▁▂▃▄▅▆▇█';
const ICONS = {
    pass: '✅',
    warn: '⚠️',
    block: '⛔',
    inconclusive: '❔',
    override: '🔓',
};
/** Keeps at most `width` values, each the last of its group, so the end value is always shown. */
function downsample(values, width) {
    if (values.length <= width)
        return [...values];
    return Array.from({ length: width }, (_, i) => values[Math.ceil(((i + 1) * values.length) / width) - 1]);
}
/** A one-line chart: ▁ is the lowest value shown (0 or below), █ is 100% of the budget. */
function sparkline(values, width = 60) {
    const shown = downsample(values, width);
    const low = Math.min(0, ...shown);
    const high = Math.max(1, ...shown);
    return shown
        .map((v) => BARS[Math.min(BARS.length - 1, Math.max(0, Math.round(((v - low) / (high - low || 1)) * (BARS.length - 1))))])
        .join('');
}
const formatPercent = (x, digits = 2) => x === undefined || !Number.isFinite(x) ? '—' : `${(x * 100).toFixed(digits)}%`;
function iso(seconds) {
    return new Date(seconds * 1000).toISOString().replace('.000Z', 'Z');
}
/** `in 4d 3h` style distance, rounded down to minutes. */
function distance(seconds) {
    const d = Math.floor(seconds / 86400);
    const h = Math.floor((seconds % 86400) / 3600);
    const m = Math.floor((seconds % 3600) / 60);
    return [d && `${d}d`, h && `${h}h`, !d && m && `${m}m`].filter(Boolean).join(' ') || 'under a minute';
}
function describeWindow(window) {
    if (window.kind === 'rolling')
        return `${duration(window.seconds)} rolling`;
    const unit = { d: 'day', w: 'week', M: 'month', Q: 'quarter', Y: 'year' }[window.unit];
    return `calendar ${window.count > 1 ? `${window.count} ${unit}s` : unit}`;
}
function burnCell(result) {
    return result.rules.length
        ? result.rules
            .map((r) => `${r.fired ? '**' : ''}${r.longRate.toFixed(1)}/${r.shortRate.toFixed(1)}${r.fired ? '**' : ''}`)
            .join(' · ')
        : '—';
}
/** xychart-beta of budget remaining (%) over the window, about 30 points. */
function budgetChart(result) {
    const points = downsample(result.history, 30);
    const xs = points.map(([t]) => `"${t >= result.span.end ? 'now' : `-${distance(result.span.end - t).split(' ')[0]}`}"`);
    const ys = points.map(([, v]) => Math.round(v * 1000) / 10);
    const low = Math.floor(Math.min(0, ...ys) / 10) * 10;
    return [
        'xychart-beta',
        `  title "Error budget remaining (%), ${result.slo.name.replace(/["\n]/g, '')}"`,
        `  x-axis [${xs.join(', ')}]`,
        `  y-axis "budget %" ${low} --> 100`,
        `  line [${ys.join(', ')}]`,
    ].join('\n');
}
/** The job summary: the decision in one line, a table per SLO, then detail in collapsed sections. */
function renderSummary(gate, results, context) {
    const s = new summary/* Summary */.BD();
    const reopen = gate.deciding.reopensAt;
    s.heading(`${ICONS[gate.decision]} Error budget gate: ${gate.decision}`);
    s.text([
        `${(0,summary/* escapeMarkdown */.FV)(gate.reason)}.`,
        gate.deciding.decision === 'block'
            ? reopen !== undefined
                ? `Reopens about **${iso(reopen)}** (in ${distance(reopen - context.at)}) at the current error ratio.`
                : 'Does not reopen at the current error ratio.'
            : '',
    ]
        .filter(Boolean)
        .join(' '));
    if (context.audit) {
        s.text(`**Overridden** by ${(0,summary/* inlineCode */.ti)(context.audit.actor || 'unknown')} for commit ${(0,summary/* inlineCode */.ti)(context.audit.commit.slice(0, 12))}: ${(0,summary/* inlineCode */.ti)(context.audit.reason)}. ${context.audit.comment}`);
    }
    s.table([
        'SLO',
        'objective',
        'window',
        'error ratio',
        'budget left',
        'burn long/short per rule',
        'coverage',
        'decision',
    ], results.map((r) => [
        (0,summary/* escapeMarkdown */.FV)(r.slo.name),
        `${(r.slo.objective * 100).toFixed(3).replace(/\.?0+$/, '')}%`,
        describeWindow(r.slo.window) +
            (r.slo.budgeting.method === 'timeslices'
                ? ` (${duration(r.slo.budgeting.sliceSeconds)} slices)`
                : ''),
        formatPercent(r.errorRatio, 4),
        formatPercent(r.budgetRemaining),
        burnCell(r),
        formatPercent(r.coverage, 1),
        `${ICONS[r.decision]} ${r.decision}`,
    ]));
    const sparks = results
        .filter((r) => r.history.length)
        .map((r) => `${r.slo.name.padEnd(Math.min(24, Math.max(...results.map((x) => x.slo.name.length))))} ${sparkline(r.history.map(([, v]) => v))} ${formatPercent(r.budgetRemaining)}`);
    if (sparks.length)
        s.code(['budget remaining over the window (█ = 100%, ▁ = lowest)', ...sparks].join('\n'));
    if (gate.deciding.history.length > 1)
        s.mermaid(budgetChart(gate.deciding));
    s.details('Burn-rate rules', (d) => d.table(['SLO', 'long window', 'short window', 'threshold', 'burn long', 'burn short', 'severity', 'fires'], results.flatMap((r) => r.rules.map((x) => [
        (0,summary/* escapeMarkdown */.FV)(r.slo.name),
        duration(x.rule.long),
        duration(x.rule.short),
        `${x.rule.burnRate}x`,
        x.longRate.toFixed(2),
        x.shortRate.toFixed(2),
        x.rule.severity,
        x.fired ? 'yes' : 'no',
    ]))));
    s.details('Why each SLO decided as it did', (d) => d.list(results.map((r) => `${(0,summary/* escapeMarkdown */.FV)(r.slo.name)}: ${r.decision}: ${(0,summary/* escapeMarkdown */.FV)(r.reason)}`)));
    s.details('Queries and evaluation time', (d) => {
        d.text(`Evaluated at ${(0,summary/* inlineCode */.ti)(iso(context.at))} (set input \`at\` to this value to reproduce) against ${(0,summary/* escapeMarkdown */.FV)(context.backend)}.`);
        for (const [name, queries] of context.queries)
            d.text(`**${(0,summary/* escapeMarkdown */.FV)(name)}**`).code(queries.join('\n'), 'promql');
    });
    return s;
}

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
// EXTERNAL MODULE: ./shared/yaml.ts
var yaml = __webpack_require__(7315);
;// CONCATENATED MODULE: ./actions/error-budget-gate/src/slo.ts





const obj = (v) => (v && typeof v === 'object' && !Array.isArray(v) ? v : {});
const list = (v) => (Array.isArray(v) ? v : []);
const CALENDAR_WORDS = {
    'calendar-day': 'd',
    'calendar-week': 'w',
    'calendar-month': 'M',
    'calendar-quarter': 'Q',
    'calendar-year': 'Y',
};
/** `30d` (rolling) or `calendar-month` and friends (calendar, UTC, weeks start on Monday). */
function parseWindowInput(text) {
    const unit = CALENDAR_WORDS[text.trim().toLowerCase()];
    if (unit)
        return { kind: 'calendar', unit, count: 1 };
    const seconds = (0,shared_duration/* parseDuration */.E9)(text);
    return seconds === undefined ? undefined : { kind: 'rolling', seconds };
}
/** A percentage objective (`99.9`) as a fraction; strictly between 0 and 100. */
function objectiveFromPercent(percent, where) {
    if (!Number.isFinite(percent) || percent <= 0 || percent >= 100) {
        throw new errors/* UserError */.yo(`${where}: the objective ${percent} is not a percentage between 0 and 100 (exclusive).`);
    }
    // toPrecision drops float noise: 99.9 / 100 is 0.9990000000000001.
    return Number((percent / 100).toPrecision(12));
}
function query(text, where) {
    if (typeof text !== 'string' || !text.trim())
        throw new errors/* UserError */.yo(`${where}: the query is missing.`);
    const parsed = parseSliQuery(text);
    if (typeof parsed === 'string')
        throw new errors/* UserError */.yo(`${where}: the query ${JSON.stringify(text.slice(0, 200))} ${parsed}.`);
    return parsed;
}
/** The SLO from the action's inline inputs. */
function inlineSlo(options) {
    const { goodQuery, badQuery, totalQuery } = options;
    if (!totalQuery || (!goodQuery && !badQuery)) {
        throw new errors/* UserError */.yo('No SLO is defined: set input "slo" to an OpenSLO, Sloth or Pyrra file, or set "total-query" and one of "good-query" or "bad-query".');
    }
    if (goodQuery && badQuery)
        throw new errors/* UserError */.yo('Set only one of inputs "good-query" and "bad-query".');
    return {
        name: 'slo',
        objective: objectiveFromPercent(options.objectivePercent, 'Input "objective"'),
        window: options.window,
        budgeting: { method: 'occurrences' },
        ...(goodQuery
            ? { good: query(goodQuery, 'Input "good-query"') }
            : { bad: query(badQuery, 'Input "bad-query"') }),
        total: query(totalQuery, 'Input "total-query"'),
    };
}
/** OpenSLO duration shorthand: `28d`, `1M`, `1Q`, `1Y`, `1w`. */
function openSloWindow(entry, where) {
    const duration = String(entry.duration ?? '');
    const match = /^(\d+)([mhdwMQY])$/.exec(duration.trim());
    if (!match)
        throw new errors/* UserError */.yo(`${where}: timeWindow duration ${JSON.stringify(duration)} is not like 30d or 1M.`);
    const count = Number(match[1]);
    const unit = match[2];
    const calendar = obj(entry.calendar);
    if (entry.isRolling === true || !entry.calendar) {
        const seconds = (0,shared_duration/* parseDuration */.E9)(`${count}${unit}`);
        if (seconds === undefined)
            throw new errors/* UserError */.yo(`${where}: a rolling window cannot be ${duration}; use days or weeks.`);
        return { kind: 'rolling', seconds };
    }
    const zone = String(calendar.timeZone ?? 'UTC');
    if (!/^(Etc\/)?(UTC|GMT)$/i.test(zone)) {
        throw new errors/* UserError */.yo(`${where}: calendar time zone ${JSON.stringify(zone)} is not supported; use UTC.`);
    }
    const anchor = calendar.startTime
        ? Date.parse(`${String(calendar.startTime).replace(' ', 'T')}Z`) / 1000
        : undefined;
    if (anchor !== undefined && !Number.isFinite(anchor)) {
        throw new errors/* UserError */.yo(`${where}: calendar startTime ${JSON.stringify(calendar.startTime)} is not a date and time.`);
    }
    if (unit === 'm' || unit === 'h')
        throw new errors/* UserError */.yo(`${where}: calendar windows are days, weeks, months, quarters or years.`);
    return { kind: 'calendar', unit: unit, count, anchor };
}
function openSloQuery(source, where) {
    const metricSource = obj(obj(source).metricSource);
    const spec = obj(metricSource.spec);
    const text = spec.query ?? spec.promql ?? metricSource.query;
    return query(text, where);
}
function fromOpenSlo(docs, file) {
    const slis = new Map();
    for (const doc of docs)
        if (doc.kind === 'SLI')
            slis.set(String(obj(doc.metadata).name), obj(doc.spec));
    const slos = [];
    for (const doc of docs.filter((d) => d.kind === 'SLO')) {
        const name = String(obj(doc.metadata).name ?? `slo-${slos.length + 1}`);
        const where = `${file}: SLO ${JSON.stringify(name)}`;
        const spec = obj(doc.spec);
        const indicator = spec.indicatorRef ? slis.get(String(spec.indicatorRef)) : obj(obj(spec.indicator).spec);
        if (!indicator)
            throw new errors/* UserError */.yo(`${where}: indicatorRef ${JSON.stringify(spec.indicatorRef)} names no SLI in the file.`);
        const ratio = obj(indicator.ratioMetric);
        if (!ratio.total)
            throw new errors/* UserError */.yo(`${where}: only ratioMetric indicators (good or bad, and total) are supported.`);
        const windows = list(spec.timeWindow);
        if (windows.length !== 1)
            throw new errors/* UserError */.yo(`${where}: exactly one timeWindow is needed.`);
        const window = openSloWindow(obj(windows[0]), where);
        const method = String(spec.budgetingMethod ?? 'Occurrences');
        if (method !== 'Occurrences' && method !== 'Timeslices') {
            throw new errors/* UserError */.yo(`${where}: budgetingMethod ${JSON.stringify(method)} is not supported; use Occurrences or Timeslices.`);
        }
        const good = ratio.good ? openSloQuery(ratio.good, `${where} good`) : undefined;
        const bad = !good && ratio.bad ? openSloQuery(ratio.bad, `${where} bad`) : undefined;
        if (!good && !bad)
            throw new errors/* UserError */.yo(`${where}: ratioMetric needs "good" or "bad".`);
        const total = openSloQuery(ratio.total, `${where} total`);
        const objectives = list(spec.objectives);
        if (objectives.length === 0)
            throw new errors/* UserError */.yo(`${where}: no objectives.`);
        objectives.forEach((raw, index) => {
            const objective = obj(raw);
            const label = String(objective.displayName ?? objective.name ?? index + 1);
            const percent = objective.targetPercent !== undefined
                ? Number(objective.targetPercent)
                : Number(objective.target) * 100;
            const budgeting = method === 'Occurrences'
                ? { method: 'occurrences' }
                : timeslices(objective, `${where} objective ${label}`);
            slos.push({
                name: objectives.length > 1 ? `${name}/${label}` : name,
                objective: objectiveFromPercent(percent, `${where} objective ${label}`),
                window,
                budgeting,
                ...(good ? { good } : { bad }),
                total,
            });
        });
    }
    return slos;
}
function timeslices(objective, where) {
    const sliceSeconds = (0,shared_duration/* parseDuration */.E9)(String(objective.timeSliceWindow ?? ''));
    const sliceTarget = Number(objective.timeSliceTarget);
    if (!sliceSeconds || sliceSeconds < 60)
        throw new errors/* UserError */.yo(`${where}: Timeslices needs timeSliceWindow of at least 1m.`);
    if (!(sliceTarget > 0 && sliceTarget <= 1))
        throw new errors/* UserError */.yo(`${where}: Timeslices needs timeSliceTarget between 0 and 1.`);
    return { method: 'timeslices', sliceSeconds, sliceTarget };
}
function fromSloth(doc, file, window) {
    const root = doc.version ? doc : obj(doc.spec);
    return list(root.slos).map((raw, index) => {
        const slo = obj(raw);
        const name = String(slo.name ?? `slo-${index + 1}`);
        const where = `${file}: Sloth SLO ${JSON.stringify(name)}`;
        const events = obj(obj(slo.sli).events);
        if (!events.total_query)
            throw new errors/* UserError */.yo(`${where}: only sli.events (error_query and total_query) is supported.`);
        const slothQuery = (text, part) => query(typeof text === 'string' ? fromSlothTemplate(text) : text, `${where} ${part}`);
        return {
            name,
            objective: objectiveFromPercent(Number(slo.objective), where),
            window,
            budgeting: { method: 'occurrences' },
            bad: slothQuery(events.error_query, 'error_query'),
            total: slothQuery(events.total_query, 'total_query'),
        };
    });
}
function fromPyrra(doc, file) {
    const name = String(obj(doc.metadata).name ?? 'slo');
    const where = `${file}: Pyrra SLO ${JSON.stringify(name)}`;
    const spec = obj(doc.spec);
    const indicator = obj(spec.indicator);
    const seconds = (0,shared_duration/* parseDuration */.E9)(String(spec.window ?? ''));
    if (!seconds)
        throw new errors/* UserError */.yo(`${where}: spec.window ${JSON.stringify(spec.window)} is not a duration.`);
    const ratio = obj(indicator.ratio);
    const latency = obj(indicator.latency);
    const metric = (part, label) => query(obj(part).metric, `${where} ${label}`);
    const base = {
        name,
        objective: objectiveFromPercent(Number(spec.target), where),
        window: { kind: 'rolling', seconds },
        budgeting: { method: 'occurrences' },
    };
    if (ratio.errors)
        return { ...base, bad: metric(ratio.errors, 'errors'), total: metric(ratio.total, 'total') };
    if (latency.success)
        return { ...base, good: metric(latency.success, 'success'), total: metric(latency.total, 'total') };
    throw new errors/* UserError */.yo(`${where}: only ratio and latency indicators are supported.`);
}
/**
 * Every SLO in a file: OpenSLO v1 (SLO and SLI documents), Sloth (`version: prometheus/v1` or the
 * PrometheusServiceLevel resource) or Pyrra (ServiceLevelObjective). Sloth has no window in its
 * spec, so `defaultWindow` (input `window`) is used.
 */
function parseSloFile(text, file, defaultWindow) {
    const docs = [];
    (0,yaml/* userYaml */.Tz)(file, () => {
        for (const doc of (0,dist.parseAllDocuments)(text)) {
            if (doc.errors.length)
                throw new errors/* UserError */.yo(`${file} is not valid YAML: ${doc.errors[0].message.split('\n')[0]}`);
            const value = doc.toJS({ maxAliasCount: yaml/* MAX_ALIASES */.K1 });
            if (value !== null && value !== undefined)
                docs.push(obj(value));
        }
    });
    const slos = [];
    const openSlo = docs.filter((d) => String(d.apiVersion ?? '').startsWith('openslo/'));
    if (openSlo.length)
        slos.push(...fromOpenSlo(openSlo, file));
    for (const doc of docs) {
        if (doc.version === 'prometheus/v1' || doc.kind === 'PrometheusServiceLevel')
            slos.push(...fromSloth(doc, file, defaultWindow));
        else if (doc.kind === 'ServiceLevelObjective' && String(doc.apiVersion ?? '').startsWith('pyrra.dev/'))
            slos.push(fromPyrra(doc, file));
    }
    if (slos.length === 0) {
        throw new errors/* UserError */.yo(`${file} holds no SLO: expected OpenSLO v1 (kind: SLO), Sloth (version: prometheus/v1) or Pyrra (kind: ServiceLevelObjective).`);
    }
    const names = new Set();
    for (const slo of slos) {
        if (names.has(slo.name))
            throw new errors/* UserError */.yo(`${file}: two SLOs are named ${JSON.stringify(slo.name)}; names must be unique.`);
        names.add(slo.name);
    }
    return slos;
}

;// CONCATENATED MODULE: ./actions/error-budget-gate/src/main.ts














const durationText = zod/* pipe */.Fs(zod/* string */.Yj(), zod/* transform */.pd((text, ctx) => {
    const seconds = (0,shared_duration/* parseDuration */.E9)(text);
    if (seconds === undefined)
        ctx.issues.push({
            code: 'custom',
            message: `${JSON.stringify(text)} is not a duration such as 1h`,
            input: text,
        });
    return seconds ?? 0;
}));
const burnRuleSchema = zod/* array */.YO(zod/* object */.Ik({
    long: durationText,
    short: durationText,
    'burn-rate': zod/* number */.ai().check(zod/* positive */.yj()),
    severity: zod/* _default */.Rv(zod/* enum */.k5(['block', 'warn']), 'block'),
}));
const main_inputs = {
    slo: inputs/* input */.hF.optional(),
    objective: inputs/* input */.hF.number(0, 100),
    window: inputs/* input */.hF.required(),
    'good-query': inputs/* input */.hF.optional(),
    'bad-query': inputs/* input */.hF.optional(),
    'total-query': inputs/* input */.hF.optional(),
    at: inputs/* input */.hF.optional(),
    'prometheus-url': inputs/* input */.hF.optional(),
    'prometheus-token': inputs/* input */.hF.optional(),
    'prometheus-headers': inputs/* input */.hF.text(),
    'query-timeout': inputs/* input */.hF.duration(),
    file: inputs/* input */.hF.optional(),
    'min-budget-remaining': inputs/* input */.hF.number(-1000, 1),
    'burn-rate-rules': inputs/* input */.hF.yaml(zod/* nullable */.me(burnRuleSchema), null, 'a list of rules such as [{long: 1h, short: 5m, burn-rate: 14.4, severity: block}]'),
    'min-coverage': inputs/* input */.hF.number(0, 1),
    'on-inconclusive': inputs/* input */.hF.oneOf(['block', 'pass']),
    'override-reason': inputs/* input */.hF.optional(),
    'override-label': inputs/* input */.hF.optional(),
    token: inputs/* input */.hF.text(),
};
const SECRET = ['prometheus-url', 'prometheus-token', 'prometheus-headers', 'token'];
/** RFC 3339 (`2026-11-01T00:00:00Z`) or Unix seconds, to whole Unix seconds. */
function parseAt(text, now) {
    if (!text)
        return Math.floor(now / 1000);
    if (/^\d{9,11}(\.\d+)?$/.test(text))
        return Math.floor(Number(text));
    const rfc3339 = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;
    const ms = rfc3339.test(text) ? Date.parse(text) : NaN;
    if (!Number.isFinite(ms)) {
        throw new errors/* InputError */.dz(`Input "at" is ${JSON.stringify(text.slice(0, 60))}, which is not allowed: use RFC 3339 such as 2026-11-01T12:00:00Z or Unix seconds.`);
    }
    return Math.floor(ms / 1000);
}
function loadSlos(values, workspace) {
    const window = parseWindowInput(values.window);
    if (!window) {
        throw new errors/* InputError */.dz(`Input "window" is ${JSON.stringify(values.window)}, which is not allowed: use a rolling duration such as 30d or 28d, or calendar-day, calendar-week, calendar-month, calendar-quarter or calendar-year.`);
    }
    if (!values.slo) {
        return [
            inlineSlo({
                objectivePercent: values.objective,
                window,
                goodQuery: values['good-query'],
                badQuery: values['bad-query'],
                totalQuery: values['total-query'],
            }),
        ];
    }
    const text = (0,files/* readTextInside */.YA)(workspace, values.slo, { input: 'slo', maxBytes: 4 * 1024 * 1024 });
    return parseSloFile(text, values.slo, window);
}
function makeBackend(values, io, workspace) {
    const url = values['prometheus-url'];
    if (url && values.file)
        throw new errors/* UserError */.yo('Set only one of inputs "prometheus-url" and "file".');
    if (values.file) {
        const text = (0,files/* readTextInside */.YA)(workspace, values.file, { input: 'file', maxBytes: 512 * 1024 * 1024 });
        try {
            return {
                backend: fileBackend(parseExport(text)),
                name: `the export ${values.file}`,
            };
        }
        catch (error) {
            throw new errors/* UserError */.yo(`The export ${values.file} cannot be read: ${(0,errors/* describeError */.Uc)(error)}`);
        }
    }
    if (!url)
        throw new errors/* UserError */.yo('No data source: set input "prometheus-url" (the Prometheus HTTP API) or "file" (an export).');
    const retryBase = Number(io.env.TRUNK_ACTIONS_RETRY_BASE_MS);
    const client = new Prometheus({
        url,
        headers: parseHeaders(values['prometheus-headers'], values['prometheus-token']),
        timeoutMs: values['query-timeout'] * 1000,
        retryBaseMs: Number.isFinite(retryBase) && retryBase > 0 ? retryBase : undefined,
        log: io.log,
    });
    return { backend: prometheusBackend(client), name: `Prometheus at ${client.address}` };
}
/** Why the gate is overridden: the input, or the configured label on the pull request. */
function overrideReason(values, ctx) {
    if (values['override-reason'])
        return values['override-reason'];
    const label = values['override-label'];
    if (label && ctx.pullRequest?.labels.includes(label)) {
        return `label "${label}" on pull request #${ctx.pullRequest.number}`;
    }
    return undefined;
}
/** Records an override on the commit, once per run attempt (a re-run updates nothing twice). */
async function commentOnCommit(io, ctx, token, body) {
    if (!token)
        return 'No token, so no commit comment was written.';
    if (!ctx.owner || !ctx.repo || !/^[0-9a-f]{40}$/.test(ctx.headSha))
        return 'No commit to comment on.';
    const { connectGitHub, explainApiError, findOrCreate } = await Promise.all(/* import() */[__webpack_require__.e(392), __webpack_require__.e(319)]).then(__webpack_require__.bind(__webpack_require__, 4319));
    const github = connectGitHub(io, token, 'recording the override');
    const marker = `<!-- trunk-actions error-budget-gate override ${ctx.runId}/${ctx.runAttempt} -->`;
    const target = { owner: ctx.owner, repo: ctx.repo, commit_sha: ctx.headSha };
    try {
        const { value, created } = await findOrCreate({
            what: 'the override comment',
            find: async () => {
                const comments = await github.paginate(github.rest.repos.listCommentsForCommit, {
                    ...target,
                    per_page: 100,
                });
                return comments.find((c) => c.body?.includes(marker));
            },
            create: async () => (await github.rest.repos.createCommitComment({ ...target, body: `${body}\n\n${marker}` })).data,
            isSame: () => true,
        });
        return `${created ? 'Recorded' : 'Already recorded'} as a [commit comment](${value.html_url ?? ''}).`;
    }
    catch (error) {
        const explained = explainApiError('Writing the override commit comment', error, 'contents: write');
        io.log.warning(explained.message);
        return `The commit comment could not be written: ${explained.message}`;
    }
}
function round(x, digits) {
    return x === undefined || !Number.isFinite(x) ? null : Number(x.toFixed(digits));
}
const burnRates = (r) => Object.fromEntries([...r.burnRates].map(([w, v]) => [duration(w), round(v, 4)]));
function setOutputs(io, gate, results) {
    const d = gate.deciding;
    io.setOutput('decision', gate.decision);
    io.setOutput('budget-remaining', d.budgetRemaining === undefined ? '' : d.budgetRemaining.toFixed(4));
    io.setOutput('error-ratio', d.errorRatio === undefined ? '' : String(Number(d.errorRatio.toPrecision(6))));
    io.setOutput('burn-rates', burnRates(d));
    io.setOutput('reason', gate.reason);
    io.setOutput('reopens-at', d.decision === 'block' && d.reopensAt !== undefined ? iso(d.reopensAt) : '');
    io.setOutput('slos', results.map((r) => ({
        name: r.slo.name,
        decision: r.decision,
        reason: r.reason,
        objective: r.slo.objective,
        windowStart: iso(r.span.start),
        bad: r.window?.bad ?? null,
        total: r.window?.total ?? null,
        errorRatio: r.errorRatio ?? null,
        budgetRemaining: r.budgetRemaining ?? null,
        burnRates: burnRates(r),
        coverage: r.coverage ?? null,
        reopensAt: r.decision === 'block' && r.reopensAt !== undefined ? iso(r.reopensAt) : null,
    })));
}
async function run(io) {
    const values = await (0,inputs/* parseInputs */.TL)(main_inputs, io, { secret: SECRET });
    for (const name of SECRET)
        if (values[name] && name !== 'prometheus-url')
            io.setSecret(values[name]);
    // The URL is masked only for its credentials: the address itself helps read the log.
    const credentials = /^[a-z]+:\/\/([^/@]*)@/i.exec(values['prometheus-url'] ?? '')?.[1];
    if (credentials)
        for (const part of credentials.split(':'))
            if (part)
                io.setSecret(decodeURIComponent(part));
    const ctx = (0,context/* eventContext */.W)(io.env, (0,context/* readEventPayload */.N)(io.env));
    const workspace = ctx.workspace || process.cwd();
    const at = parseAt(values.at, Date.now());
    const slos = loadSlos(values, workspace);
    const rules = values['burn-rate-rules']?.map((r) => ({
        long: r.long,
        short: r.short,
        burnRate: r['burn-rate'],
        severity: r.severity,
    }));
    const plans = slos.map((slo) => planSlo(slo, at, {
        rules,
        minBudgetRemaining: values['min-budget-remaining'],
        minCoverage: values['min-coverage'],
    }));
    const { backend, name } = makeBackend(values, io, workspace);
    const requests = plans.flatMap(requestsFor);
    const answers = await io.log.group(`Evaluating ${slos.length} SLOs at ${iso(at)} against ${name}`, async () => {
        const started = Date.now();
        const read = await backend(requests, at);
        io.log.info(`${read.size} distinct queries answered in ${Date.now() - started} ms.`);
        return read;
    });
    const results = plans.map((plan) => decideSlo(plan.slo, plan.span, plan.step, assemble(plan, answers), plan.policy));
    for (const r of results)
        io.log.info(`${r.slo.name}: ${r.decision}: ${r.reason}`);
    const reason = overrideReason(values, ctx);
    const gate = decideGate(results, {
        onInconclusive: values['on-inconclusive'],
        overrideReason: reason,
    });
    let audit;
    if (gate.decision === 'override' && reason) {
        const who = ctx.actor || 'unknown';
        const message = `Error budget gate overridden by ${who} (${gate.overridden}: ${gate.deciding.reason}). Reason: ${reason}`;
        io.annotate({ level: 'notice', title: 'Error budget gate overridden', message });
        const body = `**Error budget gate overridden** by @${who} in [run ${ctx.runId}](${ctx.runUrl}).\n\n- Decision overridden: \`${gate.overridden}\`: ${gate.deciding.reason}\n- Reason: ${(0,neutralise/* truncate */.xv)(reason.replace(/\r?\n/g, ' '), 500)}`;
        audit = {
            actor: who,
            reason,
            commit: ctx.headSha,
            comment: await commentOnCommit(io, ctx, values.token, body),
        };
    }
    else if (reason) {
        io.log.info(`Override given (${reason}) but not needed: the gate decided ${gate.decision}.`);
    }
    if (gate.decision === 'warn') {
        io.annotate({ level: 'warning', title: 'Error budget burning', message: gate.reason });
    }
    if (gate.decision === 'inconclusive' && !gate.fails) {
        io.annotate({
            level: 'warning',
            title: 'Error budget gate inconclusive',
            message: `Passing because on-inconclusive is pass: ${gate.reason}`,
        });
    }
    setOutputs(io, gate, results);
    const queries = new Map(plans.map((p) => [p.slo.name, [...new Set(requestsFor(p).map(requestExpression))]]));
    await io.writeSummary(renderSummary(gate, results, { at, backend: name, audit, queries }));
    if (gate.fails)
        throw new errors/* StepFailed */.an(`Error budget gate: ${gate.decision}: ${gate.reason}`);
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

//# sourceMappingURL=865.index.js.map
export const id = 119;
export const ids = [119];
export const modules = {

/***/ 8119:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   inputs: () => (/* binding */ inputs),
/* harmony export */   run: () => (/* binding */ run)
/* harmony export */ });
/* harmony import */ var _shared_inputs_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2388);
/* harmony import */ var _shared_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2635);


const inputs = {
    objective: _shared_inputs_js__WEBPACK_IMPORTED_MODULE_0__/* .input */ .hF.number(0, 100),
    window: _shared_inputs_js__WEBPACK_IMPORTED_MODULE_0__/* .input */ .hF.duration(),
};
async function run(io) {
    (0,_shared_inputs_js__WEBPACK_IMPORTED_MODULE_0__/* .parseInputs */ .TL)(inputs, io);
    throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo('error-budget-gate is not ready yet: only its inputs are checked.');
}


/***/ }),

/***/ 2388:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  hF: () => (/* binding */ input),
  TL: () => (/* binding */ parseInputs)
});

// UNUSED EXPORTS: splitList

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 15 modules
var schemas = __webpack_require__(9691);
// EXTERNAL MODULE: ./node_modules/zod/v4/core/core.js
var core = __webpack_require__(8532);
// EXTERNAL MODULE: ./shared/errors.ts
var errors = __webpack_require__(2635);
;// CONCATENATED MODULE: ./shared/duration.ts

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

// EXTERNAL MODULE: ./shared/neutralise.ts
var neutralise = __webpack_require__(2642);
;// CONCATENATED MODULE: ./shared/inputs.ts





/**
 * Zod schemas for raw input strings. Each failure message says what is allowed, so the final
 * sentence reads `Input "x" is "v", which is not allowed: <message>.`
 */
function custom(parse, allowed) {
    return schemas/* string */.YjP().transform((raw, ctx) => {
        let value;
        try {
            value = parse(raw.trim());
        }
        catch (error) {
            ctx.addIssue({ code: 'custom', message: `${allowed} (${error.message.split('\n')[0]})` });
            return core/* NEVER */.tm;
        }
        if (value === undefined) {
            ctx.addIssue({ code: 'custom', message: allowed });
            return core/* NEVER */.tm;
        }
        return value;
    });
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
    text: () => schemas/* string */.YjP().transform((raw) => raw.trim()),
    /** Text that must not be empty. */
    required: () => custom((raw) => raw || undefined, 'a value is required'),
    /** Empty becomes undefined. */
    optional: () => schemas/* string */.YjP().transform((raw) => raw.trim() || undefined),
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
    duration: () => custom(parseDuration, 'allowed values are durations such as 30d, 6h, 5m or 1h30m'),
    optionalDuration: () => custom((raw) => (raw === '' ? null : parseDuration(raw)), 'allowed values are durations such as 30d, 6h, 5m or 1h30m').transform((v) => v ?? undefined),
    oneOf: (values) => custom((raw) => values.find((v) => v === raw.toLowerCase()), `allowed values are ${values.join(', ')}`),
    list: () => schemas/* string */.YjP().transform(splitList),
    /** A JSON value checked against `schema`. Empty gives `fallback`. */
    json: (schema, fallback, describe) => custom((raw) => (raw === '' ? fallback : schema.parse(JSON.parse(raw))), `expected ${describe} as JSON`),
    /** A YAML (or JSON) value checked against `schema`. Empty gives `fallback`. */
    yaml: (schema, fallback, describe) => custom((raw) => (raw === '' ? fallback : schema.parse((0,dist/* parse */.qg)(raw, { maxAliasCount: 100 }))), `expected ${describe} as YAML`),
};
/**
 * Reads every input named by the schema's keys through `io.input` (so undeclared names fail as bugs)
 * and parses them into one typed object. The first bad input stops with one sentence naming it.
 */
function parseInputs(shape, io, options = {}) {
    const raw = {};
    for (const name of Object.keys(shape))
        raw[name] = io.input(name);
    const result = schemas/* object */.Ikc(shape).safeParse(raw);
    if (result.success)
        return result.data;
    const issue = result.error.issues[0];
    const name = String(issue.path[0]);
    const shown = options.secret?.includes(name) ? '(hidden)' : JSON.stringify((0,neutralise/* truncate */.x)(raw[name] ?? '', 200));
    throw new errors/* InputError */.dz(`Input "${name}" is ${shown}, which is not allowed: ${issue.message}.`);
}


/***/ })

};

//# sourceMappingURL=119.index.js.map
export const id = 763;
export const ids = [763];
export const modules = {

/***/ 3763:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Postgres: () => (/* binding */ Postgres),
/* harmony export */   a: () => (/* binding */ DatabaseError)
/* harmony export */ });
/* unused harmony export describeTarget */
/* harmony import */ var pg__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3849);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2635);


/** A database error with PostgreSQL's SQLSTATE, for callers that treat some errors as answers. */
class DatabaseError extends Error {
    code;
    constructor(message, code) {
        super(message);
        this.code = code;
        this.name = 'DatabaseError';
    }
}
/** `host:port/database` of a connection URL, safe to print (no user or password). */
function describeTarget(url) {
    try {
        const parsed = new URL(url);
        const host = parsed.hostname || new URLSearchParams(parsed.search).get('host') || 'localhost';
        return `${host}${parsed.port ? `:${parsed.port}` : ''}${parsed.pathname || '/'}`;
    }
    catch {
        return '(unparseable URL)';
    }
}
class Postgres {
    client;
    target;
    constructor(client, target) {
        this.client = client;
        this.target = target;
    }
    /** Connects, or fails with a UserError that says why and what to check. */
    static async connect(url, options = {}) {
        const source = options.source ?? 'database URL';
        const target = describeTarget(url);
        if (!/^postgres(ql)?:\/\//i.test(url)) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`The ${source} must start with postgres:// or postgresql:// (got ${target}).`);
        }
        const statementTimeout = options.statementTimeoutMs ?? 60_000;
        const client = new pg__WEBPACK_IMPORTED_MODULE_0__/* ["default"].Client */ .Ay.Client({
            connectionString: url,
            connectionTimeoutMillis: options.connectTimeoutMs ?? 10_000,
            statement_timeout: statementTimeout,
            lock_timeout: options.lockTimeoutMs ?? 10_000,
            query_timeout: options.queryTimeoutMs ?? statementTimeout + 5_000,
            application_name: 'trunk-actions',
        });
        // an idle connection that breaks must not crash the process
        client.on('error', () => { });
        try {
            await client.connect();
        }
        catch (error) {
            await client.end().catch(() => { });
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`Cannot connect to PostgreSQL at ${target} (${source}): ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .describeError */ .Uc)(error)}. Check that the server (service container) is running and healthy, and the URL's host, port, user and database.`, { cause: error });
        }
        return new Postgres(client, target);
    }
    /** Runs one statement (parameters only with `params`), returning its rows. */
    async query(sql, params) {
        try {
            const result = await this.client.query(sql, params);
            // a multi-statement string returns one result per statement
            return Array.isArray(result) ? (result.at(-1)?.rows ?? []) : result.rows;
        }
        catch (error) {
            const code = error.code;
            throw new DatabaseError((0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .describeError */ .Uc)(error), typeof code === 'string' ? code : undefined);
        }
    }
    async close() {
        await this.client.end().catch(() => { });
    }
}


/***/ })

};

//# sourceMappingURL=763.index.js.map
import pg from 'pg';
import { UserError, describeError } from './errors.js';

/**
 * The one door to PostgreSQL: a single connection with connect, statement and lock timeouts, and
 * errors that name the server (never the password) and say what to do.
 */
export interface PostgresOptions {
  /** Milliseconds to wait for the connection (and authentication). */
  connectTimeoutMs?: number;
  /** Server-side limit per statement (statement_timeout), in milliseconds. */
  statementTimeoutMs?: number;
  /** Server-side limit on waiting for a lock (lock_timeout), in milliseconds. */
  lockTimeoutMs?: number;
  /** Client-side limit per query, a little above the statement timeout, for a server that hangs. */
  queryTimeoutMs?: number;
  /** Where the URL came from, for errors (an input name). */
  source?: string;
}

/** A database error with PostgreSQL's SQLSTATE, for callers that treat some errors as answers. */
export class DatabaseError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
  ) {
    super(message);
    this.name = 'DatabaseError';
  }
}

/** `host:port/database` of a connection URL, safe to print (no user or password). */
export function describeTarget(url: string): string {
  try {
    const parsed = new URL(url);
    const host = parsed.hostname || new URLSearchParams(parsed.search).get('host') || 'localhost';
    return `${host}${parsed.port ? `:${parsed.port}` : ''}${parsed.pathname || '/'}`;
  } catch {
    return '(unparseable URL)';
  }
}

export class Postgres {
  private constructor(
    private readonly client: pg.Client,
    readonly target: string,
  ) {}

  /** Connects, or fails with a UserError that says why and what to check. */
  static async connect(url: string, options: PostgresOptions = {}): Promise<Postgres> {
    const source = options.source ?? 'database URL';
    const target = describeTarget(url);
    if (!/^postgres(ql)?:\/\//i.test(url)) {
      throw new UserError(`The ${source} must start with postgres:// or postgresql:// (got ${target}).`);
    }
    const statementTimeout = options.statementTimeoutMs ?? 60_000;
    const client = new pg.Client({
      connectionString: url,
      connectionTimeoutMillis: options.connectTimeoutMs ?? 10_000,
      statement_timeout: statementTimeout,
      lock_timeout: options.lockTimeoutMs ?? 10_000,
      query_timeout: options.queryTimeoutMs ?? statementTimeout + 5_000,
      application_name: 'trunk-actions',
    });
    // an idle connection that breaks must not crash the process
    client.on('error', () => {});
    try {
      await client.connect();
    } catch (error) {
      await client.end().catch(() => {});
      throw new UserError(
        `Cannot connect to PostgreSQL at ${target} (${source}): ${describeError(error)}. Check that the server (service container) is running and healthy, and the URL's host, port, user and database.`,
        { cause: error },
      );
    }
    return new Postgres(client, target);
  }

  /** Runs one statement (parameters only with `params`), returning its rows. */
  async query<T extends Record<string, unknown> = Record<string, unknown>>(
    sql: string,
    params?: readonly unknown[],
  ): Promise<T[]> {
    try {
      const result = await this.client.query(sql, params as unknown[] | undefined);
      // a multi-statement string returns one result per statement
      return Array.isArray(result) ? ((result.at(-1)?.rows ?? []) as T[]) : (result.rows as T[]);
    } catch (error) {
      const code = (error as { code?: string }).code;
      throw new DatabaseError(describeError(error), typeof code === 'string' ? code : undefined);
    }
  }

  async close(): Promise<void> {
    await this.client.end().catch(() => {});
  }
}

/**
 * A real Prometheus for tests, backfilled with SLI counters whose true event counts are known:
 * 30 days at 1-minute resolution, a daily traffic shape, a counter reset, an old incident and a
 * current one. Only node built-ins are imported, so bench/gate.mjs can load this file too.
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const MINUTE = 60;
const DAY = 86400;

/** Evaluation time the fixture is built around: 2026-11-16T00:00:00Z (half a calendar month). */
export const FIXTURE_END = Date.UTC(2026, 10, 16) / 1000;
export const FIXTURE_DAYS = 30;
export const FIXTURE_START = FIXTURE_END - FIXTURE_DAYS * DAY;
const MINUTES = FIXTURE_DAYS * 1440;

/** Minute index (1-based) of the start of the old incident: day 10, 10:00 UTC, for 4 hours at 20%. */
export const OLD_INCIDENT = { from: 10 * 1440 + 600, minutes: 240, ratio: 0.2 };
/** The current incident: from 100 to 40 minutes before the end, at 8%. */
export const CURRENT_INCIDENT = { from: MINUTES - 100 + 1, minutes: 60, ratio: 0.08 };
/** Minute at which every api counter restarts from zero (a deploy). */
export const RESET_MINUTE = 20 * 1440 + 100;

export interface FixtureSeries {
  family: string;
  labels: ReadonlyMap<string, string>;
  /** Events in minute i (index 1..MINUTES covers (start + (i-1) min, start + i min]); index 0 unused. */
  perMinute: Float64Array;
  /** Counter value at the first sample. */
  offset: number;
  resetMinute?: number;
  /** Every sample is NaN (a broken exporter). */
  nan?: boolean;
}

export interface Fixture {
  start: number;
  end: number;
  series: FixtureSeries[];
}

/** Deterministic uniform numbers in [0, 1) (mulberry32). */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Requests per minute: 400 at midnight UTC, 1600 at noon. */
function traffic(minute: number, scale: number): number {
  const ofDay = (minute - 1) % 1440;
  return Math.round(scale * (1000 + 600 * Math.sin((2 * Math.PI * (ofDay - 360)) / 1440)));
}

function inIncident(minute: number, incident: { from: number; minutes: number }): boolean {
  return minute >= incident.from && minute < incident.from + incident.minutes;
}

/** A service's 2xx and 5xx counters with baseline error ratio `base` and the given incidents. */
function service(
  job: string,
  scale: number,
  base: number,
  seed: number,
  incidents: boolean,
): FixtureSeries[] {
  const next = random(seed);
  const ok = new Float64Array(MINUTES + 1);
  const errors = new Float64Array(MINUTES + 1);
  for (let m = 1; m <= MINUTES; m++) {
    const total = traffic(m, scale);
    const ratio =
      incidents && inIncident(m, OLD_INCIDENT)
        ? OLD_INCIDENT.ratio
        : incidents && inIncident(m, CURRENT_INCIDENT)
          ? CURRENT_INCIDENT.ratio
          : base;
    errors[m] = Math.min(total, Math.floor(total * ratio + next()));
    ok[m] = total - errors[m]!;
  }
  const labels = (code: string) =>
    new Map([
      ['job', job],
      ['code', code],
    ]);
  const resetMinute = incidents ? RESET_MINUTE : undefined;
  return [
    { family: 'http_requests', labels: labels('200'), perMinute: ok, offset: 9_000_000 + seed, resetMinute },
    { family: 'http_requests', labels: labels('500'), perMinute: errors, offset: 7_000 + seed, resetMinute },
  ];
}

/** The fixture: api (99.9%, both incidents, a reset), checkout (healthy), a NaN series, a hostile label. */
export function buildFixture(): Fixture {
  const constant = new Float64Array(MINUTES + 1).fill(10);
  constant[0] = 0;
  return {
    start: FIXTURE_START,
    end: FIXTURE_END,
    series: [
      ...service('api', 1, 0.0003, 1, true),
      ...service('checkout', 0.5, 0.0005, 2, false),
      {
        family: 'http_requests',
        labels: new Map([
          ['job', 'we"ird\\job'],
          ['code', '200'],
        ]),
        perMinute: constant,
        offset: 0,
      },
      {
        family: 'broken_requests',
        labels: new Map([['job', 'nan']]),
        perMinute: constant,
        offset: 0,
        nan: true,
      },
    ],
  };
}

/** Counter values at every sample (minute 0..MINUTES), with the reset applied. */
export function counterValues(series: FixtureSeries): Float64Array {
  const values = new Float64Array(MINUTES + 1);
  values[0] = series.offset;
  for (let m = 1; m <= MINUTES; m++) {
    values[m] = (m === series.resetMinute ? 0 : values[m - 1]!) + series.perMinute[m]!;
  }
  return values;
}

const escapeLabel = (v: string) => v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');

export interface ExportOptions {
  /** Which samples to write, by minute index (0..MINUTES); default all. */
  keep?: (minute: number) => boolean;
  /** Which series to write; default all. */
  pick?: (series: FixtureSeries) => boolean;
}

/**
 * The shipped demo export: api and checkout, hourly samples, every 5 minutes in the last day, and the
 * minute before the counter reset (without it, the events between the last sample and the restart
 * would be lost, as they are for any scrape that misses them).
 */
export const DEMO_EXPORT: ExportOptions = {
  keep: (m) => m % 60 === 0 || (m >= MINUTES - 1440 && m % 5 === 0) || m === RESET_MINUTE - 1,
  pick: (s) => ['api', 'checkout'].includes(s.labels.get('job') ?? ''),
};

/** OpenMetrics text (timestamps in seconds), as `promtool tsdb create-blocks-from openmetrics` reads it. */
export function toOpenMetrics(fixture: Fixture, options: ExportOptions = {}): string {
  const out: string[] = [];
  const chosen = fixture.series.filter(options.pick ?? (() => true));
  for (const family of [...new Set(chosen.map((s) => s.family))]) {
    out.push(`# TYPE ${family} counter`);
    for (const series of chosen.filter((s) => s.family === family)) {
      const labels = [...series.labels].map(([k, v]) => `${k}="${escapeLabel(v)}"`).join(',');
      const values = counterValues(series);
      for (let m = 0; m <= MINUTES; m++) {
        if (options.keep && !options.keep(m)) continue;
        out.push(
          `${family}_total{${labels}} ${series.nan ? 'NaN' : values[m]} ${fixture.start + m * MINUTE}`,
        );
      }
    }
  }
  out.push('# EOF', '');
  return out.join('\n');
}

/**
 * The true number of events in (from, to] for the series `pick` selects, summed straight from the
 * per-minute counts (independent of Prometheus and of the action). Both ends must be on the minute.
 */
export function trueEvents(
  fixture: Fixture,
  pick: (labels: ReadonlyMap<string, string>) => boolean,
  from: number,
  to: number,
): number {
  const first = Math.max(1, Math.floor((from - fixture.start) / MINUTE) + 1);
  const last = Math.min(MINUTES, Math.floor((to - fixture.start) / MINUTE));
  let sum = 0;
  for (const series of fixture.series.filter((s) => s.family === 'http_requests' && pick(s.labels))) {
    for (let m = first; m <= last; m++) sum += series.perMinute[m]!;
  }
  return sum;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export interface PrometheusServer {
  url: string;
  dataDir: string;
  /** The server's process id, for CPU accounting in benchmarks. */
  pid: number;
  stop(): Promise<void>;
}

export interface StartOptions {
  /** OpenMetrics text to backfill. */
  openMetrics: string;
  /** promtool --max-block-duration; days, not the 2h default (36 s of backfill instead of 1 s). */
  blockDuration?: string;
  retention?: string;
}

const exec = promisify(execFile);

/**
 * Backfills a fresh storage folder with promtool and starts `prometheus` on 127.0.0.1 with its own
 * minimal configuration. A missing binary throws: tests that need Prometheus fail, never skip.
 */
export async function startPrometheus(options: StartOptions): Promise<PrometheusServer> {
  const dir = mkdtempSync(join(tmpdir(), 'trunk-prom-'));
  const dataDir = join(dir, 'data');
  const input = join(dir, 'series.om');
  writeFileSync(input, options.openMetrics);
  writeFileSync(join(dir, 'prometheus.yml'), 'global:\n  scrape_interval: 1m\n');
  try {
    await exec(
      'promtool',
      [
        'tsdb',
        'create-blocks-from',
        'openmetrics',
        `--max-block-duration=${options.blockDuration ?? '744h'}`,
        input,
        dataDir,
      ],
      {
        maxBuffer: 64 * 1024 * 1024,
      },
    );
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`promtool failed (install the Debian package "prometheus"): ${(error as Error).message}`);
  }
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child: ChildProcess = spawn(
    'prometheus',
    [
      `--config.file=${join(dir, 'prometheus.yml')}`,
      `--storage.tsdb.path=${dataDir}`,
      `--storage.tsdb.retention.time=${options.retention ?? '400d'}`,
      `--web.listen-address=127.0.0.1:${port}`,
      '--log.level=warn',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  // A test process that exits without its teardown (a timeout, process.exit) must not leave
  // Prometheus running: kill it with the process.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  let log = '';
  child.stderr?.on('data', (chunk: Buffer) => (log = (log + chunk.toString()).slice(-4000)));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const spawnError = new Promise<never>((_, reject) =>
    child.once('error', (e) => reject(new Error(`prometheus cannot start: ${e.message}`))),
  );
  const stop = async () => {
    process.removeListener('exit', killOnExit);
    if (child.exitCode === null) child.kill('SIGTERM');
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([exited, new Promise((r) => (timer = setTimeout(r, 5000)))]);
    clearTimeout(timer);
    if (child.exitCode === null) child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 30_000;
  try {
    await Promise.race([
      spawnError,
      (async () => {
        for (;;) {
          if (child.exitCode !== null) throw new Error(`prometheus exited with ${child.exitCode}: ${log}`);
          if (Date.now() > deadline) throw new Error(`prometheus was not ready within 30 s: ${log}`);
          const ready = await fetch(`${url}/-/ready`).then(
            (r) => r.ok,
            () => false,
          );
          if (ready) return;
          await new Promise((r) => setTimeout(r, 100));
        }
      })(),
    ]);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, dataDir, pid: child.pid!, stop };
}

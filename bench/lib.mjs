// Shared measuring for every benchmark: whole-process wall time (median and spread over runs) and
// peak resident memory from /usr/bin/time or, where that is missing, the child's rusage.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

// Some machines (this one) set NODE_EXTRA_CA_CERTS for every process: Node then reads the system CA
// bundle before any code runs, about 40 ms here. GitHub's hosted runners do not set it, so no tool
// measured here (ours or a peer) gets it.
export const CLEARED_ENV = ['NODE_EXTRA_CA_CERTS'].filter((name) => name in process.env);
for (const name of CLEARED_ENV) delete process.env[name];

export const root = new URL('..', import.meta.url).pathname.replace(/\/$/, '');
export const peerBin = (name) => {
  const bin = join(root, '.bench-peers', 'node_modules', '.bin', name);
  return existsSync(bin) ? bin : undefined;
};

/** Runs `command args` `runs` times (after one warm-up) and returns timings and peak memory. */
export function measure(command, args, { cwd, env, runs = 5, check } = {}) {
  const times = [];
  let peakKb = 0;
  let last;
  for (let i = 0; i <= runs; i++) {
    const started = process.hrtime.bigint();
    const result = spawnSync(command, args, {
      cwd,
      env: { ...process.env, ...env },
      encoding: 'utf8',
      maxBuffer: 512 * 1024 * 1024,
    });
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    if (result.error) throw result.error;
    last = result;
    if (i === 0) continue; // warm-up: file cache, JIT of node itself
    times.push(ms);
    const rss = spawnSync('/usr/bin/time', ['-f', '%M', command, ...args], {
      cwd,
      env: { ...process.env, ...env },
      encoding: 'utf8',
      maxBuffer: 512 * 1024 * 1024,
    });
    if (i === 1 && !rss.error) peakKb = Number(rss.stderr.trim().split('\n').pop()) || 0;
  }
  if (check) check(last);
  times.sort((a, b) => a - b);
  return {
    median: times[Math.floor(times.length / 2)],
    min: times[0],
    max: times.at(-1),
    peakMb: peakKb / 1024,
    last,
  };
}

/**
 * Times several commands side by side: one warm-up each, then `runs` rounds in which every command
 * runs once, so a burst of load on this shared machine falls on all of them alike rather than on
 * whichever tool's runs it meets. Peak memory comes from one more run each under /usr/bin/time.
 * `afterEach(i, result)` runs after each timed run (outside its time). `rotate` starts each round
 * one command later, for a server whose state one command leaves for the next (the gate's
 * Prometheus collecting garbage after the peer's 240 queries). Returns one result per command, in
 * order, shaped as `measure` returns them.
 */
export function measureSideBySide(commands, { runs = 5, afterEach, rotate = false } = {}) {
  const spawnOne = (c, prefix = []) =>
    spawnSync(
      prefix[0] ?? c.command,
      [...prefix.slice(1), ...(prefix.length ? [c.command] : []), ...c.args],
      {
        cwd: c.cwd,
        env: { ...process.env, ...c.env },
        encoding: 'utf8',
        maxBuffer: 512 * 1024 * 1024,
      },
    );
  const times = commands.map(() => []);
  const last = commands.map((c) => spawnOne(c)); // warm-up: file cache, JIT of node itself
  for (let round = 0; round < runs; round++)
    for (let k = 0; k < commands.length; k++) {
      const i = rotate ? (round + k) % commands.length : k;
      const started = process.hrtime.bigint();
      const result = spawnOne(commands[i]);
      times[i].push(Number(process.hrtime.bigint() - started) / 1e6);
      if (result.error) throw result.error;
      last[i] = result;
      afterEach?.(i, result);
    }
  return commands.map((c, i) => {
    if (c.check) c.check(last[i]);
    const rss = spawnOne(c, ['/usr/bin/time', '-f', '%M']);
    const sorted = times[i].sort((a, b) => a - b);
    return {
      median: sorted[Math.floor(sorted.length / 2)],
      min: sorted[0],
      max: sorted.at(-1),
      peakMb: rss.error ? 0 : (Number(rss.stderr.trim().split('\n').pop()) || 0) / 1024,
      last: last[i],
    };
  });
}

export const fmtMs = (ms) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`);
export const fmtRow = (tool, m) =>
  `| ${tool} | ${fmtMs(m.median)} | ${fmtMs(m.min)} – ${fmtMs(m.max)} | ${m.peakMb ? `${m.peakMb.toFixed(0)} MB` : 'n/a'} |`;

/** One output from a GITHUB_OUTPUT file's text: a `name=value` line or a `name<<delimiter` block. */
export function readOutput(text, name) {
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].startsWith(`${name}=`)) return lines[i].slice(name.length + 1);
    if (lines[i].startsWith(`${name}<<`)) {
      const delimiter = lines[i].slice(name.length + 2);
      const end = lines.indexOf(delimiter, i + 1);
      return lines.slice(i + 1, end).join('\n');
    }
  }
  return undefined;
}

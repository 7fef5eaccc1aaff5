// Where a bundle's time goes, from V8 CPU profiles (`node --cpu-prof`) of several runs: each sample
// of the main thread is put in the first phase whose function is on its stack. The run of median
// length is returned (its phases add up to its wall time from process start to exit; medians per
// phase would not, as runs on a loaded machine differ in where they wait).
// Work on V8's own threads (the WebAssembly compile) and in git processes shows as idle here.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Phases, most specific first: a sample is counted in the first one whose function it is inside. */
const PHASES = [
  ['writing outputs, summary, annotations', ['setOutput', 'writeSummary', 'annotate', 'buildSummary']],
  ['parsing SQL (libpg-query WebAssembly calls)', ['parseStatements', 'parseBatch', 'withText']],
  ['linting: schema replay, rules, suppressions', ['lintMigrations']],
  ['parser start: compile, instantiate', ['loadParser', 'makeParser', 'instantiate']],
  ['git processes: spawn, read output', ['spawn', 'execFile', 'batchOutput', 'catFileBatch', 'lookUp']],
  ['reading files: glob, confinement, reads', ['allFiles', 'readInside', 'findFiles', 'changedMigrations']],
  ['inputs', ['parseInputs']],
  ['garbage collection', ['(garbage collector)']],
];
const IDLE = 'idle: waiting for git and V8 compile threads';
const STARTUP = 'start-up: node, loading and evaluating the bundle';

export function phasesOf(dir) {
  const runs = readdirSync(dir).map((file) => {
    const profile = JSON.parse(readFileSync(join(dir, file), 'utf8'));
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    const parent = new Map();
    for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
    const sums = new Map();
    let total = 0;
    let started = false; // the action's run() has been entered: later unnamed work is "other"
    profile.samples.forEach((id, i) => {
      const ms = profile.timeDeltas[i] / 1000;
      total += ms;
      const names = [];
      for (let n = id; n !== undefined; n = parent.get(n)) names.push(byId.get(n).callFrame.functionName);
      started ||= names.includes('parseInputs');
      const phase =
        names[0] === '(idle)'
          ? IDLE
          : (PHASES.find(([, fns]) => fns.some((fn) => names.includes(fn)))?.[0] ??
            (started ? 'other (module loading on demand, logging)' : STARTUP));
      sums.set(phase, (sums.get(phase) ?? 0) + ms);
    });
    return { sums, total };
  });
  const median = runs.sort((a, b) => a.total - b.total)[Math.floor(runs.length / 2)];
  return {
    total: median.total,
    phases: [...median.sums].map(([name, ms]) => ({ name, ms })).sort((a, b) => b.ms - a.ms),
  };
}

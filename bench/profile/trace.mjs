// Preloaded (`node --import bench/profile/trace.mjs bundle`) by bench/affected-profile.mjs: records when
// the bundle starts its work, every child process (start, end, arguments), the outputs' writes and the
// exit, as milliseconds since the process started, into the file named by TRACE_OUT.
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';

const require = createRequire(import.meta.url);
const childProcess = require('node:child_process');
const fs = require('node:fs');
const now = () => performance.now();
const trace = { preload: now(), firstRead: undefined, children: [], outputs: [], exit: undefined };

for (const name of ['spawn', 'execFile']) {
  const original = childProcess[name];
  childProcess[name] = function traced(command, args, ...rest) {
    const child = original.call(this, command, args, ...rest);
    const entry = { command: [command, ...(Array.isArray(args) ? args : [])].join(' '), start: now() };
    trace.children.push(entry);
    child.on('exit', () => (entry.end = now()));
    // A process kept open for the run (cat-file --batch-command) ends its work at its last answer.
    child.stdout?.on('data', () => (entry.lastOutput = now()));
    return child;
  };
}
const readFileSync = fs.readFileSync;
fs.readFileSync = function tracedRead(...args) {
  // the bundle's action.yml metadata, its first read once it is loaded (the entry reads the bundle itself
  // and its code cache before: bench/results.md, start-up)
  if (String(args[0]).endsWith('action-metadata.json')) trace.firstRead ??= now();
  return readFileSync.apply(this, args);
};
const appendFileSync = fs.appendFileSync;
fs.appendFileSync = function tracedAppend(...args) {
  trace.outputs.push(now());
  return appendFileSync.apply(this, args);
};
process.on('exit', () => {
  trace.exit = now();
  fs.writeFileSync(process.env.TRACE_OUT, JSON.stringify(trace));
});

// Preloaded (`node -r bench/first-output.cjs ...`) by the start-up benchmark and its guard: at the
// first write to stdout or stderr, appends the process's CPU time so far (user + system, ms) to
// $FIRST_OUTPUT_LOG. CPU time is what load on a shared machine changes least; wall time there mostly
// measures waiting. Writes by file descriptor and through the stream objects both count; the stream
// objects are patched when first asked for, not created here (creating one costs 3 to 4 ms, which a
// process that writes by descriptor never pays).
const fs = require('node:fs');

const { appendFileSync, writeSync } = fs;

let written = false;
const mark = () => {
  if (written) return;
  written = true;
  const { user, system } = process.cpuUsage();
  appendFileSync(process.env.FIRST_OUTPUT_LOG, `${(user + system) / 1000}\n`);
};
fs.writeSync = function (fd, ...args) {
  if (fd === 1 || fd === 2) mark();
  return writeSync.call(this, fd, ...args);
};
for (const name of ['stdout', 'stderr']) {
  const { get, enumerable } = Object.getOwnPropertyDescriptor(process, name);
  let stream;
  Object.defineProperty(process, name, {
    configurable: true,
    enumerable,
    get() {
      if (!stream) {
        stream = get.call(process);
        const write = stream.write;
        stream.write = function (...args) {
          mark();
          return write.apply(this, args);
        };
      }
      return stream;
    },
  });
}

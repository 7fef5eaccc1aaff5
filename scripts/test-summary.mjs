// Prints one closing line for the whole suite from jest's JSON results (`N passed, N failed`),
// which CI reads to know that tests ran. Exits 1 when a result file is missing or reports failures.
import { existsSync, readFileSync } from 'node:fs';

const files = ['.jest-results/unit.json', '.jest-results/e2e.json'];
let passed = 0;
let failed = 0;
for (const file of files) {
  if (!existsSync(file)) {
    console.error(`missing ${file}: did the test run start?`);
    process.exit(1);
  }
  const result = JSON.parse(readFileSync(file, 'utf8'));
  passed += result.numPassedTests;
  failed += result.numFailedTests + result.numRuntimeErrorTestSuites;
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);

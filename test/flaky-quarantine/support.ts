import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseReport } from '../../actions/flaky-quarantine/src/junit.js';

/** Parses a report fed in small chunks, which exercises decoding across chunk borders. */
export function parseChunked(bytes: Uint8Array | string, workspace = '', chunk = 64) {
  const buffer = typeof bytes === 'string' ? Buffer.from(bytes) : Buffer.from(bytes);
  const chunks: Buffer[] = [];
  for (let i = 0; i < buffer.length; i += chunk) chunks.push(buffer.subarray(i, i + chunk));
  return parseReport(chunks, { workspace });
}

const temps: string[] = [];
/** Removes the workspaces made so far (call from afterAll). */
export const removeWorkspaces = () =>
  temps.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true }));

/** A workspace holding JUnit reports: name -> testcase outcomes (`pass`, `fail`). */
export function workspace(reports: Record<string, Record<string, 'pass' | 'fail'> | string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'flaky-e2e-'));
  temps.push(dir);
  for (const [name, content] of Object.entries(reports)) {
    const xml =
      typeof content === 'string'
        ? content
        : `<?xml version="1.0" encoding="UTF-8"?>\n<testsuite name="suite">${Object.entries(content)
            .map(([test, outcome]) =>
              outcome === 'pass'
                ? `<testcase classname="Shop" name="${test}" file="src/shop.test.ts"/>`
                : `<testcase classname="Shop" name="${test}" file="src/shop.test.ts" line="3"><failure message="boom in ${test}">stack of ${test}</failure><system-out>TOKEN=do-not-copy</system-out></testcase>`,
            )
            .join('')}</testsuite>`;
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), xml);
  }
  return dir;
}

export const event = {
  name: 'push',
  payload: { repository: { default_branch: 'main', name: 'shop', owner: { login: 'acme' } } },
};
export const env = (sha: string, run: string, attempt = '1', ref = 'main') => ({
  GITHUB_SHA: sha,
  GITHUB_REF: `refs/heads/${ref}`,
  GITHUB_REF_NAME: ref,
  GITHUB_RUN_ID: run,
  GITHUB_RUN_ATTEMPT: attempt,
});
export const json = (text: string | undefined) => JSON.parse(text ?? 'null') as unknown;

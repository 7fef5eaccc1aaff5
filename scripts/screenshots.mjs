// `npm run screenshots [names...]`: the picture of a real job summary in each action's README. Runs the
// action's demo (actions/<name>/demo.yml, built by scripts/demo-repo.mjs) through the bundled command
// line, which writes the exact Markdown GitHub shows (--summary-file), renders it as GitHub does
// (scripts/summary-html.mjs) and has headless Chromium take the picture: actions/<name>/docs/summary.png.
// Needs `npm run bundle` first, and Debian's chromium-headless-shell (or CHROMIUM=path) and
// fonts-noto-color-emoji (the summaries' emoji, as a browser shows them). No network.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ACTIONS } from './actions.mjs';
import { prepareDemo } from './demo-repo.mjs';
import { summaryPage } from './summary-html.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const WIDTH = 900;
const cli = join(root, 'dist', 'cli', 'index.js');
const chromium = process.env.CHROMIUM ?? '/usr/bin/chromium-headless-shell';
const page = {
  css: readFileSync(require.resolve('github-markdown-css/github-markdown-light.css'), 'utf8'),
  mermaidUrl: pathToFileURL(require.resolve('mermaid/dist/mermaid.min.js')).href,
  width: WIDTH,
};
// The summary as a runner would make it: no GitHub variables, no token, so nothing reaches the network.
const env = Object.fromEntries(
  Object.entries(process.env).filter(([k]) => !/^(GITHUB_|INPUT_|ACTIONS_|RUNNER_)/.test(k)),
);

/**
 * Runs headless Chromium on `html` with `flags`; virtual time lets mermaid finish before it acts, and
 * every host name fails to resolve, so nothing on the page can reach the network.
 */
function chromiumOn(html, flags) {
  const run = spawnSync(
    chromium,
    [
      '--no-sandbox',
      '--disable-gpu',
      '--hide-scrollbars',
      '--force-device-scale-factor=1',
      '--virtual-time-budget=20000',
      '--host-resolver-rules=MAP * ~NOTFOUND',
      ...flags,
      pathToFileURL(html).href,
    ],
    { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, timeout: 120_000 },
  );
  if (run.status !== 0) throw new Error(`${chromium} exited ${run.status}: ${run.stderr || run.error}`);
  return run.stdout;
}

function screenshot(name) {
  const temp = mkdtempSync(join(tmpdir(), `trunk-screenshot-${name}-`));
  const work = join(temp, 'repo');
  mkdirSync(work);
  try {
    const { args } = prepareDemo(name, work);
    const summaryFile = join(temp, 'summary.md');
    const run = spawnSync(process.execPath, [cli, name, ...args, '--summary-file', summaryFile], {
      cwd: work,
      env,
      encoding: 'utf8',
    });
    if (run.status !== 0 && run.status !== 1)
      throw new Error(`trunk-actions ${name} exited ${run.status}:\n${run.stderr}`);
    const html = join(temp, 'summary.html');
    writeFileSync(html, summaryPage(readFileSync(summaryFile, 'utf8'), page));
    // First pass: let the page draw its diagrams and say how tall it is; second: the picture.
    const rendered = /data-rendered="([^"]*)"/.exec(chromiumOn(html, ['--dump-dom']))?.[1];
    if (!rendered || !/^\d+$/.test(rendered))
      throw new Error(`the ${name} summary did not render: ${rendered ?? 'mermaid never finished'}`);
    const png = join(root, 'actions', name, 'docs', 'summary.png');
    mkdirSync(dirname(png), { recursive: true });
    chromiumOn(html, [`--window-size=${WIDTH},${rendered}`, `--screenshot=${png}`]);
    console.log(
      `${png.slice(root.length + 1)}: ${WIDTH}x${rendered}, ${Math.round(statSync(png).size / 1024)} kB`,
    );
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
}

if (!existsSync(cli)) throw new Error('dist/cli/index.js is missing: run `npm run bundle` first.');
if (!existsSync(chromium))
  throw new Error(`${chromium} is missing: apt-get install chromium-headless-shell, or set CHROMIUM.`);
const names = process.argv.slice(2);
for (const name of names.length ? names : ACTIONS) screenshot(name);

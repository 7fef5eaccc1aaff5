// Reads a V8 CPU profile (`node --cpu-prof`) of a bundle and sums the time of its samples by the
// source file each function comes from (through the bundle's source maps), so the JavaScript time
// splits into start-up, parsing, graph work and so on. Used by bench/affected-profile.mjs.
import { readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { fileURLToPath } from 'node:url';

const maps = new Map();
function sourceMap(url) {
  if (!maps.has(url)) {
    let map;
    try {
      map = new SourceMap(JSON.parse(readFileSync(`${fileURLToPath(url)}.map`, 'utf8')));
    } catch {
      map = undefined;
    }
    maps.set(url, map);
  }
  return maps.get(url);
}

/** The original file of a sampled function: `shared/git.ts`, `node_modules/yaml/...`, `(gc)`, `node:fs`. */
function origin(frame) {
  if (!frame.url) return `(${frame.functionName || 'program'})`;
  if (!frame.url.startsWith('file:')) return frame.url;
  const map = sourceMap(frame.url);
  const entry = map?.findEntry(frame.lineNumber, frame.columnNumber);
  const file = entry?.originalSource;
  if (!file) return frame.url.split('/').slice(-2).join('/');
  return file.replace(/^.*?(?=(actions|shared|node_modules)\/)/, '').replace(/^webpack:\/\/[^/]*\//, '');
}

/** Milliseconds of samples per original source file, largest first. */
export function timeByFile(profilePath) {
  const profile = JSON.parse(readFileSync(profilePath, 'utf8'));
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const totals = new Map();
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    const key = origin(byId.get(id).callFrame);
    totals.set(key, (totals.get(key) ?? 0) + ms);
  });
  return [...totals].sort((a, b) => b[1] - a[1]);
}

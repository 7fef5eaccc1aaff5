import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Runs `body` with a git older than 2.36 first on PATH: the real git behind a wrapper that refuses
 * `cat-file --batch-command` as those versions do.
 */
export async function withGitBefore236(body: () => Promise<void>): Promise<void> {
  const bin = mkdtempSync(join(tmpdir(), 'old-git-'));
  const real = execFileSync('sh', ['-c', 'command -v git']).toString().trim();
  writeFileSync(
    join(bin, 'git'),
    `#!/bin/sh\nfor a in "$@"; do [ "$a" = --batch-command ] && { echo "error: unknown option \\\`batch-command'" >&2; exit 129; }; done\nexec ${real} "$@"\n`,
  );
  chmodSync(join(bin, 'git'), 0o755);
  const saved = process.env.PATH;
  process.env.PATH = `${bin}:${saved}`;
  try {
    await body();
  } finally {
    process.env.PATH = saved;
    rmSync(bin, { recursive: true, force: true });
  }
}

type Env = Readonly<Record<string, string | undefined>>;

/**
 * Evaluates the few `${{ }}` expressions that action.yml defaults use, as the runner would:
 * `github.token`, `github.workspace`, `github.repository`, `github.event_name` and friends.
 * Outside the runner (the command line, the test harness) they come from the environment.
 */
export function evaluateDefault(text: string, env: Env): string {
  return text.replace(/\$\{\{\s*github\.([a-z_]+)\s*\}\}/g, (_, key: string) => {
    if (key === 'token') return env.GITHUB_TOKEN ?? '';
    return env[`GITHUB_${key.toUpperCase()}`] ?? '';
  });
}

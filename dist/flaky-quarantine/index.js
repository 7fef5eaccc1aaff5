// dist/<action>/index.js, the file a runner starts (action.yml `runs.main`); `npm run bundle` copies
// it beside each action's bundle, action.js. It turns on V8's compile cache before the bundle loads
// (Node 22.1+; Node 20 has no module.enableCompileCache and skips it), so a runner that keeps its tool
// cache (self-hosted) or runs the action again compiles the bundle once. Measured in bench/results.md.
import module from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

module.enableCompileCache?.(join(process.env.RUNNER_TOOL_CACHE || tmpdir(), 'trunk-actions-compile-cache'));
const { default: action } = await import('./action.js');
action.runStep();

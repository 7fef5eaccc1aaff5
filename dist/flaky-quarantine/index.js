// dist/<action>/index.js, the file a runner starts (action.yml `runs.main`): loads the action's bundle
// through load.js (scripts/action-loader.cjs, which compiles it with a code cache) and runs the step.
require('./load.js').load().runStep();

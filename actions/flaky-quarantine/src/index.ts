import { actionEntry } from '../../../shared/runner.js';
import { run } from './main.js';

export default actionEntry('flaky-quarantine', run);

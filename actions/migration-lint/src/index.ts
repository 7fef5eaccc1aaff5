import { actionEntry } from '../../../shared/runner.js';
import { run } from './main.js';

export default actionEntry('migration-lint', run);

/** A project as a lockfile parser sees it: its folder relative to the lockfile's folder ('' = same). */
export interface LocalProject {
  name: string;
  dir: string;
}

/** Text of a project's manifest before and after the change (package.json or go.mod), by project dir. */
export interface ManifestTexts {
  before?: string;
  after?: string;
}

import type { TemplateIdentity, TemplateSpec } from './schema';

/** The templates known to a process: every version of every template, and which version is current. */
export interface TemplateRegistry {
  /** All specs, every version. */
  readonly all: readonly TemplateSpec[];
  /** The spec of one version, or undefined. */
  find(identity: TemplateIdentity): TemplateSpec | undefined;
  /** The current (highest) version of a template id, or undefined for an unknown id. */
  current(id: string): TemplateSpec | undefined;
  /** The current spec whose sheet name is `sheetName`, or undefined. */
  findBySheetName(sheetName: string): TemplateSpec | undefined;
}

/** Builds a registry over the given specs; the highest version of an id is current unless `currentVersions` says otherwise. */
export function createTemplateRegistry(
  specs: readonly TemplateSpec[],
  currentVersions: Readonly<Record<string, number>> = {},
): TemplateRegistry {
  const byKey = new Map(specs.map((s) => [`${s.id}@${s.version}`, s]));
  const current = new Map<string, TemplateSpec>();
  for (const s of specs) {
    const pinned = currentVersions[s.id];
    const prev = current.get(s.id);
    if (pinned !== undefined ? s.version === pinned : !prev || s.version > prev.version) current.set(s.id, s);
  }
  return {
    all: specs,
    find: (identity) => byKey.get(`${identity.id}@${identity.version}`),
    current: (id) => current.get(id),
    findBySheetName: (sheetName) => [...current.values()].find((s) => s.sheetName === sheetName.trim()),
  };
}

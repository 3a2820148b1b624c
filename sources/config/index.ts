export { SOURCE_KINDS, sourceEntrySchema, type LoadedSource, type LoadedSources, type SourceEntry } from './schema.js';
export { loadSourcesFile, parseSourcesYaml, listSourceFiles, resolveSourceUrl } from './load.js';
export { addSource, removeSource, setSourceEnabled, type NewSource } from './edit.js';
export { checkSource, type SourceCheck } from './check.js';

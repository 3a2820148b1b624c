import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { gunzipSync } from 'node:zlib';
import { deserializeDocModel, type DocModel } from './doc-stage.js';
import { parseModel, type NerModel } from './model.js';
import { OrgMatcher, parseOrgList } from './org-list.js';

/**
 * Loads the bundled NER models (models/ner-<lang>.json.gz) and the organizations list
 * (lexicons/organizations.yaml) once per process, on first use. Paths are resolved from the package
 * root (the nearest folder up with package.json), so this works from source and from dist/.
 */

let root: string | undefined;

export function packageRoot(): string {
  if (root !== undefined) return root;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'models'))) return (root = dir);
    const up = dirname(dir);
    if (up === dir) throw new Error(`ner loader: no package root with models/ above ${fileURLToPath(import.meta.url)}`);
    dir = up;
  }
}

/** Languages with a trained model. */
export const MODEL_LANGS = ['es', 'pt', 'en'] as const;
export type ModelLang = (typeof MODEL_LANGS)[number];

const models = new Map<ModelLang, NerModel>();

export function modelPath(lang: ModelLang): string {
  return join(packageRoot(), 'models', `ner-${lang}.json.gz`);
}

export function loadModel(lang: ModelLang): NerModel {
  let m = models.get(lang);
  if (m === undefined) {
    const path = modelPath(lang);
    try {
      m = parseModel(readFileSync(path));
    } catch (err) {
      throw new Error(`ner loader: cannot read model ${path}`, { cause: err });
    }
    models.set(lang, m);
  }
  return m;
}

const docModels = new Map<ModelLang, DocModel | null>();

export function docModelPath(lang: ModelLang): string {
  return join(packageRoot(), 'models', `ner-${lang}-doc.json.gz`);
}

/** The document-stage model of a language (models/ner-<lang>-doc.json.gz), or undefined when absent. */
export function loadDocModel(lang: ModelLang): DocModel | undefined {
  let m = docModels.get(lang);
  if (m === undefined) {
    const path = docModelPath(lang);
    try {
      m = existsSync(path) ? deserializeDocModel(JSON.parse(gunzipSync(readFileSync(path)).toString('utf8'))) : null;
    } catch (err) {
      throw new Error(`ner loader: cannot read document model ${path}`, { cause: err });
    }
    docModels.set(lang, m);
  }
  return m ?? undefined;
}

let orgs: OrgMatcher | undefined;

export function orgListPath(): string {
  return join(packageRoot(), 'lexicons', 'organizations.yaml');
}

export function loadOrgMatcher(): OrgMatcher {
  if (orgs === undefined) {
    const path = orgListPath();
    try {
      orgs = new OrgMatcher(parseOrgList(parseYaml(readFileSync(path, 'utf8'))));
    } catch (err) {
      throw new Error(`ner loader: cannot read organizations list ${path}`, { cause: err });
    }
  }
  return orgs;
}

import type { AnalysisDoc, Extractor } from '../types.js';
import { recognizeEntities } from './recognize.js';

/** Appends people, organizations, locations and misc names to `doc.entities` for `doc.language`. */
export const entitiesExtractor: Extractor = {
  name: 'entities',
  version: '1.0.0',
  extract(doc: AnalysisDoc): void {
    for (const e of recognizeEntities(doc.text, doc.language)) doc.entities.push(e);
  },
};

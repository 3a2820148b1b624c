import type { Config } from '../core/index.js';
import type { LeadStore } from './lead-store.js';
import { SqliteStore } from './sqlite-store.js';

/** MongoDB when MONGODB_URI is set, else the SQLite file. */
export async function openStore(config: Config): Promise<LeadStore> {
  let store: LeadStore;
  if (config.mongodbUri) {
    const { MongoStore } = await import('./mongo-store.js');
    store = new MongoStore(config.mongodbUri, config.mongodbDb);
  } else {
    store = new SqliteStore(config.dbPath);
  }
  await store.init();
  return store;
}

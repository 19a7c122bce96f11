import type { Config } from '@aria/config';
import type { AriaDatabase } from '@aria/db';
import type { KeyValueStore } from '@aria/integrations';

/** The adapters chosen once at start-up (createDeps) and shared by every request. */
export interface ApiDeps {
  readonly config: Config;
  readonly db: AriaDatabase;
  readonly kv: KeyValueStore;
}

export interface Context {
  readonly requestId: string;
  readonly deps: ApiDeps;
}

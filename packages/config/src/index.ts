export type { Config, LogLevel, NodeEnv } from './config.js';
export { ConfigError, type EnvSource, loadConfig } from './load.js';
export { envVariableNames } from './schema.js';

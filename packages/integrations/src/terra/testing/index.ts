export * from './fake-terra-server.js';

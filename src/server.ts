// Entry point of `intelliprove-widgets/server` (dist/server.js).
export * from './server/index.js';

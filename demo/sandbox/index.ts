/**
 * Starts the whole local setup: sandbox engine, stand-in plug-ins and demo host, each on its
 * own origin. Used by `npm start`, the tests and the benchmarks.
 */
import { startHost } from '../host/host.js';
import type { Running } from './http-util.js';
import { SANDBOX_API_KEY, startEngine, type Engine } from './engine.js';
import { startPlugins } from './plugins.js';
import { startSahha, type SahhaEngine } from './sahha.js';

export interface SandboxOptions {
  /** Ports; 0 (the default) picks free ones. */
  enginePort?: number;
  pluginPort?: number;
  hostPort?: number;
  sahhaPort?: number;
  dataFile?: string;
  /** Stand-in scan timings (seconds), short in tests. */
  scanSeconds?: number;
  checkSeconds?: number;
}

export interface Sandbox {
  engine: Running & { engine: Engine };
  plugins: Running;
  sahha: Running & { engine: SahhaEngine };
  host: Running;
  close(): Promise<void>;
}

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const engine = await startEngine({ port: options.enginePort, dataFile: options.dataFile });
  const plugins = await startPlugins({
    engine: engine.engine,
    engineUrl: engine.url,
    port: options.pluginPort,
    scanSeconds: options.scanSeconds,
    checkSeconds: options.checkSeconds,
  });
  engine.engine.options.pluginOrigin = plugins.url;
  const sahha = await startSahha({ port: options.sahhaPort });
  const host = await startHost({
    sahhaUrl: sahha.url,
    apiKey: SANDBOX_API_KEY,
    engineUrl: engine.url,
    pluginOrigin: plugins.url,
    port: options.hostPort,
  });
  return {
    engine,
    plugins,
    sahha,
    host,
    close: async () => {
      await Promise.all([host.close(), plugins.close(), engine.close(), sahha.close()]);
    },
  };
}

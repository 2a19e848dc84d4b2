/**
 * `npm start`: the demo on the sandbox, offline. Ports: IP_DEMO_PORT (8080), IP_ENGINE_PORT
 * (8081), IP_PLUGIN_PORT (8082), IP_SAHHA_PORT (8083); IP_SANDBOX_DATA=file.json keeps the engine's
 * data between runs.
 */
import { SANDBOX_API_KEY } from './sandbox/engine.js';
import { existsSync } from 'node:fs';
import { DEFAULT_USER, FRAMEWORK_APPS } from './host/host.js';
import { startSandbox } from './sandbox/index.js';

const port = (name: string, fallback: number) => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value < 0 || value > 65535)
    throw new Error(`${name} must be a port number`);
  return value;
};

const sandbox = await startSandbox({
  hostPort: port('IP_DEMO_PORT', 8080),
  enginePort: port('IP_ENGINE_PORT', 8081),
  pluginPort: port('IP_PLUGIN_PORT', 8082),
  sahhaPort: port('IP_SAHHA_PORT', 8083),
  dataFile: process.env.IP_SANDBOX_DATA || undefined,
}).catch((error: NodeJS.ErrnoException) => {
  if (error.code === 'EADDRINUSE') {
    console.error(
      `Port in use (${error.message}). Set IP_DEMO_PORT, IP_ENGINE_PORT or IP_PLUGIN_PORT.`,
    );
    process.exit(1);
  }
  throw error;
});

console.log(`
intelliprove-widgets demo — running offline on the sandbox

  Demo page          ${sandbox.host.url}/   (also /cms.html, /nl.html, /theme.html, /gauge.html, /cards.html, /gauges.html, /recommendations.html)
  Token endpoint     ${sandbox.host.url}/api/ip-token   (POST, built on intelliprove-widgets/server)
  Sandbox engine     ${sandbox.engine.url}/v2   (x-api-key: ${SANDBOX_API_KEY})
  Stand-in plug-ins  ${sandbox.plugins.url}/face-scan/ and /dashboard/
  Sahha sandbox      ${sandbox.sahha.url}/api/v1   (token endpoint: ${sandbox.host.url}/api/sahha-token)

  Framework apps     ${FRAMEWORK_APPS.map((name) =>
    existsSync(new URL(`./${name}/dist/index.html`, import.meta.url))
      ? `${sandbox.host.url}/${name}/`
      : `/${name}/ (not built)`,
  ).join('  ')}
                     (npm run demo:frameworks builds them with Vite and the Angular CLI)

  Check it           npx intelliprove-widgets doctor ${sandbox.host.url}/ --header 'Cookie: demo_user=${DEFAULT_USER}'

Press Ctrl+C to stop.
`);

const stop = () => {
  void sandbox.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);

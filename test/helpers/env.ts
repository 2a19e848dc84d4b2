/** Browser side: where the sandbox servers of this test run are. */
import type { SandboxEnv } from './wtr-sandbox.js';

let env: Promise<SandboxEnv> | undefined;

export function sandboxEnv(): Promise<SandboxEnv> {
  env ??= fetch('/__ip/env').then((r) => r.json() as Promise<SandboxEnv>);
  return env;
}

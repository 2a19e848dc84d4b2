#!/usr/bin/env node
/**
 * The package's `bin`: `intelliprove-widgets doctor <page> [options]` (README "Check your
 * integration"). Exit 0 when every check passes, 1 when one fails, 2 when it could not check.
 */
import { parseArgs, USAGE } from './args.js';
import { runDoctor } from './doctor.js';
import { DoctorError, formatReport } from './report.js';

async function main(argv: readonly string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(USAGE);
    return 0;
  }
  const json = argv.includes('--json');
  const stop = (message: string, usage: boolean) => {
    if (json) console.log(JSON.stringify({ ok: false, error: message }, null, 2));
    else console.error(`intelliprove-widgets doctor: ${message}${usage ? `\n\n${USAGE}` : ''}`);
    return 2;
  };
  let options: ReturnType<typeof parseArgs>;
  try {
    options = parseArgs(argv);
  } catch (error) {
    if (error instanceof DoctorError) return stop(error.message, true);
    throw error;
  }
  try {
    const report = await runDoctor(options);
    console.log(json ? JSON.stringify(report, null, 2) : formatReport(report));
    return report.ok ? 0 : 1;
  } catch (error) {
    if (error instanceof DoctorError) return stop(error.message, false);
    throw error;
  }
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    console.error('intelliprove-widgets doctor could not run:', error);
    process.exitCode = 2;
  },
);

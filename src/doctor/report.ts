/** The doctor's findings: one check per line, ✔ or ✘ with the fix. */

export interface Check {
  /** What was checked: "page", "token endpoint /api/ip-token (face-scan)", … */
  group: string;
  ok: boolean;
  /** What was found, in a sentence. */
  text: string;
  /** What to change, for a failed check. */
  fix?: string;
}

export interface Report {
  page: string;
  ok: boolean;
  checks: Check[];
}

/** Something that stops the doctor from checking at all (exit 2). */
export class DoctorError extends Error {
  override name = 'DoctorError';
}

export const pass = (group: string, text: string): Check => ({ group, ok: true, text });
export const fail = (group: string, text: string, fix: string): Check => ({
  group,
  ok: false,
  text,
  fix,
});

/** The report as the terminal shows it: a heading per group, a line per check, a summary. */
export function formatReport(report: Report): string {
  const lines = [`intelliprove-widgets doctor: ${report.page}`];
  let group = '';
  for (const check of report.checks) {
    if (check.group !== group) lines.push('', (group = check.group));
    lines.push(check.ok ? `  ✔ ${check.text}` : `  ✘ ${check.text} Fix: ${check.fix}`);
  }
  const failed = report.checks.filter((check) => !check.ok).length;
  lines.push(
    '',
    failed
      ? `${failed} of ${report.checks.length} checks failed.`
      : `All ${report.checks.length} checks passed.`,
  );
  return lines.join('\n');
}

// Summarises the Vitest JSON report of a CI run and decides the outcome: any failed test fails
// the run, and so does any skipped or todo test that .ci/expected-skips.json does not list with
// its reason (a test skipped by accident is a test that no longer runs).
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';

const report = JSON.parse(readFileSync('.ci/test-results.json', 'utf8'));
/** @type {{ file: string; test: string; reason: string }[]} */
const expected = JSON.parse(readFileSync('.ci/expected-skips.json', 'utf8'));
const key = (file, test) => `${file} > ${test}`;
const allowed = new Map(expected.map((e) => [key(e.file, e.test), e.reason]));

const skipped = [];
for (const file of report.testResults) {
  const path = relative(process.cwd(), file.name);
  for (const t of file.assertionResults)
    if (['pending', 'skipped', 'todo'].includes(t.status)) skipped.push(key(path, t.fullName));
}
const unexpected = skipped.filter((k) => !allowed.has(k));
const listed = skipped.filter((k) => allowed.has(k));

console.log(
  `tests: ${report.numPassedTests} passed, ${report.numFailedTests} failed, ${skipped.length} skipped (${listed.length} expected)`,
);
for (const k of listed) console.log(`  expected skip: ${k}\n    because ${allowed.get(k)}`);
for (const k of unexpected) console.log(`  UNEXPECTED SKIP: ${k}`);
const stale = [...allowed.keys()].filter((k) => !skipped.includes(k));
for (const k of stale) console.log(`  note: listed as an expected skip but it ran: ${k}`);

const ok = report.numFailedTests === 0 && report.numPassedTests > 0 && unexpected.length === 0;
if (unexpected.length)
  console.log('a skipped test fails CI unless .ci/expected-skips.json lists it with its reason');
process.exit(ok ? 0 : 1);

/**
 * Recomputes the published progress figures of an exchange CSV (`GET /api/cycles/{id}/projects.csv`)
 * with the progress rule, and says for every project whether the published figure is the one the
 * rule gives.
 *
 *   node --import tsx scripts/recompute-progress.ts FILE.csv [--json]
 *
 * Exit status: 0 when every published figure is recomputed exactly, 1 when one differs, 2 when the
 * file cannot be read (each bad row named as FILE:LINE: column: reason).
 */
import { pathToFileURL } from 'node:url';
import { readTextFile } from '../src/cli/files.ts';
import { CliInputError } from '../src/cli/io.ts';
import { readExchangeCsv } from '../src/domain/progress/exchange.ts';
import { type RecomputedProject, recomputeAll } from '../src/domain/progress/recompute.ts';
import { PROGRESS_RULE_VERSION, publishedFigure } from '../src/domain/progress/rule.ts';

const USAGE = 'usage: node --import tsx scripts/recompute-progress.ts FILE.csv [--json]\n';

interface Out {
  write(text: string): unknown;
}

const show = (f: RecomputedProject['recomputed'] | null) =>
  f
    ? `${f.state} ${f.progress ?? '—'} (${f.coverage.withData}/${f.coverage.milestones}) ${f.rule}`
    : '(not published)';

export async function recomputeProgress(args: string[], out: Out, err: Out): Promise<number> {
  const json = args.includes('--json');
  const files = args.filter((a) => a !== '--json');
  if (files.length !== 1 || files[0].startsWith('-')) {
    err.write(USAGE);
    return 2;
  }
  const [path] = files;
  let text: string;
  try {
    text = await readTextFile(path);
  } catch (e) {
    if (!(e instanceof CliInputError)) throw e;
    for (const p of e.problems) err.write(`error: ${p.path}: ${p.reason}\n`);
    return 2;
  }
  const read = readExchangeCsv(text);
  if (!read.ok) {
    for (const p of read.problems) err.write(`error: ${path}:${p.line}: ${p.column}: ${p.reason}\n`);
    err.write(`${read.problems.length} problem(s) in ${path}; nothing was recomputed.\n`);
    return 2;
  }
  const { projects, total } = recomputeAll(read.projects);
  const differ = projects.filter((p) => p.mismatch.length);
  if (json) {
    out.write(`${JSON.stringify({ rule: PROGRESS_RULE_VERSION, projects, total }, null, 2)}\n`);
  } else {
    out.write(`rule ${PROGRESS_RULE_VERSION}\n`);
    for (const p of projects) {
      const verdict = !p.published
        ? 'recomputed'
        : p.mismatch.length
          ? `DIFFERS: ${p.mismatch.join(', ')}`
          : 'same';
      out.write(`${p.key}\t${show(p.recomputed)}\t${verdict}`);
      out.write(p.mismatch.length ? `\tpublished ${show(p.published)}\n` : '\n');
    }
    const c = total.coverage;
    out.write(
      `all projects\t${publishedFigure(total.progress) ?? '—'} (${c.withData}/${c.milestones} milestones with data; ` +
        `${c.states.agreed} agreed, ${c.states.disputed} disputed, ${c.states.oneSided} one-sided, ${c.states.missing} missing)\n`,
    );
    out.write(`${projects.length} project(s), ${differ.length} published figure(s) differ\n`);
  }
  return differ.length ? 1 : 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.exitCode = await recomputeProgress(process.argv.slice(2), process.stdout, process.stderr);
}

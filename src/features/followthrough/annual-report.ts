/**
 * The annual report (../shared/specs/follow-through.md): publishing freezes the cycle's state as
 * a dated, numbered snapshot, stored with its JSON and CSV at once; a job (`annualReport.pdf`,
 * with progress) draws the PDF in vi, ja and en from that snapshot only. Publishing again makes a
 * new version; nothing of an earlier one is ever written again (its files are inserted once,
 * keyed by report and name, and a re-run of the job leaves existing ones as they are).
 */
import { createHash, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/types.ts';
import { LANGS, type Lang } from '../../domain/sectors.ts';
import { notFound } from '../../errors.ts';
import { type Clock, isoNow } from '../../platform/clock.ts';
import { defineJob, PermanentJobError } from '../../platform/jobs/define.ts';
import { enqueue, getJob } from '../../platform/jobs/queue.ts';
import type { User } from '../accounts/schemas.ts';
import { actorOf, recordChange } from '../audit/service.ts';
import { assertCanEditCycle } from './access.ts';
import { type AnnualSnapshot, annualCsv, annualSnapshot } from './annual-report-data.ts';
import { annualReportPdf } from './annual-report-pdf.ts';
import { loadCycle } from './model.ts';

type Q = Kysely<Database>;

export const sha256 = (s: string | Buffer) => createHash('sha256').update(s).digest('hex');

/** The stored files of a report: the JSON and CSV at once, the PDFs when the job has drawn them. */
export const fileName = {
  json: 'report.json',
  csv: 'report.csv',
  pdf: (lang: Lang) => `report.${lang}.pdf`,
};

const MEDIA = { json: 'application/json', csv: 'text/csv; charset=utf-8', pdf: 'application/pdf' } as const;

async function putFile(
  db: Q,
  clock: Clock,
  reportId: string,
  name: string,
  media: string,
  content: string,
  hash: string,
) {
  // Inserted once: a file of a report is never replaced.
  await db
    .insertInto('annual_report_files')
    .values({
      report_id: reportId,
      name,
      media_type: media,
      content,
      sha256: hash,
      created_at: isoNow(clock),
    })
    .onConflict((oc) => oc.columns(['report_id', 'name']).doNothing())
    .execute();
}

export const annualReportJob = defineJob({
  kind: 'annualReport.pdf',
  payload: z.object({ reportId: z.string().min(1).max(120) }),
  leaseMs: 120_000,
  run: async ({ reportId }, { db, clock, progress, signal }) => {
    const row = await db
      .selectFrom('annual_reports')
      .selectAll()
      .where('id', '=', reportId)
      .executeTakeFirst();
    if (!row) throw new PermanentJobError(`annual report ${reportId} does not exist`);
    const snap = JSON.parse(row.snapshot) as AnnualSnapshot;
    const have = new Set(
      (
        await db.selectFrom('annual_report_files').select('name').where('report_id', '=', reportId).execute()
      ).map((f) => f.name),
    );
    for (const [i, lang] of LANGS.entries()) {
      if (signal.aborted) throw new Error('cancelled');
      if (have.has(fileName.pdf(lang))) continue;
      const bytes = await annualReportPdf(snap, lang, (done, total) => {
        void progress((i + done / Math.max(total, 1)) / LANGS.length, `${lang}: ${done}/${total}`);
      });
      await putFile(
        db,
        clock,
        reportId,
        fileName.pdf(lang),
        MEDIA.pdf,
        bytes.toString('base64'),
        sha256(bytes),
      );
      await progress((i + 1) / LANGS.length, `${lang} done`);
    }
    return { reportId, languages: LANGS };
  },
});

/** Publishes a new version of the cycle's annual report (admins, or organisers of the forum it follows). */
export async function publishAnnualReport(db: Q, clock: Clock, user: User, cycleId: string) {
  const cycle = await loadCycle(db, cycleId);
  assertCanEditCycle(user, cycle);
  const publishedAt = isoNow(clock);
  const today = publishedAt.slice(0, 10);
  return db.transaction().execute(async (tx) => {
    const last = await tx
      .selectFrom('annual_reports')
      .select((eb) => eb.fn.max('number').as('n'))
      .where('cycle_id', '=', cycleId)
      .executeTakeFirst();
    const number = Number(last?.n ?? 0) + 1;
    const snap = await annualSnapshot(tx, { cycleId, today, number, publishedAt });
    const json = JSON.stringify(snap);
    const id = `ar-${randomUUID()}`;
    const job = await enqueue(
      tx,
      clock,
      annualReportJob,
      { reportId: id },
      { uniqueKey: `annual-report:${id}` },
    );
    await tx
      .insertInto('annual_reports')
      .values({
        id,
        cycle_id: cycleId,
        number,
        as_of: today,
        published_at: publishedAt,
        published_by: user.id,
        snapshot: json,
        sha256: sha256(json),
        job_id: job.id,
      })
      .execute();
    await putFile(tx, clock, id, fileName.json, MEDIA.json, json, sha256(json));
    const csv = annualCsv(snap);
    await putFile(tx, clock, id, fileName.csv, MEDIA.csv, csv, sha256(csv));
    await recordChange(tx, {
      scopes: ['followthrough'],
      audit: {
        actor: actorOf(user),
        action: 'create',
        entityType: 'annual_report',
        entityId: id,
        before: null,
        after: { cycleId, number, asOf: today, sha256: sha256(json) },
      },
    });
    return (await listAnnualReports(tx, cycleId, '')).find((r) => r.id === id)!;
  });
}

/** The cycle's published reports, newest first, each with the addresses of its files and its job. */
export async function listAnnualReports(db: Q, cycleId: string, base: string) {
  await loadCycle(db, cycleId);
  const rows = await db
    .selectFrom('annual_reports')
    .select(['id', 'number', 'as_of', 'published_at', 'sha256', 'job_id'])
    .where('cycle_id', '=', cycleId)
    .orderBy('number', 'desc')
    .execute();
  const files = rows.length
    ? await db
        .selectFrom('annual_report_files')
        .select(['report_id', 'name', 'sha256'])
        .where(
          'report_id',
          'in',
          rows.map((r) => r.id),
        )
        .execute()
    : [];
  const out = [];
  for (const r of rows) {
    const mine = new Map(files.filter((f) => f.report_id === r.id).map((f) => [f.name, f.sha256]));
    const url = (name: string) =>
      mine.has(name) ? `${base}/api/cycles/${cycleId}/annual-reports/${r.number}/${name}` : null;
    const job = r.job_id ? await getJob(db, r.job_id) : null;
    out.push({
      id: r.id,
      number: Number(r.number),
      asOf: r.as_of,
      publishedAt: r.published_at,
      sha256: r.sha256,
      files: {
        pdf: Object.fromEntries(LANGS.map((l) => [l, url(fileName.pdf(l))])) as Record<Lang, string | null>,
        csv: url(fileName.csv),
        json: url(fileName.json),
      },
      job: job ? { id: job.id, status: job.status, progress: job.progress, note: job.progressNote } : null,
    });
  }
  return out;
}

/** One file of one version, exactly as stored. */
export async function annualReportFile(db: Q, cycleId: string, number: number, name: string) {
  const f = await db
    .selectFrom('annual_report_files as f')
    .innerJoin('annual_reports as r', 'r.id', 'f.report_id')
    .select(['f.content', 'f.media_type', 'f.sha256', 'r.as_of'])
    .where('r.cycle_id', '=', cycleId)
    .where('r.number', '=', number)
    .where('f.name', '=', name)
    .executeTakeFirst();
  if (!f) throw notFound('annual report file', `${cycleId}/${number}/${name}`);
  const body = f.media_type === MEDIA.pdf ? Buffer.from(f.content, 'base64') : Buffer.from(f.content, 'utf8');
  return { body, mediaType: f.media_type, sha256: f.sha256, asOf: f.as_of };
}

import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { queryKeyOf } from '../api/cache.ts';
import { ApiError, api } from '../api/client.ts';
import type { Job } from '../api/types.ts';
import { useLang } from '../i18n/format.ts';
import { ErrorNote } from './common.tsx';

const FINISHED = new Set<Job['status']>(['done', 'failed', 'cancelled']);
/** How often a running job is asked about: often enough to watch, rarely enough not to load the server. */
const POLL_MS = 1000;

/**
 * A background job's progress (`/api/admin/jobs/{id}`), asked again every second until it
 * finishes: status, a progress bar with the job's own note, the reason of a failure, and a
 * Cancel button while it can still be cancelled.
 */
export function JobProgress({ id, onFinished }: { id: string; onFinished?: (job: Job) => void }) {
  const { t, num } = useLang();
  const path = `/api/admin/jobs/${encodeURIComponent(id)}`;
  const [cancelError, setCancelError] = useState<ApiError | null>(null);
  const q = useQuery({
    queryKey: queryKeyOf(path),
    queryFn: async ({ signal }) => {
      const job = (await api<Job>(path, { signal })).data;
      if (FINISHED.has(job.status)) onFinished?.(job);
      return job;
    },
    refetchInterval: (query) => (query.state.data && FINISHED.has(query.state.data.status) ? false : POLL_MS),
    staleTime: 0,
  });
  if (q.error)
    return (
      <ErrorNote
        error={q.error instanceof ApiError ? q.error : new ApiError(0, { status: 0, code: 'network' })}
      />
    );
  const job = q.data;
  if (!job) return <p className="muted">{t('common.loading')}</p>;
  const cancel = async () => {
    setCancelError(null);
    try {
      await api(`${path}/cancel`, { method: 'POST' });
      await q.refetch();
    } catch (err) {
      if (err instanceof ApiError) setCancelError(err);
    }
  };
  const percent = job.progress === null ? null : Math.round(job.progress * 100);
  return (
    <section className="job-progress" aria-label={t('jobs.progressOf', { kind: job.kind })}>
      <p aria-live="polite">
        <strong>{t(`jobs.status.${job.status}`)}</strong>
        {percent !== null && ` · ${num(percent)} %`}
        {job.progressNote && ` · ${job.progressNote}`}
      </p>
      {!FINISHED.has(job.status) && (
        <progress max={100} value={percent ?? undefined} aria-label={t('jobs.progress')} />
      )}
      {job.status === 'failed' && job.error && (
        <p className="error" role="alert">
          {job.error}
        </p>
      )}
      {!FINISHED.has(job.status) && !job.cancelRequested && (
        <button type="button" className="secondary" onClick={() => void cancel()}>
          {t('jobs.cancel')}
        </button>
      )}
      {job.cancelRequested && !FINISHED.has(job.status) && <p className="muted">{t('jobs.cancelling')}</p>}
      {cancelError && <ErrorNote error={cancelError} />}
    </section>
  );
}

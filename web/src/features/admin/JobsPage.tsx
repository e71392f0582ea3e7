import type { Job } from '../../api/types.ts';
import { JobProgress } from '../../components/JobProgress.tsx';
import { type Filter, ListPage } from '../../components/ListPage.tsx';
import { ZonedTime } from '../../components/ZonedTime.tsx';
import { useLang } from '../../i18n/format.ts';

const STATUSES: Job['status'][] = ['queued', 'running', 'done', 'failed', 'cancelled'];
const FINISHED: Job['status'][] = ['done', 'failed', 'cancelled'];

/** Background jobs, newest first: what each is, when it was made, and the progress of those not finished. */
export function JobsPage() {
  const { t } = useLang('admin');
  const filters: Filter[] = [
    {
      key: 'status',
      id: 'j-status',
      kind: 'select',
      label: t('jobs.statusFilter'),
      options: STATUSES.map((s) => ({ value: s, label: t(`jobs.status.${s}`) })),
    },
  ];
  return (
    <ListPage<Job>
      title={t('jobs.title')}
      basePath="/admin/jobs"
      apiPath="/api/admin/jobs"
      filters={filters}
      csv={false}
    >
      {(items) => (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('jobs.kind')}</th>
              <th scope="col">{t('jobs.created')}</th>
              <th scope="col">{t('jobs.statusFilter')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((j) => (
              <tr key={j.id}>
                <td>
                  <code>{j.kind}</code>
                </td>
                <td>
                  <ZonedTime at={j.createdAt} />
                </td>
                <td>
                  {FINISHED.includes(j.status) ? (
                    <>
                      {t(`jobs.status.${j.status}`)}
                      {j.error && <span className="muted"> · {j.error}</span>}
                    </>
                  ) : (
                    <JobProgress id={j.id} />
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </ListPage>
  );
}

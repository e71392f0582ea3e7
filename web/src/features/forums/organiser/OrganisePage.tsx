/**
 * "Organise": the forum's organisers set it up, write the programme, publish releases, invite
 * and decide on delegations and name other organisers. One page, its parts as tabs (`?tab=`).
 */
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { Forum } from '../../../../../src/features/forums/schemas.ts';
import { api, type Loaded, useApi } from '../../../api/client.ts';
import { ErrorNote, Loading, PageTitle } from '../../../components/common.tsx';
import { Link, useRouter } from '../../../router.tsx';
import '../i18n.ts';
import { Text } from '../texts.tsx';
import { DelegationsTab } from './DelegationsTab.tsx';
import { bodyOf, ForumForm, type ForumValues, valuesOf } from './ForumForm.tsx';
import { type Failure, failureOf } from './forms.tsx';
import { ProgrammeTab } from './ProgrammeTab.tsx';
import { ReleaseTab } from './ReleaseTab.tsx';
import { RolesTab } from './RolesTab.tsx';
import './organiser.css';

export type ForumT = z.infer<typeof Forum>;
const TABS = ['setup', 'programme', 'release', 'delegations', 'roles'] as const;
type Tab = (typeof TABS)[number];

/**
 * The last answer of a read, kept on screen while it is read again after a write (the cache
 * forgets what a write may have changed): forms stay where they are under the user.
 */
export function useKept<T>(state: Loaded<T>): { data: T | null; etag: string | null } {
  const kept = useRef<{ data: T | null; etag: string | null }>({ data: null, etag: null });
  if (state.data !== null) kept.current = { data: state.data, etag: state.etag };
  return kept.current;
}

function SetupTab({ forum, etag, reload }: { forum: ForumT; etag: string | null; reload: () => void }) {
  const { t } = useTranslation('forumOrganiser');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [saved, setSaved] = useState(false);
  const [key, setKey] = useState(0);
  const submit = async (v: ForumValues) => {
    setBusy(true);
    setFailure(null);
    setSaved(false);
    try {
      const body = { ...bodyOf(v), ...(v.state !== forum.state ? { state: v.state } : {}) };
      await api(`/api/forums/${encodeURIComponent(forum.id)}`, { method: 'PATCH', body, ifMatch: etag });
      setSaved(true);
    } catch (err) {
      setFailure(failureOf(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby="setup-h">
      <h2 id="setup-h">{t('tab.setup')}</h2>
      {saved && (
        <p className="success" role="status">
          {t('saved')}
        </p>
      )}
      <ForumForm
        key={`${forum.version}:${key}`}
        initial={valuesOf(forum)}
        mode="edit"
        busy={busy}
        failure={failure}
        onSubmit={submit}
        onReload={() => {
          setFailure(null);
          reload();
          setKey((k) => k + 1);
        }}
        submitLabel={t('save')}
      />
    </section>
  );
}

export function OrganisePage({ params }: { params: Record<string, string> }) {
  const { t } = useTranslation('forumOrganiser');
  const { search, path } = useRouter();
  const asked = search.get('tab') as Tab | null;
  const tab: Tab = asked && TABS.includes(asked) ? asked : 'setup';
  const state = useApi<ForumT>(`/api/forums/${encodeURIComponent(params.id)}`);
  const { data: forum, etag } = useKept(state);
  if (!forum) return state.error ? <ErrorNote error={state.error} /> : <Loading />;
  return (
    <article className="organiser">
      {forum.synthetic && <p className="banner">{t('synthetic')}</p>}
      <PageTitle tab={t('title')}>
        {t('title')}: <Text value={forum.title} />
      </PageTitle>
      <p className="muted">
        {t(`state.${forum.state}`)} · {forum.release ? t('releaseN', { n: forum.release }) : t('noRelease')} ·{' '}
        <Link to={`/forums/${encodeURIComponent(forum.id)}`}>{t('publicPage')}</Link>
      </p>
      <nav className="tabs" aria-label={t('sections')}>
        {TABS.map((x) => (
          <Link key={x} to={`${path}?tab=${x}`} aria-current={x === tab ? 'page' : undefined}>
            {t(`tab.${x}`)}
          </Link>
        ))}
      </nav>
      {tab === 'setup' && <SetupTab forum={forum} etag={etag} reload={state.reload} />}
      {tab === 'programme' && <ProgrammeTab forum={forum} />}
      {tab === 'release' && <ReleaseTab forum={forum} />}
      {tab === 'delegations' && <DelegationsTab forum={forum} />}
      {tab === 'roles' && <RolesTab forum={forum} />}
    </article>
  );
}

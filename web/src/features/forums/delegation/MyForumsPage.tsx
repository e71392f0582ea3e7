import { useQuery } from '@tanstack/react-query';
import { ApiError, api } from '../../../api/client.ts';
import { Async, PageTitle } from '../../../components/common.tsx';
import { useLang } from '../../../i18n/format.ts';
import { Link } from '../../../router.tsx';
import { Text } from '../texts.tsx';
import '../i18n.ts';
import { type DelegationT, delegationPath, type ForumT, type GrantT } from './types.ts';

interface Led {
  forum: Pick<ForumT, 'id' | 'title' | 'firstDay' | 'synthetic'>;
  delegation: DelegationT;
}

/**
 * The delegations the signed-in account leads: its `head` grants (from `/api/auth/me`), each found
 * in the forums' delegation lists (a head's list holds only their own). Few forums exist at once,
 * so one request per forum is fine.
 */
async function ledDelegations(): Promise<Led[]> {
  const me = (await api<{ user: { grants: GrantT[] } }>('/api/auth/me')).data.user;
  const heads = new Set(me.grants.filter((g) => g.role === 'head').map((g) => g.recordId));
  if (!heads.size) return [];
  const forums = (await api<{ items: ForumT[] }>('/api/forums')).data.items;
  const out: Led[] = [];
  for (const f of forums) {
    // Delegation ids begin with their forum's id (`<forum>.d-…`): ask only those forums.
    if (![...heads].some((id) => id.startsWith(`${f.id}.`))) continue;
    const items = (
      await api<{ items: DelegationT[] }>(`/api/forums/${encodeURIComponent(f.id)}/delegations`).catch(
        () => ({
          data: { items: [] as DelegationT[] },
        }),
      )
    ).data.items;
    for (const d of items) if (heads.has(d.id)) out.push({ forum: f, delegation: d });
  }
  return out;
}

export function MyForumsPage() {
  const { t, date } = useLang('forumDelegation');
  const q = useQuery({ queryKey: ['my-delegations'], queryFn: ledDelegations, staleTime: 0 });
  return (
    <>
      <PageTitle>{t('mine.title')}</PageTitle>
      <p className="lead">{t('mine.intro')}</p>
      <Async
        state={{
          data: q.data ?? null,
          error: q.error
            ? q.error instanceof ApiError
              ? q.error
              : new ApiError(0, { status: 0, code: 'network' })
            : null,
          loading: q.isFetching,
        }}
      >
        {(items) =>
          items.length === 0 ? (
            <p>{t('mine.none')}</p>
          ) : (
            <ul className="plain cards">
              {items.map(({ forum, delegation: d }) => (
                <li key={d.id} className="card">
                  <h2>
                    <Link to={delegationPath(forum.id, d.id)}>
                      <Text value={d.party.name} />
                    </Link>
                  </h2>
                  <p>
                    <Text value={forum.title} /> · {date(forum.firstDay)}
                  </p>
                  <p className="muted">
                    {t(`state.${d.state}`)} ·{' '}
                    {t('delegation.count', { n: d.members.length, max: d.memberLimit })}
                  </p>
                </li>
              ))}
            </ul>
          )
        }
      </Async>
    </>
  );
}

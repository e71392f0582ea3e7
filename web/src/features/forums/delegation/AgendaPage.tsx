import { useState } from 'react';
import { localDate } from '../../../../../src/domain/calendar/zones.ts';
import { ApiError, api, useApi } from '../../../api/client.ts';
import type { Lang } from '../../../api/types.ts';
import { Async, ErrorNote, PageTitle } from '../../../components/common.tsx';
import { formatPartialDate, useLang } from '../../../i18n/format.ts';
import { Link, useRouter } from '../../../router.tsx';
import { Text } from '../texts.tsx';
import '../i18n.ts';
import './delegation.css';
import { SessionTime } from './SessionTime.tsx';
import { type AgendaT, agendaPath, delegationPath, memberName, nameLang } from './types.ts';

/**
 * The member's calendar feed: its address is kept only as a hash, so the page shows one only just
 * after making it; making a new one ends the old (the head or an organiser).
 */
function CalendarFeed({ a, url, setUrl }: { a: AgendaT; url: string | null; setUrl: (url: string) => void }) {
  const { t } = useLang('forumDelegation');
  const [copied, setCopied] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const forumId = a.forum?.id ?? '';
  const renew = async () => {
    setError(null);
    setCopied(false);
    try {
      const { data } = await api<{ url: string }>(
        `/api/forums/${encodeURIComponent(forumId)}/delegations/${encodeURIComponent(a.member.delegationId)}/members/${encodeURIComponent(a.member.id)}/calendar`,
        { method: 'POST' },
      );
      setUrl(data.url);
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      setError(err);
    }
  };
  const token = url ? /\/(cal_[A-Za-z0-9_-]+)\.ics$/.exec(url)?.[1] : undefined;
  const page = token ? `${window.location.origin}${agendaPath(forumId, a.member.id)}?token=${token}` : null;
  const copy = async () => {
    if (!url) return;
    try {
      await navigator.clipboard.writeText(url);
      setCopied(true);
    } catch {
      // Without clipboard access the address stays selectable in its field.
      (document.getElementById('cal-url') as HTMLInputElement | null)?.select();
    }
  };
  return (
    <section aria-labelledby="cal-h" className="calendar-feed">
      <h2 id="cal-h">{t('agenda.calendar')}</h2>
      <p className="hint">{t('agenda.calendarHelp')}</p>
      {url ? (
        <>
          <p className="success" role="status">
            {t('agenda.renewed')}
          </p>
          <div className="field wide">
            <label htmlFor="cal-url">{t('agenda.address')}</label>
            <input id="cal-url" readOnly value={url} onFocus={(e) => e.target.select()} />
          </div>
          <p className="row">
            <button type="button" onClick={() => void copy()}>
              {t('agenda.copy')}
            </button>
            {copied && <span role="status">{t('agenda.copied')}</span>}
          </p>
          {page && (
            <p>
              <a href={page}>{t('agenda.page')}</a>
            </p>
          )}
        </>
      ) : (
        <p>{t('agenda.noAddress')}</p>
      )}
      <p>
        <button type="button" className={url ? 'link-button' : undefined} onClick={() => void renew()}>
          {t('agenda.renew')}
        </button>
      </p>
      {error && <ErrorNote error={error} />}
    </section>
  );
}

/**
 * `/forums/:id/agenda/:personId`: a member's own sessions (theirs, the chosen ones, plenaries and
 * ceremonies), each time in the forum's zone and the other country's; the PDF in the member's
 * language. The member reads it with `?token=` (the secret of their calendar address); the head
 * and the organisers signed in.
 */
export function AgendaPage({ params }: { params: Record<string, string> }) {
  const { t, lang } = useLang('forumDelegation');
  const { search } = useRouter();
  const token = search.get('token');
  const q = token ? `?token=${encodeURIComponent(token)}` : '';
  const path = `/api/forums/${encodeURIComponent(params.id)}/agenda/${encodeURIComponent(params.personId)}`;
  const state = useApi<AgendaT>(`${path}${q}`);
  // Held here, not in the feed's section: making an address resets the cached agenda, which
  // redraws the page below, and the new address must still be shown.
  const [url, setUrl] = useState<string | null>(null);
  return (
    <Async state={state}>
      {(a) => {
        const zone = a.forum?.zone ?? 'Asia/Ho_Chi_Minh';
        const days = new Map<string, AgendaT['sessions']>();
        for (const s of a.sessions) {
          const d = localDate(new Date(s.start), zone);
          days.set(d, [...(days.get(d) ?? []), s]);
        }
        const pdfLangs: Lang[] = [
          a.member.language,
          ...(['vi', 'ja', 'en'] as const).filter((l) => l !== a.member.language),
        ];
        return (
          <article className="agenda">
            {a.forum?.synthetic && <p className="banner">{t('forums:synthetic')}</p>}
            <PageTitle tab={t('agenda.title', { name: memberName(a.member) })}>
              {t('agenda.title', { name: '' })}
              <span lang={nameLang(a.member)}>{memberName(a.member)}</span>
            </PageTitle>
            <p>
              <Text value={a.member.party.name} />
              {a.forum && (
                <>
                  {' · '}
                  <Text value={a.forum.title} />
                </>
              )}
            </p>
            {!token && a.forum && (
              <p>
                <Link to={delegationPath(a.forum.id, a.member.delegationId)}>{t('agenda.back')}</Link>
              </p>
            )}
            <ul className="delegation-files">
              {pdfLangs.map((l) => (
                <li key={l}>
                  <a href={`${path}.pdf?lang=${l}${token ? `&token=${encodeURIComponent(token)}` : ''}`}>
                    {t('agenda.pdf', { lang: t(`lang.${l}`) })}
                  </a>
                </li>
              ))}
            </ul>
            {!a.release ? (
              <p>{t('agenda.noRelease')}</p>
            ) : a.sessions.length === 0 ? (
              <p>{t('agenda.none')}</p>
            ) : (
              <>
                <p className="muted">{t('agenda.zones')}</p>
                {[...days].map(([day, sessions]) => (
                  <section key={day}>
                    <h2>{formatPartialDate(day, lang)}</h2>
                    <ol className="programme plain">
                      {sessions.map((s) => (
                        <li
                          key={s.id}
                          className={`session${s.cancelled ? ' cancelled' : ''}`}
                          id={`agenda-${s.id}`}
                        >
                          <p className="session-time">
                            <SessionTime s={s} zone={zone} /> · {t(`forums:kind.${s.kind}`)}
                            {s.cancelled && <strong> · {t('agenda.cancelled')}</strong>}
                          </p>
                          <Text as="h3" value={s.title} />
                          {s.room && (
                            <p>
                              {t('forums:room')}: <Text value={s.room} />
                            </p>
                          )}
                        </li>
                      ))}
                    </ol>
                  </section>
                ))}
              </>
            )}
            {!token && <CalendarFeed a={a} url={url} setUrl={setUrl} />}
          </article>
        );
      }}
    </Async>
  );
}

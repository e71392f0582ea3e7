import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import {
  counterpartZone,
  localClock,
  localDate,
  zoneAbbreviation,
} from '../../../../src/domain/calendar/zones.ts';
import type { Forum, Programme } from '../../../../src/features/forums/schemas.ts';
import { useApi } from '../../api/client.ts';
import type { Lang } from '../../api/types.ts';
import { Async, PageTitle } from '../../components/common.tsx';
import { formatPartialDate } from '../../i18n/format.ts';
import { Link } from '../../router.tsx';
import './i18n.ts';
import { Text } from './texts.tsx';

type ForumT = z.infer<typeof Forum>;
type ProgrammeT = z.infer<typeof Programme>;
type SessionT = ProgrammeT['sessions'][number];

/** `09:00–11:00 (11:00–13:00 JST)`: the forum's zone, and the other country's beside it. */
function Times({ s, zone }: { s: SessionT; zone: string }) {
  const { t } = useTranslation('forums');
  if (s.precision === 'part-of-day' && s.partOfDay) return <>{t(`part.${s.partOfDay}`)}</>;
  if (s.precision !== 'exact') return <>{t('allDay')}</>;
  const start = new Date(s.start);
  const end = new Date(s.end);
  const other = counterpartZone(zone);
  return (
    <>
      <time dateTime={s.start}>{localClock(start, zone)}</time>–
      <time dateTime={s.end}>{localClock(end, zone)}</time>{' '}
      <span className="muted">
        ({localClock(start, other)}–{localClock(end, other)} {zoneAbbreviation(other, start)})
      </span>
    </>
  );
}

function SourceLinks({ ids, forum }: { ids: string[] | undefined; forum: ForumT }) {
  const { t } = useTranslation('forums');
  if (!ids?.length) return null;
  return (
    <p className="sources">
      {t('sources')}:{' '}
      {ids.map((id, i) => {
        const s = forum.sources[id];
        return (
          <span key={id}>
            {i > 0 && ', '}
            {s ? (
              <a href={s.url} rel="noopener noreferrer" target="_blank">
                {s.publisher} ({s.date})
              </a>
            ) : (
              id
            )}
          </span>
        );
      })}
    </p>
  );
}

function Session({ s, p, forum }: { s: SessionT; p: ProgrammeT; forum: ForumT }) {
  const { t } = useTranslation('forums');
  const speakers = s.speakerIds
    .map((id) => p.speakers.find((x) => x.id === id))
    .filter((x) => x !== undefined);
  const room = p.rooms.find((r) => r.id === s.roomId);
  return (
    <li className={`session${s.cancelled ? ' cancelled' : ''}`} id={`session-${s.id}`}>
      <p className="session-time">
        <Times s={s} zone={forum.zone} /> · {t(`kind.${s.kind}`)}
        {s.cancelled && <strong> · {t('cancelled')}</strong>}
      </p>
      <Text as="h3" value={s.title} />
      {s.abstract && <Text as="p" value={s.abstract} />}
      {speakers.length > 0 && (
        <p>
          {t('speakers')}:{' '}
          {speakers.map((sp, i) => (
            <span key={sp.id}>
              {i > 0 && '; '}
              <span lang={/[\u3040-\u30ff\u4e00-\u9fff]/.test(sp.name.native ?? '') ? 'ja' : 'vi'}>
                {sp.name.native}
              </span>
              {sp.name.latin && sp.name.latin !== sp.name.native && ` (${sp.name.latin})`}
              {sp.position && (
                <>
                  {' – '}
                  <Text value={sp.position} />
                </>
              )}
            </span>
          ))}
        </p>
      )}
      {room && (
        <p>
          {t('room')}: <Text value={room.name} />
        </p>
      )}
      {s.floorLanguage && (
        <p>
          {t('floor')}: {t(`lang.${s.floorLanguage}`)}
          {s.interpretation.length > 0 &&
            ` · ${t('interpretation')}: ${s.interpretation
              .map((x) =>
                x
                  .split('>')
                  .map((l) => t(`lang.${l}`))
                  .join(' → '),
              )
              .join(', ')}`}
        </p>
      )}
      <SourceLinks ids={p.sourcesOf[`session:${s.id}`]} forum={forum} />
    </li>
  );
}

function ProgrammeView({ forum }: { forum: ForumT }) {
  const { t, i18n } = useTranslation('forums');
  const lang = (i18n.resolvedLanguage ?? 'en') as Lang;
  const state = useApi<ProgrammeT>(
    forum.release ? `/api/forums/${encodeURIComponent(forum.id)}/programme` : null,
  );
  if (!forum.release) return <p>{t('noProgramme')}</p>;
  const base = `/api/forums/${encodeURIComponent(forum.id)}`;
  return (
    <Async state={state}>
      {(p) => {
        const days = new Map<string, SessionT[]>();
        for (const s of p.sessions) {
          const d = localDate(new Date(s.start), forum.zone);
          days.set(d, [...(days.get(d) ?? []), s]);
        }
        return (
          <>
            <p className="muted">
              {t('release', {
                n: p.release.number,
                date: formatPartialDate(p.release.publishedAt.slice(0, 10), lang),
              })}{' '}
              · {forum.zone === 'Asia/Tokyo' ? t('timeZoneJp') : t('timeZone')}
            </p>
            <nav aria-label={t('files')} className="file-links">
              <a href={`${base}/programme.ics?lang=${lang}`}>{t('ics')}</a>
              <a href={`${base}/programme.pdf?lang=${lang}`}>{t('pdf')}</a>
              <a href={`${base}/schedule.json?lang=${lang}`}>{t('scheduleJson')}</a>
            </nav>
            {[...days].map(([day, sessions]) => (
              <section key={day}>
                <h2>{formatPartialDate(day, lang)}</h2>
                <ol className="programme plain">
                  {sessions.map((s) => (
                    <Session key={s.id} s={s} p={p} forum={forum} />
                  ))}
                </ol>
              </section>
            ))}
          </>
        );
      }}
    </Async>
  );
}

export function ForumPage({ params }: { params: Record<string, string> }) {
  const { t, i18n } = useTranslation('forums');
  const lang = (i18n.resolvedLanguage ?? 'en') as Lang;
  const state = useApi<ForumT>(`/api/forums/${encodeURIComponent(params.id)}`);
  return (
    <Async state={state}>
      {(forum) => (
        <article className="forum">
          {forum.synthetic && <p className="banner">{t('synthetic')}</p>}
          <PageTitle>
            <Text value={forum.title} />
          </PageTitle>
          {forum.actions?.includes('update') && (
            <p>
              <Link className="button" to={`/forums/${encodeURIComponent(forum.id)}/organise`}>
                {t('organise')}
              </Link>
            </p>
          )}
          <dl className="facts">
            {Object.keys(forum.theme).length > 0 && (
              <>
                <dt>{t('theme')}</dt>
                <dd>
                  <Text value={forum.theme} />
                </dd>
              </>
            )}
            <dt>{t('dates')}</dt>
            <dd>
              {formatPartialDate(forum.firstDay, lang)}
              {forum.lastDay !== forum.firstDay && ` – ${formatPartialDate(forum.lastDay, lang)}`} ·{' '}
              {t(`state.${forum.state}`)}
            </dd>
            {forum.organisers.length > 0 && (
              <>
                <dt>{t('organisers')}</dt>
                <dd>
                  <ul className="plain">
                    {forum.organisers.map((o) => (
                      <li key={JSON.stringify(o)}>
                        <Text value={o} />
                      </li>
                    ))}
                  </ul>
                </dd>
              </>
            )}
          </dl>
          {forum.historical && <p className="muted">{t('historical')}</p>}
          <p>
            <Link to={`/forums/${encodeURIComponent(forum.id)}/exhibition`}>{t('exhibitionLink')}</Link>
          </p>
          <h2>{t('programme')}</h2>
          <ProgrammeView forum={forum} />
          <p>
            <Link to={`/forums/${encodeURIComponent(forum.id)}/ceremony`}>{t('kind.ceremony')}</Link>
          </p>
          {forum.facts.length > 0 && (
            <section>
              <h2>{t('facts')}</h2>
              <ul>
                {forum.facts.map((f) => (
                  <li key={f.fact}>
                    <span lang="en">{f.fact}</span>
                    <SourceLinks ids={f.sources} forum={forum} />
                  </li>
                ))}
              </ul>
            </section>
          )}
        </article>
      )}
    </Async>
  );
}

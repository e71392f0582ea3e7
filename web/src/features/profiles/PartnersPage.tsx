import { sectorLabel } from '../../../../src/domain/sectors.ts';
import { can } from '../../api/actions.ts';
import { useApi } from '../../api/client.ts';
import type { Matches, MatchReason, Profile } from '../../api/types.ts';
import { useAuth } from '../../auth.tsx';
import { ErrorNote, Loading, Name, PageTitle } from '../../components/common.tsx';
import { ForeignText } from '../../components/ForeignText.tsx';
import {
  countryOptions,
  type Filter,
  FilterBar,
  sectorOptions,
  useUrlFilters,
} from '../../components/ListPage.tsx';
import { ProfileBody, profileEditPath } from '../../components/ProfileView.tsx';
import { useLang } from '../../i18n/format.ts';
import { guessLang, highlight } from '../../lib/highlight.ts';
import { Link, withQuery } from '../../router.tsx';
import { profileOwnerPath } from './paths.ts';

const TOP = 10;
/** Reasons shown at once; the others wait behind "more reasons", so the ranking stays scannable. */
const SHOWN_REASONS = 3;

const ownerPath = (p: Profile) =>
  `/${p.owner.type === 'locality' ? 'localities' : 'organizations'}/${encodeURIComponent(p.id)}`;

/**
 * A profile text in its own language, with the words that linked it marked; in another language
 * than the reader's, tagged and followed by the sectors Kizuna recognised in it.
 */
function Marked({
  text,
  words,
  understood,
}: {
  text: string;
  words: string[];
  understood?: Profile['understood']['offers'][number];
}) {
  return (
    <ForeignText
      as="p"
      className="side-text"
      lang={understood?.lang ?? guessLang(text)}
      sectors={understood?.sectors}
    >
      {highlight(text, words).map((s, i) =>
        // biome-ignore lint/suspicious/noArrayIndexKey: segments are fixed for a given text
        s.mark ? <mark key={i}>{s.text}</mark> : <span key={i}>{s.text}</span>,
      )}
    </ForeignText>
  );
}

/**
 * One reason: the need on one side, the offer that answers it on the other (each as written,
 * linking words marked), under the sector that carries the link; or a sector both work in.
 */
function Reason({ reason, self, partner }: { reason: MatchReason; self: Profile; partner: Profile }) {
  const { t, lang, text } = useLang('partners');
  const sector = <p className="reason-sector">{sectorLabel(reason.sector, lang)}</p>;
  if (reason.direction === 'shared-sector')
    return (
      <li className="reason">
        {sector}
        <p className="side-text">{t('partners.shared')}</p>
        <ul className="evidence">
          {reason.evidence.map((w) => (
            <li key={w}>
              <mark lang={guessLang(w)}>{w}</mark>
            </li>
          ))}
        </ul>
      </li>
    );
  const [needer, offerer] = reason.direction === 'offer-to-need' ? [self, partner] : [partner, self];
  const need = reason.need === undefined ? undefined : needer.needs[reason.need];
  const offer = reason.offer === undefined ? undefined : offerer.offers[reason.offer];
  if (need === undefined || offer === undefined) return null;
  return (
    <li className="reason">
      {sector}
      <div className="reason-pair">
        <div className="side need">
          <p className="side-label">{t('partners.needOf', { name: text(needer.owner.name) })}</p>
          <Marked text={need} words={reason.evidence} understood={needer.understood?.needs[reason.need!]} />
        </div>
        <span className="reason-arrow" aria-hidden="true">
          ←
        </span>
        <div className="side offer">
          <p className="side-label">{t('partners.offerOf', { name: text(offerer.owner.name) })}</p>
          <Marked
            text={offer}
            words={reason.evidence}
            understood={offerer.understood?.offers[reason.offer!]}
          />
        </div>
      </div>
    </li>
  );
}

function PartnerCard({
  rank,
  match,
  self,
}: {
  rank: number;
  match: Matches['partners'][number];
  self: Profile;
}) {
  const { t, num } = useLang('partners');
  const p = match.profile;
  const pct = Math.round(match.score * 100);
  const shown = match.reasons.slice(0, SHOWN_REASONS);
  const more = match.reasons.slice(SHOWN_REASONS);
  const kind = p.owner.type === 'locality' ? t(`localityKind.${p.owner.kind}`) : t(`orgKind.${p.owner.kind}`);
  return (
    <li className="match">
      <div className="match-head">
        <h3>
          <span className="match-rank">{num(rank)}. </span>
          <Link to={ownerPath(p)}>
            <Name value={p.owner.name} />
          </Link>
        </h3>
        <span className="score">
          <span className="bar-track" aria-hidden="true">
            <span className="bar-fill" style={{ width: `${pct}%` }} />
          </span>
          {t('partners.score', { n: num(pct) })}
        </span>
      </div>
      <p className="meta">
        <span className={`flag flag-${p.owner.country}`}>{t(`country.${p.owner.country}`)}</span>
        <span>{kind}</span>
      </p>
      <ul className="reasons" aria-label={t('partners.reasons')}>
        {shown.map((r, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the server's order is the reasons' identity
          <Reason key={i} reason={r} self={self} partner={p} />
        ))}
      </ul>
      {more.length > 0 && (
        <details className="more-reasons">
          <summary>{t('partners.moreReasons', { n: num(more.length) })}</summary>
          <ul className="reasons">
            {more.map((r, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the server's order is the reasons' identity
              <Reason key={i} reason={r} self={self} partner={p} />
            ))}
          </ul>
        </details>
      )}
    </li>
  );
}

function Results({ path, forId }: { path: string; forId: string }) {
  const { t, num, text } = useLang('partners');
  const { user } = useAuth();
  const state = useApi<Matches>(path);
  // The matches answer is shared by everyone; what this reader may do with the profile comes
  // with the profile's own answer (its `actions`), asked only when someone is signed in.
  const own = useApi<Profile>(
    user && state.data ? `/api/profiles/${encodeURIComponent(state.data.profile.id)}` : null,
  );
  // No profile yet: whether this reader may write it is the owner's (locality or organisation)
  // `actions`, asked only of a signed-in reader, as the profile's edit route's guard asks.
  const missing = state.error?.status === 404;
  const owner = useApi<object>(user && missing ? profileOwnerPath(forId) : null);
  if (missing)
    return (
      <div className="notice">
        <p>{t('partners.noProfile', { id: forId })}</p>
        {can(owner.data, 'update') && (
          <p>
            <Link to={profileEditPath(forId)}>{t('partners.createProfile')}</Link>
          </p>
        )}
      </div>
    );
  if (state.error) return <ErrorNote error={state.error} />;
  if (!state.data) return <Loading />;
  const { profile, partners } = state.data;
  return (
    <>
      <section aria-labelledby="profile-h" className="profile">
        <h2 id="profile-h">
          <Link to={ownerPath(profile)}>{t('profile.editOf', { name: text(profile.owner.name) })}</Link>
        </h2>
        <ProfileBody profile={profile} />
        {can(own.data, 'update') && (
          <p>
            <Link to={profileEditPath(profile.id)}>{t('profile.edit')}</Link>
          </p>
        )}
      </section>
      <section aria-labelledby="results-h">
        <div className="section-head">
          <h2 id="results-h">{t('partners.results')}</h2>
          <p aria-live="polite">{t('common.results', { n: num(partners.length) })}</p>
        </div>
        {partners.length === 0 ? (
          <p className="muted">{t('partners.none')}</p>
        ) : (
          <>
            <p className="small muted">{t('partners.linkWords')}</p>
            <ol className="matches">
              {partners.map((m, i) => (
                <PartnerCard key={m.id} rank={i + 1} match={m} self={profile} />
              ))}
            </ol>
          </>
        )}
      </section>
    </>
  );
}

export function PartnersPage() {
  const { t, lang } = useLang('partners');
  const filters: Filter[] = [
    {
      key: 'for',
      id: 'p-for',
      kind: 'record',
      label: t('partners.for'),
      source: 'both',
      hint: t('partners.forHint'),
    },
    {
      key: 'sector',
      id: 'p-sector',
      kind: 'select',
      label: t('filters.field'),
      options: sectorOptions(lang),
    },
    {
      key: 'country',
      id: 'p-country',
      kind: 'select',
      label: t('filters.country'),
      options: countryOptions(t),
    },
    { key: 'partners', id: 'p-partners', kind: 'check', label: t('partners.includePartners') },
  ];
  const state = useUrlFilters('/partners', filters);
  const f = state.applied;
  const apiPath = f.for
    ? withQuery('/api/matches', {
        for: f.for,
        top: TOP,
        sector: f.sector,
        country: f.country,
        includePartners: f.partners ? 'true' : undefined,
      })
    : null;
  return (
    <>
      <PageTitle>{t('partners.title')}</PageTitle>
      <p className="lead">{t('partners.lead')}</p>
      <FilterBar
        filters={filters}
        state={state}
        submitLabel={t('partners.show')}
        className="filters partner-filters"
      />
      {apiPath ? (
        <Results key={apiPath} path={apiPath} forId={f.for} />
      ) : (
        <p className="muted">{t('partners.choose')}</p>
      )}
    </>
  );
}

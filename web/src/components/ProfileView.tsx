import type { ReactNode } from 'react';
import { sectorLabel } from '../../../src/domain/sectors.ts';
import { can } from '../api/actions.ts';
import { useApi } from '../api/client.ts';
import type { Lang, LocalizedText, Profile } from '../api/types.ts';
import { useLang } from '../i18n/format.ts';
import { guessLang } from '../lib/highlight.ts';
import { Link } from '../router.tsx';
import { ErrorNote, Loading } from './common.tsx';
import { ForeignText, TranslationTag } from './ForeignText.tsx';
import './partners.css';

export const partnersPath = (id: string) => `/partners?for=${encodeURIComponent(id)}`;
export const profileEditPath = (id: string) => `/profiles/${encodeURIComponent(id)}/edit`;

/**
 * A profile's free texts, each in its own language; one the reader may not read is tagged
 * with its language and followed by the sectors Kizuna recognised in it.
 */
function TextList({
  items,
  understood,
  translated,
}: {
  items: string[];
  understood?: Profile['understood']['offers'];
  /** The same items in the reader's language, when the profile has them. */
  translated?: { items: string[]; status: 'official' | 'unofficial' };
}) {
  const { t, lang } = useLang();
  if (items.length === 0) return <p className="muted">{t('profile.nothing')}</p>;
  if (translated && translated.items.length === items.length)
    return (
      <ul className="profile-texts">
        {items.map((s, i) => {
          const original = understood?.[i]?.lang ?? guessLang(s);
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: texts may repeat; their position is their identity
            <li key={i}>
              <span lang={lang}>{translated.items[i]}</span> <TranslationTag status={translated.status} />
              <details className="small">
                <summary>{t('text.original', { lang: t(`langName.${original}`) })}</summary>
                <span lang={original}>{s}</span>
              </details>
            </li>
          );
        })}
      </ul>
    );
  return (
    <ul className="profile-texts">
      {items.map((s, i) => (
        <ForeignText
          // biome-ignore lint/suspicious/noArrayIndexKey: texts may repeat; their position is their identity
          key={i}
          as="li"
          lang={understood?.[i]?.lang ?? guessLang(s)}
          sectors={understood?.[i]?.sectors}
        >
          {s}
        </ForeignText>
      ))}
    </ul>
  );
}

/** The starting-profile note: who wrote it and on what basis (the basis is in English). */
export function StarterNote({ profile }: { profile: Profile }) {
  const { t, text, lang } = useLang();
  if (!profile.starter) return null;
  const basis = profile.basisTranslations?.[lang];
  return (
    <div className="notice starter">
      <p>{t('profile.starter', { name: text(profile.owner.name) })}</p>
      {basis && (
        <p className="small">
          {t('profile.basis')}
          <span lang={lang}>{basis}</span> <TranslationTag status="unofficial" />
        </p>
      )}
      {!basis && profile.basis && (
        <p className="small">
          {t('profile.basis')}
          <ForeignText lang="en" quoted>
            {profile.basis}
          </ForeignText>
        </p>
      )}
    </div>
  );
}

/** A profile's offers or needs in the reader's language, when it has them as a translation. */
export function translatedSide(profile: Profile, lang: Lang, side: 'offers' | 'needs') {
  const tr = profile.lang !== lang ? profile.translations?.[lang] : undefined;
  return tr ? { items: tr[side], status: tr.status } : undefined;
}

/** Offers, needs and priority fields of a profile, under headings of level `level`. */
export function ProfileBody({ profile, level = 3 }: { profile: Profile; level?: 2 | 3 }) {
  const { t, lang } = useLang();
  const H = `h${level}` as const;
  return (
    <>
      <StarterNote profile={profile} />
      <div className="profile-cols">
        <div>
          <H>{t('profile.offers')}</H>
          <TextList
            items={profile.offers}
            understood={profile.understood?.offers}
            translated={translatedSide(profile, lang, 'offers')}
          />
        </div>
        <div>
          <H>{t('profile.needs')}</H>
          <TextList
            items={profile.needs}
            understood={profile.understood?.needs}
            translated={translatedSide(profile, lang, 'needs')}
          />
        </div>
      </div>
      {profile.priorities.length > 0 && (
        <p className="fields">
          <strong>{t('profile.priorities')}:</strong>{' '}
          {profile.priorities.map((s) => sectorLabel(s, lang)).join(' · ')}
        </p>
      )}
    </>
  );
}

/**
 * The partner profile section of a locality or organisation page: the profile, a link to its
 * suggested partners, and (for signed-in editors) a link to edit or create it.
 */
export function ProfileSection({
  id,
  name,
  owner,
}: {
  id: string;
  name: LocalizedText;
  /** The locality or organisation: its `actions` decide whether a profile not yet written may be. */
  owner: object;
}) {
  const { t, text } = useLang();
  const state = useApi<Profile>(`/api/profiles/${encodeURIComponent(id)}`);
  const missing = state.error?.status === 404;
  const editLink = (can(state.data, 'update') || (missing && can(owner, 'update'))) && (
    <Link to={profileEditPath(id)}>{missing ? t('profile.create') : t('profile.edit')}</Link>
  );
  let body: ReactNode;
  if (missing) body = <p className="muted">{t('profile.none')}</p>;
  else if (state.error) body = <ErrorNote error={state.error} />;
  else if (!state.data) body = <Loading />;
  else body = <ProfileBody profile={state.data} />;
  return (
    <section aria-labelledby="profile-h" className="profile">
      <h2 id="profile-h">{t('profile.title')}</h2>
      {body}
      <p className="profile-links">
        {state.data && (
          <Link className="button" to={partnersPath(id)}>
            {t('profile.findFor', { name: text(name) })}
          </Link>
        )}
        {editLink}
      </p>
    </section>
  );
}

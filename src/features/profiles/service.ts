import type { Kysely } from 'kysely';
import type { Database } from '../../db/types.ts';
import {
  analyzeText,
  buildIndex,
  type CompiledLexicon,
  compileLexicon,
  type MatchIndex,
  type Profile as MatchProfile,
  recommend,
} from '../../domain/matching/index.ts';
import { isSectorCode } from '../../domain/sectors.ts';
import { detectLanguage } from '../../domain/text/normalize.ts';
import { AppError, notFound } from '../../errors.ts';
import { assertCanEditLocality, assertCanEditOrganization } from '../accounts/policy.ts';
import type { User } from '../accounts/schemas.ts';
import { actorOf, recordChange, scopeVersion } from '../audit/service.ts';
import { localityParents, organizationPlaces } from '../lookups/places.ts';
import { groupBy, localized, nowIso, parseJson } from '../shared/json.ts';
import { type ProfileRow, profilesRepo } from './repository.ts';
import type { Profile, ProfileInput } from './schemas.ts';

type Q = Kysely<Database>;

const MATCH_KIND: Record<string, MatchProfile['kind']> = {
  government: 'agency',
  company: 'company',
  university: 'university',
  association: 'association',
  other: 'association',
};

let lexicon: CompiledLexicon | null = null;

/**
 * A text's language (by its script) and the sectors the matcher recognises in it: shown beside
 * a text the reader may not read, so they know what it is about and can check the reasons.
 */
export function understand(text: string): Profile['understood']['offers'][number] {
  lexicon ??= compileLexicon();
  return {
    lang: detectLanguage(text),
    sectors: analyzeText(lexicon, text)
      .sectors.filter((h) => h.confidence >= 0.3)
      .map((h) => h.sector),
  };
}

/** What `profiles.translations` holds: per language, the offers and needs (and a starting profile's basis). */
export type StoredTranslations = Partial<
  Record<'vi' | 'ja' | 'en', { offers: string[]; needs: string[]; status: 'official' | 'unofficial' }>
> & { basis?: Partial<Record<'vi' | 'ja' | 'en', string>> };

function translationsOf(json: string): Pick<Profile, 'translations' | 'basisTranslations'> {
  const stored = parseJson<StoredTranslations>(json, {});
  const translations: Profile['translations'] = {};
  const basisTranslations: Profile['basisTranslations'] = {};
  for (const lang of ['vi', 'ja', 'en'] as const) {
    const t = stored[lang];
    if (!t) continue;
    translations[lang] = { offers: t.offers, needs: t.needs, status: t.status };
  }
  for (const lang of ['vi', 'ja', 'en'] as const)
    if (stored.basis?.[lang]) basisTranslations[lang] = stored.basis[lang];
  return { translations, basisTranslations };
}

function toView(r: ProfileRow, sectors: string[]): Profile {
  const offers = parseJson<string[]>(r.offers, []);
  const needs = parseJson<string[]>(r.needs, []);
  const isLocality = r.owner_type === 'locality';
  return {
    id: r.owner_id,
    owner: {
      id: r.owner_id,
      type: isLocality ? 'locality' : 'organization',
      name: isLocality
        ? localized({ vi: r.l_vi, ja: r.l_ja, en: r.l_en })
        : localized({ vi: r.o_vi, ja: r.o_ja, en: r.o_en }),
      country: (isLocality ? r.l_country : r.o_country) as 'VN' | 'JP',
      kind: (isLocality ? r.l_kind : r.o_kind) ?? '',
    },
    offers,
    needs,
    understood: { offers: offers.map(understand), needs: needs.map(understand) },
    lang: (r.lang as Profile['lang']) ?? null,
    ...translationsOf(r.translations),
    priorities: parseJson<string[]>(r.priorities, []),
    sectors,
    starter: r.starter === 1,
    basis: r.basis,
    version: r.version,
    updatedAt: r.updated_at,
  };
}

interface Snapshot {
  version: number;
  index: MatchIndex;
  views: Map<string, Profile>;
  /** Who already cooperates with whom, through agreements. */
  partners: Map<string, Set<string>>;
}

// One matcher index per database, rebuilt when the atlas moves (a change to a locality, an
// organisation, an agreement or a profile); accounts and forums leave it as it is.
const snapshots = new WeakMap<Q, Promise<Snapshot>>();

async function buildSnapshot(db: Q, version: number): Promise<Snapshot> {
  const [rows, parties, sectorRows] = await Promise.all([
    profilesRepo.all(db),
    profilesRepo.parties(db),
    profilesRepo.sectorsOf(db),
  ]);
  const sectors = groupBy(sectorRows, (s) => s.organization_id);
  const partners = new Map<string, Set<string>>();
  for (const [, ps] of groupBy(parties, (p) => p.agreement_id)) {
    const ids = ps.map((p) => (p.locality_code ?? p.organization_id)!);
    for (const a of ids)
      for (const b of ids) if (a !== b) partners.set(a, (partners.get(a) ?? new Set()).add(b));
  }
  const views = new Map(
    rows.map((r) => [
      r.owner_id,
      toView(
        r,
        (sectors.get(r.owner_id) ?? []).map((s) => s.code),
      ),
    ]),
  );
  const profiles: MatchProfile[] = [...views.values()].map((v) => ({
    id: v.id,
    country: v.owner.country,
    kind: v.owner.type === 'locality' ? 'locality' : (MATCH_KIND[v.owner.kind] ?? 'association'),
    name: v.owner.name.en ?? v.owner.name.vi ?? v.owner.name.ja ?? v.id,
    offers: v.offers,
    needs: v.needs,
    sectors: v.sectors.filter(isSectorCode),
    priorities: v.priorities.filter(isSectorCode),
    partners: [...(partners.get(v.id) ?? [])],
  }));
  return { version, index: buildIndex(profiles), views, partners };
}

async function snapshot(db: Q): Promise<Snapshot> {
  const version = await scopeVersion(db, 'atlas');
  const current = snapshots.get(db);
  if (current && (await current).version === version) return current;
  const next = buildSnapshot(db, version);
  snapshots.set(db, next);
  return next;
}

export async function getProfile(db: Q, id: string): Promise<Profile> {
  const row = await profilesRepo.get(db, id);
  if (!row) throw notFound('profile', id);
  // A locality's profile has no sectors; an organisation's has its own (not every organisation's).
  const sectors =
    row.owner_type === 'organization' ? (await profilesRepo.sectorsOf(db, [id])).map((s) => s.code) : [];
  return toView(row, sectors);
}

/** Ranked partners for a profile, each with the reasons and the partner's own profile. */
export async function matchesFor(
  db: Q,
  q: { for: string; top: number; sector?: string; country?: 'VN' | 'JP'; includePartners: 'true' | 'false' },
) {
  const snap = await snapshot(db);
  const profile = snap.views.get(q.for);
  if (!profile) throw notFound('profile', q.for);
  const found = recommend(snap.index, q.for, {
    top: q.top,
    includePartners: q.includePartners === 'true',
    sectors: q.sector ? [q.sector] : undefined,
    country: q.country,
  });
  const existing = snap.partners.get(q.for) ?? new Set<string>();
  return {
    profile,
    partners: found.map((r) => ({
      ...r,
      existingPartner: existing.has(r.id),
      profile: snap.views.get(r.id)!,
    })),
  };
}

/** Who owns a profile id, for the scope check: a locality code or an organisation id. */
async function ownerOf(db: Q, id: string) {
  const [[locality], [org]] = await Promise.all([localityParents(db, [id]), organizationPlaces(db, [id])]);
  if (locality)
    return {
      type: 'locality' as const,
      check: (u: User) => assertCanEditLocality(u, locality.code, locality.parentCode),
    };
  if (org)
    return {
      type: 'organization' as const,
      check: (u: User) => assertCanEditOrganization(u, org),
    };
  throw notFound('locality or organisation', id);
}

/**
 * Creates or replaces the profile of a locality or organisation. Replacing needs the version last
 * read (If-Match); an edit by its owner turns a starting profile into the owner's own.
 */
export async function saveProfile(
  db: Q,
  {
    id,
    version,
    input,
    user,
  }: { id: string; version: number | null; input: ProfileInput; user: User | null },
) {
  const owner = await ownerOf(db, id);
  if (user) owner.check(user);
  const existing = await profilesRepo.get(db, id);
  if (existing && version === null && user) {
    throw new AppError(
      'request.precondition_required',
      'this profile exists: send If-Match with the version you read',
    );
  }
  const now = nowIso();
  const values = {
    offers: JSON.stringify(input.offers),
    needs: JSON.stringify(input.needs),
    priorities: JSON.stringify(input.priorities),
    lang: input.lang ?? null,
    translations: JSON.stringify(input.translations ?? {}),
  };
  return db.transaction().execute(async (tx) => {
    if (existing) {
      const res = await profilesRepo.update(tx, id, version ?? existing.version, {
        ...values,
        starter: 0,
        basis: null,
        updated_at: now,
      });
      if (Number(res.numUpdatedRows) !== 1)
        throw new AppError(
          'profile.version_conflict',
          `the profile of ${id} was changed by someone else; reload it`,
        );
    } else {
      await profilesRepo.insert(tx, {
        owner_id: id,
        owner_type: owner.type,
        ...values,
        starter: 0,
        basis: null,
        version: 1,
        created_at: now,
        updated_at: now,
      });
    }
    const after = await getProfile(tx, id);
    const before = existing ? toView(existing, after.sectors) : null;
    await recordChange(tx, {
      scopes: ['atlas'],
      audit: {
        actor: actorOf(user),
        action: existing ? 'update' : 'create',
        entityType: 'profile',
        entityId: id,
        before,
        after,
      },
    });
    return after;
  });
}

/** A starting profile written from a locality's well-known strengths; kept if one exists. */
export async function insertStarterProfile(
  db: Q,
  s: {
    id: string;
    offers: string[];
    needs: string[];
    priorities: string[];
    basis: string;
    lang?: string | null;
    translations?: StoredTranslations;
  },
) {
  const existing = await profilesRepo.get(db, s.id);
  if (existing) {
    // A starting profile loaded before its translations existed gets them; an owner's own profile is theirs.
    if (
      existing.starter !== 1 ||
      existing.translations !== '{}' ||
      !s.translations ||
      !Object.keys(s.translations).length
    )
      return false;
    await db
      .updateTable('profiles')
      .set({ lang: s.lang ?? null, translations: JSON.stringify(s.translations) })
      .where('owner_id', '=', s.id)
      .where('starter', '=', 1)
      .execute();
    return false;
  }
  const now = nowIso();
  await db.transaction().execute(async (tx) => {
    await profilesRepo.insert(tx, {
      owner_id: s.id,
      owner_type: 'locality',
      offers: JSON.stringify(s.offers),
      needs: JSON.stringify(s.needs),
      priorities: JSON.stringify(s.priorities),
      lang: s.lang ?? null,
      translations: JSON.stringify(s.translations ?? {}),
      starter: 1,
      basis: s.basis,
      version: 1,
      created_at: now,
      updated_at: now,
    });
    await recordChange(tx, {
      scopes: ['atlas'],
      audit: {
        actor: null,
        action: 'create',
        entityType: 'profile',
        entityId: s.id,
        before: null,
        after: s,
      },
    });
  });
  return true;
}

import type { Kysely } from 'kysely';
import type { Database } from '../../db/types.ts';
import { SECTOR_CODES } from '../../domain/sectors.ts';
import type { AgreementCreate } from '../agreements/schemas.ts';
import { insertSyntheticAgreements } from '../agreements/service.ts';
import { listLocalities } from '../localities/service.ts';
import type { OrganizationCreate } from '../organizations/schemas.ts';
import { insertSyntheticOrganizations } from '../organizations/service.ts';

/** A small seeded PRNG (mulberry32): the same seed gives the same synthetic data. */
export function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const KINDS: OrganizationCreate['kind'][] = [
  'company',
  'company',
  'company',
  'association',
  'university',
  'government',
];
const WORDS = [
  ['Trading', 'Thương mại', '商事'],
  ['Engineering', 'Kỹ thuật', 'エンジニアリング'],
  ['Foods', 'Thực phẩm', '食品'],
  ['Logistics', 'Logistics', 'ロジスティクス'],
  ['Care Services', 'Dịch vụ Chăm sóc', 'ケアサービス'],
  ['Electronics', 'Điện tử', '電子'],
  ['Agritech', 'Nông nghiệp Công nghệ', 'アグリテック'],
  ['Water Systems', 'Hệ thống Nước', '水システム'],
] as const;

/**
 * Adds `count` synthetic organisations and `count / 5` synthetic agreements, every one marked
 * `synthetic` and named "Synthetic …" in each language, for scale tests and benchmarks.
 */
export async function seedSynthetic(
  db: Kysely<Database>,
  {
    count,
    seed = 1,
    onProgress,
  }: { count: number; seed?: number; onProgress?: (done: number, total: number) => void },
) {
  const rand = prng(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];
  const localities = (await listLocalities(db, { limit: 200, format: 'json' })).items;
  const vn = localities.filter((l) => l.country === 'VN').map((l) => l.code);
  const jp = localities.filter((l) => l.country === 'JP').map((l) => l.code);
  const tag = `${Date.now().toString(36)}-${seed}`;
  const total = count + Math.floor(count / 5);
  const orgs: { id: string; input: OrganizationCreate }[] = [];
  for (let i = 0; i < count; i++) {
    const [en, vi, ja] = pick(WORDS);
    const n = String(i + 1).padStart(6, '0');
    orgs.push({
      id: `syn-org-${tag}-${n}`,
      input: {
        kind: pick(KINDS),
        name: { en: `Synthetic ${en} ${n}`, vi: `Tổ chức giả lập ${vi} ${n}`, ja: `架空${ja}${n}` },
        localityCode: rand() < 0.5 ? pick(vn) : pick(jp),
        website: null,
        sectors: [pick(SECTOR_CODES), pick(SECTOR_CODES)].filter((v, k, a) => a.indexOf(v) === k),
        description: { en: 'Synthetic record generated for scale tests; not a real organisation.' },
      },
    });
  }
  for (let i = 0; i < orgs.length; i += 5000) {
    await insertSyntheticOrganizations(db, orgs.slice(i, i + 5000));
    onProgress?.(Math.min(i + 5000, orgs.length), total);
  }
  const agreements: { id: string; input: AgreementCreate }[] = [];
  for (let i = 0; i < Math.floor(count / 5); i++) {
    const org = orgs[Math.floor(rand() * orgs.length)];
    const orgCountry = vn.includes(org.input.localityCode) ? 'VN' : 'JP';
    const other = orgCountry === 'VN' ? pick(jp) : pick(vn);
    const year = 1995 + Math.floor(rand() * 31);
    const month = String(1 + Math.floor(rand() * 12)).padStart(2, '0');
    agreements.push({
      id: `syn-agr-${tag}-${String(i + 1).padStart(6, '0')}`,
      input: {
        title: { en: `Synthetic agreement ${i + 1}` },
        kind: pick(['mou', 'cooperation_agreement', 'friendship', 'protocol'] as const),
        kindDetail: 'synthetic',
        fields: [pick(SECTOR_CODES)],
        signedOn: rand() < 0.5 ? `${year}-${month}` : String(year),
        validUntil: null,
        status: pick(['in_force', 'in_force', 'expired', 'renewed', 'planned'] as const),
        renewsId: null,
        supersedesId: null,
        parties: [
          { type: 'organization', code: org.id },
          { type: 'locality', code: other },
        ],
        sources: [],
        note: 'Synthetic record generated for scale tests; not a real agreement.',
      },
    });
  }
  for (let i = 0; i < agreements.length; i += 5000) {
    await insertSyntheticAgreements(db, agreements.slice(i, i + 5000));
    onProgress?.(count + Math.min(i + 5000, agreements.length), total);
  }
  return { organizations: orgs.length, agreements: agreements.length };
}

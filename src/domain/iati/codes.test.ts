import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, withXml } from '../../../test/support/xml.ts';
import { PARTY_ROLES, PROJECT_LIFECYCLES } from '../progress/records.ts';
import { ACTIVITY_STATUS, CODES_BY_LIST, ORGANISATION_ROLE } from './codes.ts';

/** The codes of a vendored list that are not withdrawn, with their English names. */
function codelist(name: string): Map<string, string> {
  const xml = readFileSync(join(ROOT, 'vendor', 'iati-2.03', 'codelists', `${name}.xml`), 'utf8');
  return withXml(xml, (doc) => {
    expect(String(doc.eval('string(/codelist/@name)'))).toBe(name);
    const items = doc.find('/codelist/codelist-items/codelist-item[not(@status="withdrawn")]');
    return new Map(
      items.map((item) => [
        String(item.eval('string(code)')),
        String(item.eval('string(name/narrative[not(@xml:lang) or @xml:lang="en"][1])')),
      ]),
    );
  });
}

describe('IATI codes', () => {
  it('every code used is in its vendored 2.03 code list, and not withdrawn', () => {
    for (const [list, codes] of Object.entries(CODES_BY_LIST)) {
      const known = codelist(list);
      for (const code of codes) expect(known.has(code), `${list} ${code}`).toBe(true);
    }
  });

  it('the lifecycle is the ActivityStatus list word for word, and the roles are its OrganisationRole names', () => {
    const statuses = codelist('ActivityStatus');
    for (const l of PROJECT_LIFECYCLES) expect(statuses.get(ACTIVITY_STATUS[l])?.toLowerCase()).toContain(l);
    const roles = codelist('OrganisationRole');
    expect(PARTY_ROLES.map((r) => roles.get(ORGANISATION_ROLE[r]))).toEqual([
      'Accountable',
      'Implementing',
      'Funding',
      'Implementing',
    ]);
  });
});

describe('vendor/iati-2.03', () => {
  it('holds the files its README lists, unmodified (SHA-256)', () => {
    const dir = join(ROOT, 'vendor', 'iati-2.03');
    const readme = readFileSync(join(dir, 'README.md'), 'utf8');
    const listed = [...readme.matchAll(/^([0-9a-f]{64}) {2}(\S+)$/gm)].map(([, sum, file]) => ({
      sum,
      file,
    }));
    const present = [
      ...readdirSync(dir).filter((f) => f.endsWith('.xsd')),
      ...readdirSync(join(dir, 'codelists')).map((f) => `codelists/${f}`),
    ];
    expect(listed.map((l) => l.file).sort()).toEqual(present.sort());
    for (const { sum, file } of listed)
      expect(
        createHash('sha256')
          .update(readFileSync(join(dir, file)))
          .digest('hex'),
        file,
      ).toBe(sum);
  });
});

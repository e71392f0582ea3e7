import { describe, expect, it } from 'vitest';
import { MAX_TEXT_LENGTH, validateProfiles } from './profile.ts';

const ok = {
  id: 'vn-a',
  country: 'VN',
  kind: 'locality',
  name: 'A',
  offers: ['x'],
  needs: [],
  sectors: [],
  partners: [],
};
const problems = (data: unknown) => {
  const r = validateProfiles(data);
  return r.ok ? [] : r.problems;
};

describe('validateProfiles', () => {
  it('accepts the format of the spec and fills defaults', () => {
    const { id, country, kind, name, offers, needs } = ok;
    const r = validateProfiles({
      format: 'kizuna.profiles/1',
      profiles: [{ id, country, kind, name, offers, needs }],
    });
    expect(r.ok && r.profiles[0].partners).toEqual([]);
  });

  it('names each problem by its JSON path', () => {
    expect(problems({ format: 'kizuna.profiles/2', profiles: [] })).toEqual([
      { path: '$.format', reason: expect.stringContaining('unknown format') },
    ]);
    const { country: _, ...noCountry } = ok;
    const found = problems({
      format: 'kizuna.profiles/1',
      profiles: [
        ok,
        { ...ok },
        noCountry,
        { ...ok, id: 'b', needs: ['  '] },
        { ...ok, id: 'c', offers: ['x'.repeat(MAX_TEXT_LENGTH + 1)] },
      ],
    });
    expect(found).toEqual(
      expect.arrayContaining([
        { path: '$.profiles[2].country', reason: 'missing country' },
        { path: '$.profiles[3].needs[0]', reason: 'empty text' },
        { path: '$.profiles[4].offers[0]', reason: expect.stringContaining('longer than') },
      ]),
    );
  });

  it('reports duplicate ids, unknown sector codes and profiles with nothing to match', () => {
    const found = problems({
      format: 'kizuna.profiles/1',
      profiles: [ok, ok, { ...ok, id: 'x', sectors: ['space'] }, { ...ok, id: 'y', offers: [] }],
    });
    expect(found).toEqual(
      expect.arrayContaining([
        { path: '$.profiles[1].id', reason: 'duplicate id "vn-a"' },
        { path: '$.profiles[2].sectors[0]', reason: 'unknown sector code' },
        { path: '$.profiles[3]', reason: expect.stringContaining('at least one offer or need') },
      ]),
    );
  });
});

import { beforeAll, describe, expect, it } from 'vitest';
import { loadKuromojiSegmenter } from '../text/index.ts';
import { analyzeText, type CompiledLexicon, compileLexicon } from './detect.ts';

const lex = compileLexicon();
const top = (text: string, l: CompiledLexicon = lex) => analyzeText(l, text).sectors.map((s) => s.sector);

describe('analyzeText', () => {
  it('finds the same sector in Vietnamese, Japanese and English', () => {
    for (const text of [
      'Cần công nghệ xử lý nước thải cho khu du lịch',
      '工場排水の処理技術',
      'wastewater treatment plants',
    ]) {
      expect(top(text), text).toContain('environment.water');
    }
    for (const text of ['nursing care workers', 'điều dưỡng viên', '介護人材の確保が急務']) {
      expect(top(text), text).toContain('healthcare.nursing');
    }
  });

  it('reports the words that triggered a sector, as written', () => {
    const a = analyzeText(lex, 'Cần công nghệ XỬ LÝ NƯỚC THẢI');
    const water = a.sectors.find((s) => s.sector === 'environment.water');
    expect(water?.triggers).toEqual(['XỬ LÝ NƯỚC THẢI']);
    expect(water?.confidence).toBeGreaterThan(0.9);
  });

  it('reads Vietnamese typed without diacritics, and half-width katakana', () => {
    expect(top('can cong nghe xu ly nuoc thai')).toContain('environment.water');
    expect(top('ｺｰﾙﾄﾞﾁｪｰﾝ')).toContain('agriculture.food');
  });

  it('does not read a word inside a longer term as itself', () => {
    expect(top('米国の投資家')).not.toContain('agriculture');
    expect(top('in nhãn hiệu sản phẩm')).not.toContain('agriculture');
    expect(top('điện tử')).not.toContain('energy');
  });

  it('counts a parent sector at half confidence beside its sub-sector', () => {
    const a = analyzeText(lex, 'kho lạnh bảo quản xoài');
    const conf = (s: string) => a.sectors.find((h) => h.sector === s)?.confidence ?? 0;
    expect(conf('agriculture.food')).toBeGreaterThan(conf('agriculture'));
  });

  it('finds nothing in text without any known term, and never throws', () => {
    expect(top('🎉🎉 lorem ipsum 𝓤𝓷𝓲𝓬𝓸𝓭𝓮')).toEqual([]);
    expect(top('')).toEqual([]);
  });
});

describe('with the kuromoji segmenter', () => {
  let klex: CompiledLexicon;
  beforeAll(async () => {
    klex = compileLexicon(await loadKuromojiSegmenter());
  });

  it('matches terms on word boundaries', () => {
    expect(top('市内の高齢者施設で働く介護職員', klex)).toContain('healthcare.nursing');
    expect(top('果樹農家の担い手', klex)).toContain('labour.workers');
  });
});

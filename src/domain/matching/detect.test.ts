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

  it('does not read a place name as the words in it', () => {
    const concepts = (t: string) => analyzeText(lex, t).concepts.map((c) => lex.concepts[c].id);
    // "Trà" (tea) in Trà Nóc, "Quế" (cinnamon) in Quế Võ: Capitalised syllables side by side.
    expect(concepts('KCN Trà Nóc, Hòa Phú còn 120 ha')).not.toContain('tea');
    expect(concepts('Còn đất công nghiệp ở Quế Võ')).not.toContain('hs-spices');
    // A Capitalised word at the start of a sentence is still read.
    expect(concepts('Xoài tròn Yên Châu')).toContain('mango');
    expect(concepts('Trà xanh Thái Nguyên, chè búp')).toContain('tea');
    // Acronyms in capitals are terms, not names.
    expect(concepts('Quỹ đất trong KCN')).toContain('industrial-land');
  });

  it('reads a short English word in Vietnamese text only in capitals', () => {
    const concepts = (t: string) => analyzeText(lex, t).concepts.map((c) => lex.concepts[c].id);
    expect(concepts('cần ai đó hướng dẫn cách chăm sóc')).not.toContain('ai-ocr');
    expect(concepts('Kêu gọi đầu tư bán dẫn, AI')).toContain('ai-ocr');
    expect(concepts('we build AI for factories')).toContain('ai-ocr');
  });

  it('does not read a short kana term inside a longer kana word', () => {
    const concepts = (t: string) => analyzeText(lex, t).concepts.map((c) => lex.concepts[c].id);
    expect(concepts('ハノイからの直行便')).not.toContain('tuna-squid');
    expect(concepts('無添加スキンケア')).not.toContain('nursing-care');
    expect(concepts('イカの冷凍ブロック')).toContain('tuna-squid');
    expect(concepts('介護・ケアの研修')).toContain('nursing-care');
  });

  it('does not read a text written with marks through its folded view', () => {
    // "biểu diễn từ Nhật" (performing, from Japan) folds to "dien tu", as "điện tử" does.
    expect(top('Lễ hội cần đoàn biểu diễn từ Nhật')).not.toContain('industry.semiconductors');
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

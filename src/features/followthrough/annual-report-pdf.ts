/**
 * The annual report as a PDF in one language, drawn from its frozen snapshot only (never from
 * the live data), so that the document says what was published on that day.
 */
import type { Lang } from '../../domain/sectors.ts';
import { sectorLabel } from '../../domain/sectors.ts';
import { nfc, numberPages, renderPdf } from '../../platform/pdf/document.ts';
import type { AnnualSnapshot } from './annual-report-data.ts';

type T = Record<Lang, string>;
const L = {
  title: { vi: 'Báo cáo thường niên', ja: '年次報告書', en: 'Annual report' },
  asOf: { vi: 'Số liệu tính đến ngày', ja: 'データ基準日', en: 'Data as of' },
  version: { vi: 'Phiên bản', ja: '版', en: 'Version' },
  rule: { vi: 'Quy tắc tính tiến độ, phiên bản', ja: '進捗算定ルール 版', en: 'Progress rule, version' },
  period: { vi: 'Kỳ báo cáo', ja: '報告期間', en: 'Reporting period' },
  total: { vi: 'Tiến độ chung', ja: '全体の進捗', en: 'Overall progress' },
  projects: { vi: 'Dự án', ja: 'プロジェクト', en: 'Projects' },
  field: { vi: 'Lĩnh vực ưu tiên', ja: '重点分野', en: 'Priority field' },
  partners: { vi: 'Các bên', ja: '当事者', en: 'Partners' },
  progress: { vi: 'Tiến độ', ja: '進捗', en: 'Progress' },
  coverage: { vi: 'mốc có số liệu', ja: 'データのあるマイルストーン', en: 'milestones with data' },
  health: { vi: 'Tình trạng lịch trình', ja: 'スケジュール状況', en: 'Schedule health' },
  milestones: { vi: 'Các mốc', ja: 'マイルストーン', en: 'Milestones' },
  due: { vi: 'hạn', ja: '期限', en: 'due' },
  none: { vi: 'chưa có', ja: 'なし', en: 'none' },
  empty: {
    vi: 'Chu kỳ này chưa có dự án.',
    ja: 'このサイクルにはまだプロジェクトがありません。',
    en: 'This cycle has no projects yet.',
  },
  synthetic: {
    vi: 'Dữ liệu tổng hợp (không có thật), dùng để trình diễn.',
    ja: '合成データ（架空）：デモ用です。',
    en: 'Synthetic data (not real), for demonstration.',
  },
} satisfies Record<string, T>;

const HEALTH: Record<string, T> = {
  onTrack: { vi: 'đúng tiến độ', ja: '順調', en: 'on track' },
  atRisk: { vi: 'có nguy cơ chậm', ja: '遅延の恐れ', en: 'at risk' },
  late: { vi: 'chậm', ja: '遅延', en: 'late' },
};
const STATE: Record<string, T> = {
  agreed: { vi: 'hai bên thống nhất', ja: '双方一致', en: 'agreed' },
  disputed: { vi: 'hai bên chưa thống nhất', ja: '双方不一致', en: 'disputed' },
  oneSided: { vi: 'chỉ một bên báo cáo', ja: '片方のみ報告', en: 'one-sided' },
  missing: { vi: 'chưa có báo cáo', ja: '報告なし', en: 'missing' },
};
const MILESTONE: Record<string, T> = {
  scheduled: { vi: 'theo kế hoạch', ja: '予定', en: 'scheduled' },
  met: { vi: 'đã đạt', ja: '達成', en: 'met' },
  partiallyMet: { vi: 'đạt một phần', ja: '一部達成', en: 'partly met' },
  notMet: { vi: 'chưa đạt', ja: '未達成', en: 'not met' },
  cancelled: { vi: 'đã hủy', ja: '中止', en: 'cancelled' },
};

/** A text in the reader's language, else the first there is, with its language marked when foreign. */
export function textIn(t: Record<string, unknown> | undefined, lang: Lang): string {
  if (!t) return '';
  const own = t[lang];
  if (typeof own === 'string' && own) return own;
  for (const l of ['vi', 'ja', 'en'] as const) {
    const v = t[l];
    if (typeof v === 'string' && v) return `${v} [${l}]`;
  }
  return '';
}

export const reportTitle = (lang: Lang) => L.title[lang];

export async function annualReportPdf(
  snap: AnnualSnapshot,
  lang: Lang,
  onProject: (done: number, total: number) => void = () => {},
): Promise<Buffer> {
  const cycleTitle = textIn(snap.cycle.title, lang);
  return renderPdf(
    {
      title: `${L.title[lang]}: ${cycleTitle} (${snap.asOf})`,
      lang,
      date: new Date(snap.publishedAt),
      subject: cycleTitle,
    },
    (doc) => {
      const text = (s: string, opts: PDFKit.Mixins.TextOptions = {}) => doc.text(nfc(s), opts);
      doc.font('bold').fontSize(20);
      text(L.title[lang]);
      doc.fontSize(14);
      text(cycleTitle);
      doc.font('regular').fontSize(10).moveDown(0.5);
      text(`${L.asOf[lang]}: ${snap.asOf} · ${L.version[lang]} ${snap.number}`);
      text(`${L.period[lang]}: ${snap.period.id} (${snap.period.startsOn} – ${snap.period.endsOn})`);
      text(`${L.rule[lang]} ${snap.rule}`);
      if (snap.cycle.synthetic) text(L.synthetic[lang]);
      const total = snap.total;
      text(
        `${L.total[lang]}: ${total.progress === null ? L.none[lang] : `${total.progress} %`} (${total.coverage.withData}/${total.coverage.milestones} ${L.coverage[lang]})`,
      );
      doc.moveDown();
      doc.font('bold').fontSize(14);
      text(L.projects[lang]);
      doc.font('regular').fontSize(10);
      if (!snap.projects.length) text(L.empty[lang]);
      snap.projects.forEach((p, i) => {
        doc.moveDown(0.6);
        doc.font('bold').fontSize(11);
        text(`${i + 1}. ${textIn(p.title, lang)}`);
        doc.font('regular').fontSize(9);
        if (p.priorityField)
          text(
            `${L.field[lang]}: ${sectorLabel(p.priorityField.sector, lang)} (${p.priorityField.locality})`,
          );
        text(
          `${L.partners[lang]}: ${p.parties.map((x) => `${textIn(x.name, lang)} (${x.side.toUpperCase()})`).join('; ')}`,
        );
        text(
          `${L.progress[lang]}: ${p.progress === null ? L.none[lang] : `${p.progress} %`}, ${STATE[p.state]?.[lang] ?? p.state} (${p.coverage.withData}/${p.coverage.milestones} ${L.coverage[lang]}; ${L.rule[lang]} ${p.rule})`,
        );
        text(`${L.health[lang]}: ${HEALTH[p.health]?.[lang] ?? p.health}`);
        if (p.milestones.length) {
          text(`${L.milestones[lang]}:`);
          for (const m of p.milestones)
            text(
              `  • ${textIn(m.title, lang)}: ${L.due[lang]} ${m.dueOn}, ${MILESTONE[m.status]?.[lang] ?? m.status}${m.metOn ? ` (${m.metOn})` : ''}`,
            );
        }
        onProject(i + 1, snap.projects.length);
      });
      numberPages(doc);
    },
  );
}

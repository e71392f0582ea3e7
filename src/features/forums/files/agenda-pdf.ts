/**
 * A member's agenda (A4) in one language: the forum, the member's name in its own script and in
 * Latin letters, then their sessions day by day, each time in the forum's zone and the other
 * country's (what is known only to the part of a day printed so, as the programme does).
 */
import { localDate } from '../../../domain/calendar/zones.ts';
import { describeSession } from '../../../domain/forum/describe.ts';
import { WORDS } from '../../../domain/forum/labels.ts';
import type { Lang, PublishedProgramme, SessionInfo, Texts } from '../../../domain/forum/model.ts';
import { textIn } from '../../../domain/forum/texts.ts';
import { nfc, numberPages, type Pdf, renderPdf } from '../../../platform/pdf/document.ts';
import { sessionTimes } from './programme-pdf.ts';

const LOCALE: Record<Lang, string> = { vi: 'vi-VN', ja: 'ja-JP', en: 'en-GB' };

export const AGENDA_WORDS = {
  agenda: { vi: 'Lịch trình cá nhân', ja: '個人日程', en: 'Personal agenda' },
  empty: {
    vi: 'Chưa có phiên nào trong lịch trình.',
    ja: '日程にはまだセッションがありません。',
    en: 'No sessions in this agenda yet.',
  },
} as const;

export interface AgendaDocument {
  programme: PublishedProgramme | null;
  forumTitle: Texts;
  name: { native: string | null; latin: string | null };
  party?: Texts;
  sessions: readonly SessionInfo[];
  lang: Lang;
  /** The document's date (the release's publication; fixed input gives the same bytes). */
  date: Date;
}

function heading(doc: Pdf, text: string, size: number): void {
  doc.font('bold').fontSize(size).fillColor('#1a1a1a').text(nfc(text));
  doc.font('regular');
}

export async function agendaPdf(a: AgendaDocument): Promise<Buffer> {
  const { lang, programme: p } = a;
  const forum = textIn(a.forumTitle, lang);
  const name = a.name.native || a.name.latin || '';
  const zone = p?.forum.zone ?? 'Asia/Ho_Chi_Minh';
  return renderPdf(
    { title: `${name} – ${AGENDA_WORDS.agenda[lang]} – ${forum}`, lang, date: a.date, subject: forum },
    (doc) => {
      if (p?.forum.synthetic) {
        doc.fontSize(9).fillColor('#a40000').text(nfc(WORDS.synthetic[lang]));
        doc.moveDown(0.3);
      }
      doc
        .fontSize(10)
        .fillColor('#555555')
        .text(nfc(`${forum} · ${AGENDA_WORDS.agenda[lang]}`));
      heading(doc, name, 18);
      if (a.name.native && a.name.latin && a.name.native !== a.name.latin)
        doc.fontSize(11).fillColor('#333333').text(nfc(a.name.latin));
      const party = textIn(a.party, lang);
      if (party) doc.fontSize(10).fillColor('#333333').text(nfc(party));
      if (p) {
        doc
          .fontSize(9)
          .fillColor('#555555')
          .text(
            nfc(
              `${WORDS.programme[lang]} · ${WORDS.release[lang]} ${p.release.number} · ${p.release.publishedAt.slice(0, 10)}`,
            ),
          );
      }
      if (!p || a.sessions.length === 0) {
        doc.moveDown(1).fontSize(11).fillColor('#1a1a1a').text(nfc(AGENDA_WORDS.empty[lang]));
        return;
      }
      const byDay = new Map<string, SessionInfo[]>();
      for (const s of a.sessions) {
        const day = localDate(new Date(s.start), zone);
        byDay.set(day, [...(byDay.get(day) ?? []), s]);
      }
      for (const [day, sessions] of [...byDay].sort(([x], [y]) => x.localeCompare(y))) {
        doc.moveDown(1);
        heading(
          doc,
          new Intl.DateTimeFormat(LOCALE[lang], { timeZone: zone, dateStyle: 'full' }).format(
            new Date(`${day}T12:00:00Z`),
          ),
          13,
        );
        for (const s of sessions) {
          const d = describeSession(p, s, lang);
          doc.moveDown(0.6);
          if (doc.y > doc.page.height - doc.page.margins.bottom - 80) doc.addPage();
          doc
            .fontSize(9)
            .fillColor('#005a9c')
            .text(nfc(`${sessionTimes(s, zone, lang)} · ${d.kind}`));
          doc
            .font('bold')
            .fontSize(11)
            .fillColor(s.cancelled ? '#888888' : '#1a1a1a')
            .text(nfc(d.title), { strike: Boolean(s.cancelled) });
          doc.font('regular').fontSize(9).fillColor('#333333');
          for (const line of d.lines) doc.text(nfc(line));
        }
      }
      numberPages(doc);
    },
  );
}

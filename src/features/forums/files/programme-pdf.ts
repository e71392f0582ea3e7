/**
 * The printable programme (A4) of one published release, in one language: the forum's title and
 * theme, then each day of the forum (its own zone's days) with its sessions in time order, every
 * time in the forum's zone and the other country's, and what is known only to the part of a day
 * printed as such (never an invented hour).
 */
import { counterpartZone, localDate, zoneAbbreviation } from '../../../domain/calendar/zones.ts';
import { describeSession } from '../../../domain/forum/describe.ts';
import { PART_OF_DAY_LABELS, WORDS } from '../../../domain/forum/labels.ts';
import type { Lang, PublishedProgramme, SessionInfo } from '../../../domain/forum/model.ts';
import { textIn } from '../../../domain/forum/texts.ts';
import { nfc, numberPages, type Pdf, renderPdf } from '../../../platform/pdf/document.ts';

const LOCALE: Record<Lang, string> = { vi: 'vi-VN', ja: 'ja-JP', en: 'en-GB' };

function clock(instant: Date, zone: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone: zone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(instant);
}

/** `09:00–11:00 (11:00–13:00 JST)`, or the part of the day when that is all that is known. */
export function sessionTimes(s: SessionInfo, zone: string, lang: Lang): string {
  if (s.precision !== 'exact') {
    return s.partOfDay ? PART_OF_DAY_LABELS[s.partOfDay][lang] : WORDS.timeNotKnown[lang];
  }
  const start = new Date(s.start);
  const end = new Date(s.end);
  const other = counterpartZone(zone);
  return `${clock(start, zone)}–${clock(end, zone)} (${clock(start, other)}–${clock(end, other)} ${zoneAbbreviation(other, start)})`;
}

function dayHeading(date: string, zone: string, lang: Lang): string {
  return new Intl.DateTimeFormat(LOCALE[lang], { timeZone: zone, dateStyle: 'full' }).format(
    new Date(`${date}T12:00:00Z`),
  );
}

function heading(doc: Pdf, text: string, size: number): void {
  doc.font('bold').fontSize(size).fillColor('#1a1a1a').text(nfc(text));
  doc.font('regular');
}

export async function programmePdf(p: PublishedProgramme, lang: Lang): Promise<Buffer> {
  const title = textIn(p.forum.title, lang);
  const zone = p.forum.zone;
  return renderPdf(
    {
      title: `${title} – ${WORDS.programme[lang]}`,
      lang,
      date: new Date(p.release.publishedAt),
      subject: WORDS.programme[lang],
    },
    (doc) => {
      if (p.forum.synthetic) {
        doc.fontSize(9).fillColor('#a40000').text(nfc(WORDS.synthetic[lang]));
        doc.moveDown(0.3);
      }
      heading(doc, title, 18);
      const theme = textIn(p.forum.theme, lang);
      if (theme) doc.fontSize(12).fillColor('#333333').text(nfc(theme));
      const venue = textIn(p.forum.venue, lang);
      doc
        .fontSize(9)
        .fillColor('#555555')
        .text(
          nfc(
            [
              venue,
              `${WORDS.programme[lang]} · ${WORDS.release[lang]} ${p.release.number} · ${p.release.publishedAt.slice(0, 10)}`,
            ]
              .filter(Boolean)
              .join('\n'),
          ),
        );
      const note = textIn(p.release.note, lang);
      if (note) doc.moveDown(0.3).fontSize(9).fillColor('#333333').text(nfc(note));
      const byDay = new Map<string, SessionInfo[]>();
      for (const s of [...p.sessions].sort(
        (a, b) => a.start.localeCompare(b.start) || a.id.localeCompare(b.id),
      )) {
        const day = localDate(new Date(s.start), zone);
        byDay.set(day, [...(byDay.get(day) ?? []), s]);
      }
      for (const [day, sessions] of [...byDay].sort(([a], [b]) => a.localeCompare(b))) {
        doc.moveDown(1);
        heading(doc, dayHeading(day, zone, lang), 13);
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

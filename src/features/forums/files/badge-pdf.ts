/**
 * A person's badge (A6): the name in its own script and in Latin letters, position and party,
 * the forum, and a QR code that the check-in page reads with a phone's camera. The code printed
 * under the QR is the same payload, for typing when a camera is not at hand.
 */
import QRCode from 'qrcode';
import { personName } from '../../../domain/forum/describe.ts';
import { WORDS } from '../../../domain/forum/labels.ts';
import type { Lang, PersonName, Texts } from '../../../domain/forum/model.ts';
import { textIn } from '../../../domain/forum/texts.ts';
import { nfc, type Pdf, renderPdf } from '../../../platform/pdf/document.ts';

export interface Badge {
  forumTitle: Texts;
  name: PersonName;
  position?: Texts;
  party?: Texts;
  /** The role printed on the badge (`Delegate`, `Organiser`, `Interpreter` …), in the badge's language. */
  role: string;
  /** What the QR code holds and the check-in accepts. */
  code: string;
  lang: Lang;
  date: Date;
  synthetic?: boolean;
}

export async function badgePdf(b: Badge): Promise<Buffer> {
  return badgesPdf([b], b.lang);
}

/** Several badges in one PDF (a delegation's or a forum's), one A6 page each, in their order. */
export async function badgesPdf(badges: readonly Badge[], lang: Lang): Promise<Buffer> {
  const qrs = await Promise.all(
    badges.map((b) =>
      QRCode.toBuffer(b.code, { type: 'png', errorCorrectionLevel: 'M', margin: 2, scale: 6 }),
    ),
  );
  const first = badges[0];
  const title =
    badges.length === 1 && first
      ? `${personName(first.name)} – ${textIn(first.forumTitle, lang)}`
      : textIn(first?.forumTitle, lang) || 'Badges';
  return renderPdf({ title, lang, date: first?.date ?? new Date(0), size: 'A6', margin: 24 }, (doc) => {
    badges.forEach((b, i) => {
      if (i > 0) doc.addPage();
      drawBadge(doc, b, qrs[i]!);
    });
  });
}

function drawBadge(doc: Pdf, b: Badge, qr: Buffer) {
  const forum = textIn(b.forumTitle, b.lang);
  doc.x = 24;
  doc.y = 24;
  const width = doc.page.width - 48;
  if (b.synthetic)
    doc.font('regular').fontSize(7).fillColor('#a40000').text(nfc(WORDS.synthetic[b.lang]), { width });
  doc.font('regular').fontSize(8).fillColor('#555555').text(nfc(forum), { width });
  doc.moveDown(0.8);
  doc
    .font('bold')
    .fontSize(18)
    .fillColor('#1a1a1a')
    .text(nfc(b.name.native || b.name.latin || ''), { width });
  if (b.name.native && b.name.latin && b.name.native !== b.name.latin) {
    doc.font('regular').fontSize(11).fillColor('#333333').text(nfc(b.name.latin), { width });
  }
  doc.font('regular').fontSize(9).fillColor('#333333');
  for (const t of [textIn(b.position, b.lang), textIn(b.party, b.lang)]) if (t) doc.text(nfc(t), { width });
  doc.moveDown(0.5).font('bold').fontSize(10).fillColor('#005a9c').text(nfc(b.role), { width });
  const size = 110;
  const x = (doc.page.width - size) / 2;
  const y = doc.page.height - 24 - size - 16;
  doc.image(qr, x, y, { width: size, height: size });
  doc
    .font('regular')
    .fontSize(8)
    .fillColor('#1a1a1a')
    .text(b.code, 24, y + size + 2, { width, align: 'center', lineBreak: false });
}

/**
 * One way to make a PDF: A4 (or a badge size), Noto Sans JP embedded and subset (one font covers
 * Vietnamese and Japanese; a two-language page subsets to a few kilobytes), every text normalised
 * to NFC before it reaches the page, so that copying text out of the PDF gives back the same
 * characters. Metadata (title, language, date) comes from the caller, so the same input gives
 * the same document.
 */
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';

const require = createRequire(import.meta.url);
const FONT_DIR = '@expo-google-fonts/noto-sans-jp';
export const FONTS = {
  regular: require.resolve(`${FONT_DIR}/400Regular/NotoSansJP_400Regular.ttf`),
  bold: require.resolve(`${FONT_DIR}/700Bold/NotoSansJP_700Bold.ttf`),
} as const;

export type Pdf = PDFKit.PDFDocument;

export interface PdfOptions {
  title: string;
  /** BCP 47 language of the document (`vi`, `ja`, `en`): readers and screen readers use it. */
  lang: string;
  /** The document's date (its data's publication), written as CreationDate. */
  date: Date;
  subject?: string;
  size?: 'A4' | 'A6' | [number, number];
  margin?: number;
}

/** NFC text: the form PDF readers give back when text is copied out. */
export function nfc(text: string): string {
  return text.normalize('NFC');
}

/**
 * Draws a document and returns its bytes. `draw` receives the document with both fonts
 * registered as `regular` and `bold`; pages are buffered so that footers can number them.
 * @example const bytes = await renderPdf({ title: 'Programme', lang: 'vi', date }, (doc) => { doc.text(nfc('Xin chào')); });
 */
export async function renderPdf(
  options: PdfOptions,
  draw: (doc: Pdf) => void | Promise<void>,
): Promise<Buffer> {
  const doc = new PDFDocument({
    size: options.size ?? 'A4',
    margin: options.margin ?? 50,
    bufferPages: true,
    lang: options.lang,
    displayTitle: true,
    info: {
      Title: nfc(options.title),
      ...(options.subject ? { Subject: nfc(options.subject) } : {}),
      Creator: 'Kizuna',
      Producer: 'Kizuna',
      CreationDate: options.date,
      ModDate: options.date,
    },
  });
  doc.registerFont('regular', FONTS.regular);
  doc.registerFont('bold', FONTS.bold);
  doc.font('regular');
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  await draw(doc);
  doc.end();
  return done;
}

/** Writes `n / N` at the foot of every buffered page. */
export function numberPages(doc: Pdf): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const { margins, height, width } = doc.page;
    const bottom = margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .font('regular')
      .fontSize(8)
      .fillColor('#555555')
      .text(`${i + 1} / ${range.count}`, margins.left, height - bottom / 2 - 4, {
        width: width - margins.left - margins.right,
        align: 'center',
        lineBreak: false,
      });
    doc.page.margins.bottom = bottom;
  }
}

/** The languages of Kizuna; every mail is rendered in its recipient's. */
export const LANGUAGES = ['vi', 'ja', 'en'] as const;
export type Lang = (typeof LANGUAGES)[number];

/** What a template says in one language: plain sentences, never markup. */
export interface MailContent {
  subject: string;
  /** Paragraphs of plain text; line breaks inside one are kept. */
  paragraphs: string[];
  /** One link the mail is about (an invitation, a report to fill in): http(s) only. */
  action?: { label: string; url: string };
}

/**
 * A mail a feature sends, written once per language. Parameters (names, titles) are whatever
 * the users typed: the renderer escapes them for HTML, so a template never writes markup.
 */
export interface MailTemplate<P> {
  name: string;
  content: Record<Lang, (params: P) => MailContent>;
}

export const defineTemplate = <P>(
  name: string,
  content: Record<Lang, (params: P) => MailContent>,
): MailTemplate<P> => ({
  name,
  content,
});

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

const SIGNATURE: Record<Lang, string> = {
  vi: 'Kizuna: hợp tác địa phương Việt Nam – Nhật Bản',
  ja: 'Kizuna：日越地方協力',
  en: 'Kizuna: local cooperation between Vietnam and Japan',
};

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

/**
 * Renders a template in one language: a plain-text part, and an HTML part made from the same
 * text with everything escaped. A subject loses its line breaks (a header cannot hold them).
 */
export function renderMail<P>(template: MailTemplate<P>, lang: Lang, params: P): RenderedMail {
  const c = template.content[lang](params);
  const subject = c.subject.replace(/[\r\n]+/g, ' ').trim();
  if (c.action && !/^https?:\/\//i.test(c.action.url)) {
    throw new Error(
      `mail ${template.name}: the action link must be http(s), got ${c.action.url.slice(0, 40)}`,
    );
  }
  const text = [
    ...c.paragraphs,
    ...(c.action ? [`${c.action.label}: ${c.action.url}`] : []),
    `-- \n${SIGNATURE[lang]}`,
  ].join('\n\n');
  const para = (p: string) => `<p>${escapeHtml(p).replace(/\r?\n/g, '<br>')}</p>`;
  const html = [
    `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>`,
    '<body style="font-family:system-ui,sans-serif;line-height:1.5;max-width:40em">',
    ...c.paragraphs.map(para),
    ...(c.action ? [`<p><a href="${escapeHtml(c.action.url)}">${escapeHtml(c.action.label)}</a></p>`] : []),
    `<p style="color:#666;font-size:smaller">${escapeHtml(SIGNATURE[lang])}</p>`,
    '</body></html>',
  ].join('\n');
  return { subject, text, html };
}

/**
 * The meetings' mail, each in the three languages: a request to the head it is sent to, the
 * answer to the head who sent it, and the meetings of a delegation when a schedule is published
 * (all of them the first time; after a repair, only to those whose meetings moved). Times are
 * shown in the forum's zone and the other country's.
 */
import { dualClock, localDate } from '../../domain/calendar/zones.ts';
import type { Texts } from '../../domain/forum/model.ts';
import { textIn } from '../../domain/forum/texts.ts';
import { defineTemplate, type Lang } from '../../platform/mail/render.ts';

export interface MeetingLine {
  start: string;
  zone: string;
  table: number;
  partner: Texts;
  interpreter: string | null;
  moved?: boolean;
}

const WORDS = {
  table: { vi: 'bàn', ja: 'テーブル', en: 'table' },
  with: { vi: 'với', ja: '相手：', en: 'with' },
  interpreter: { vi: 'phiên dịch', ja: '通訳', en: 'interpreter' },
  moved: { vi: '(đã thay đổi)', ja: '（変更あり）', en: '(changed)' },
} as const;

const line = (m: MeetingLine, lang: Lang) => {
  const at = new Date(m.start);
  const who =
    lang === 'ja'
      ? `${WORDS.with.ja}${textIn(m.partner, lang)}`
      : `${WORDS.with[lang]} ${textIn(m.partner, lang)}`;
  const interp = m.interpreter ? `, ${WORDS.interpreter[lang]}: ${m.interpreter}` : '';
  return `${localDate(at, m.zone)} ${dualClock(at, m.zone)}, ${WORDS.table[lang]} ${m.table}, ${who}${interp}${m.moved ? ` ${WORDS.moved[lang]}` : ''}`;
};

export const requestMail = defineTemplate<{ forum: Texts; from: Texts; message: string; url: string }>(
  'meetings.request',
  {
    vi: (p) => ({
      subject: `${textIn(p.forum, 'vi')}: ${textIn(p.from, 'vi')} đề nghị gặp`,
      paragraphs: [
        'Xin chào,',
        `${textIn(p.from, 'vi')} đề nghị một cuộc gặp song phương tại ${textIn(p.forum, 'vi')}.`,
        p.message,
        'Hãy mở trang yêu cầu để chấp nhận hoặc từ chối.',
      ],
      action: { label: 'Xem yêu cầu', url: p.url },
    }),
    ja: (p) => ({
      subject: `${textIn(p.forum, 'ja')}：${textIn(p.from, 'ja')}から面談の申し込み`,
      paragraphs: [
        'こんにちは。',
        `${textIn(p.from, 'ja')}から、${textIn(p.forum, 'ja')}での個別面談の申し込みがありました。`,
        p.message,
        '申し込みのページで承諾または辞退してください。',
      ],
      action: { label: '申し込みを見る', url: p.url },
    }),
    en: (p) => ({
      subject: `${textIn(p.forum, 'en')}: ${textIn(p.from, 'en')} asks to meet`,
      paragraphs: [
        'Hello,',
        `${textIn(p.from, 'en')} asks for a bilateral meeting at ${textIn(p.forum, 'en')}.`,
        p.message,
        'Open the request to accept or decline it.',
      ],
      action: { label: 'See the request', url: p.url },
    }),
  },
);

export const answerMail = defineTemplate<{
  forum: Texts;
  to: Texts;
  accepted: boolean;
  reason: string | null;
  url: string;
}>('meetings.answer', {
  vi: (p) => ({
    subject: `${textIn(p.forum, 'vi')}: ${textIn(p.to, 'vi')} ${p.accepted ? 'đã chấp nhận' : 'đã từ chối'} cuộc gặp`,
    paragraphs: [
      'Xin chào,',
      `${textIn(p.to, 'vi')} ${p.accepted ? 'đã chấp nhận đề nghị gặp của bạn. Ban tổ chức sẽ xếp lịch và thông báo bàn, giờ gặp.' : 'đã từ chối đề nghị gặp của bạn.'}`,
      ...(p.reason ? [`Lý do: ${p.reason}`] : []),
    ],
    action: { label: 'Xem yêu cầu', url: p.url },
  }),
  ja: (p) => ({
    subject: `${textIn(p.forum, 'ja')}：${textIn(p.to, 'ja')}が面談を${p.accepted ? '承諾' : '辞退'}しました`,
    paragraphs: [
      'こんにちは。',
      `${textIn(p.to, 'ja')}が面談の申し込みを${p.accepted ? '承諾しました。主催者が日程を組み、時間とテーブルをお知らせします。' : '辞退しました。'}`,
      ...(p.reason ? [`理由：${p.reason}`] : []),
    ],
    action: { label: '申し込みを見る', url: p.url },
  }),
  en: (p) => ({
    subject: `${textIn(p.forum, 'en')}: ${textIn(p.to, 'en')} ${p.accepted ? 'accepted' : 'declined'} the meeting`,
    paragraphs: [
      'Hello,',
      `${textIn(p.to, 'en')} ${p.accepted ? 'accepted your meeting request. The organisers will schedule it and tell you the time and table.' : 'declined your meeting request.'}`,
      ...(p.reason ? [`Reason: ${p.reason}`] : []),
    ],
    action: { label: 'See the request', url: p.url },
  }),
});

export const scheduleMail = defineTemplate<{
  forum: Texts;
  party: Texts;
  first: boolean;
  meetings: MeetingLine[];
  cancelled: Texts[];
  url: string;
}>('meetings.schedule', {
  vi: (p) => ({
    subject: `${textIn(p.forum, 'vi')}: ${p.first ? 'lịch gặp song phương' : 'lịch gặp đã thay đổi'}`,
    paragraphs: [
      'Xin chào,',
      `${p.first ? 'Lịch gặp song phương' : 'Lịch gặp đã thay đổi'} của ${textIn(p.party, 'vi')} tại ${textIn(p.forum, 'vi')}:`,
      p.meetings.length ? p.meetings.map((m) => line(m, 'vi')).join('\n') : 'Không có cuộc gặp nào.',
      ...(p.cancelled.length
        ? [`Không còn trong lịch: ${p.cancelled.map((c) => textIn(c, 'vi')).join(', ')}`]
        : []),
    ],
    action: { label: 'Xem lịch', url: p.url },
  }),
  ja: (p) => ({
    subject: `${textIn(p.forum, 'ja')}：${p.first ? '個別面談の日程' : '個別面談の日程変更'}`,
    paragraphs: [
      'こんにちは。',
      `${textIn(p.forum, 'ja')}における${textIn(p.party, 'ja')}の${p.first ? '個別面談の日程' : '変更後の面談日程'}です：`,
      p.meetings.length ? p.meetings.map((m) => line(m, 'ja')).join('\n') : '面談はありません。',
      ...(p.cancelled.length
        ? [`日程から外れた面談：${p.cancelled.map((c) => textIn(c, 'ja')).join('、')}`]
        : []),
    ],
    action: { label: '日程を見る', url: p.url },
  }),
  en: (p) => ({
    subject: `${textIn(p.forum, 'en')}: ${p.first ? 'your bilateral meetings' : 'your meetings changed'}`,
    paragraphs: [
      'Hello,',
      `${p.first ? 'The bilateral meetings' : 'The changed meetings'} of ${textIn(p.party, 'en')} at ${textIn(p.forum, 'en')}:`,
      p.meetings.length ? p.meetings.map((m) => line(m, 'en')).join('\n') : 'No meetings.',
      ...(p.cancelled.length
        ? [`No longer scheduled: ${p.cancelled.map((c) => textIn(c, 'en')).join(', ')}`]
        : []),
    ],
    action: { label: 'See the schedule', url: p.url },
  }),
});

/**
 * The forum's mail, each written in the three languages: the notice of a new release to the
 * people whose own agenda changed, an invitation with its single-use link, and the one-time
 * password of an account made for a head of delegation. Names and titles arrive as `Texts` and
 * are picked in the recipient's language (with the stated fallback of `textIn`).
 */
import { dualClock, localDate } from '../../domain/calendar/zones.ts';
import type { Texts } from '../../domain/forum/model.ts';
import { textIn } from '../../domain/forum/texts.ts';
import { defineTemplate, type Lang } from '../../platform/mail/render.ts';

export interface ChangeLine {
  type: 'new' | 'moved' | 'room' | 'changed' | 'cancelled';
  title: Texts;
  /** The session's time after the change (forum zone), and its room. */
  start: string;
  room: Texts | null;
  zone: string;
}

const WHAT: Record<ChangeLine['type'], Record<Lang, string>> = {
  new: { vi: 'Mới', ja: '新規', en: 'New' },
  moved: { vi: 'Đổi giờ', ja: '時間変更', en: 'Moved' },
  room: { vi: 'Đổi phòng', ja: '会場変更', en: 'Other room' },
  changed: { vi: 'Thay đổi', ja: '内容変更', en: 'Changed' },
  cancelled: { vi: 'Đã hủy', ja: '中止', en: 'Cancelled' },
};

const line = (c: ChangeLine, lang: Lang) => {
  const at = new Date(c.start);
  const when = `${localDate(at, c.zone)} ${dualClock(at, c.zone)}`;
  const room = c.room ? `, ${textIn(c.room, lang)}` : '';
  return `${WHAT[c.type][lang]}: ${textIn(c.title, lang)} (${when}${room})`;
};

export const releaseNotice = defineTemplate<{
  forum: Texts;
  release: number;
  changes: ChangeLine[];
  url: string;
}>('forum.release', {
  vi: (p) => ({
    subject: `${textIn(p.forum, 'vi')}: chương trình phiên bản ${p.release}`,
    paragraphs: [
      'Xin chào,',
      `Chương trình của ${textIn(p.forum, 'vi')} đã được công bố (phiên bản ${p.release}). Các phiên liên quan đến bạn:`,
      p.changes.map((c) => line(c, 'vi')).join('\n'),
    ],
    action: { label: 'Xem chương trình', url: p.url },
  }),
  ja: (p) => ({
    subject: `${textIn(p.forum, 'ja')}：プログラム第${p.release}版`,
    paragraphs: [
      'こんにちは。',
      `${textIn(p.forum, 'ja')}のプログラム第${p.release}版が公開されました。あなたに関係するセッション：`,
      p.changes.map((c) => line(c, 'ja')).join('\n'),
    ],
    action: { label: 'プログラムを見る', url: p.url },
  }),
  en: (p) => ({
    subject: `${textIn(p.forum, 'en')}: programme release ${p.release}`,
    paragraphs: [
      'Hello,',
      `Release ${p.release} of the programme of ${textIn(p.forum, 'en')} is published. The sessions that concern you:`,
      p.changes.map((c) => line(c, 'en')).join('\n'),
    ],
    action: { label: 'See the programme', url: p.url },
  }),
});

export const invitationMail = defineTemplate<{ forum: Texts; party: Texts; url: string; expires: string }>(
  'forum.invitation',
  {
    vi: (p) => ({
      subject: `Thư mời: ${textIn(p.forum, 'vi')}`,
      paragraphs: [
        'Xin chào,',
        `${textIn(p.party, 'vi')} được mời tham dự ${textIn(p.forum, 'vi')}. Hãy mở liên kết dưới đây để đăng ký đoàn và các thành viên. Liên kết chỉ dùng được một lần và hết hạn vào ${p.expires.slice(0, 10)}.`,
      ],
      action: { label: 'Đăng ký đoàn', url: p.url },
    }),
    ja: (p) => ({
      subject: `ご招待：${textIn(p.forum, 'ja')}`,
      paragraphs: [
        'こんにちは。',
        `${textIn(p.party, 'ja')}を${textIn(p.forum, 'ja')}にご招待いたします。以下のリンクから代表団と団員を登録してください。リンクは一度だけ使え、${p.expires.slice(0, 10)}に失効します。`,
      ],
      action: { label: '代表団を登録する', url: p.url },
    }),
    en: (p) => ({
      subject: `Invitation: ${textIn(p.forum, 'en')}`,
      paragraphs: [
        'Hello,',
        `${textIn(p.party, 'en')} is invited to ${textIn(p.forum, 'en')}. Follow the link below to register the delegation and its members. The link works once and expires on ${p.expires.slice(0, 10)}.`,
      ],
      action: { label: 'Register the delegation', url: p.url },
    }),
  },
);

export const accountMail = defineTemplate<{ email: string; password: string; url: string }>('forum.account', {
  vi: (p) => ({
    subject: 'Kizuna: tài khoản của bạn',
    paragraphs: [
      'Xin chào,',
      `Một tài khoản đã được tạo cho ${p.email} để bạn đăng ký đoàn. Mật khẩu dùng một lần: ${p.password}\nHãy đăng nhập và đổi mật khẩu.`,
    ],
    action: { label: 'Đăng nhập', url: p.url },
  }),
  ja: (p) => ({
    subject: 'Kizuna：アカウントのお知らせ',
    paragraphs: [
      'こんにちは。',
      `代表団の登録のため、${p.email} のアカウントを作成しました。ワンタイムパスワード：${p.password}\nサインインしてパスワードを変更してください。`,
    ],
    action: { label: 'サインイン', url: p.url },
  }),
  en: (p) => ({
    subject: 'Kizuna: your account',
    paragraphs: [
      'Hello,',
      `An account was made for ${p.email} so that you can register your delegation. One-time password: ${p.password}\nSign in and change it.`,
    ],
    action: { label: 'Sign in', url: p.url },
  }),
});

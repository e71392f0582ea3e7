import { defineTemplate } from './render.ts';

/** The mail an admin sends to check that mail goes out (POST /api/admin/outbox/test). */
export const testMail = defineTemplate<{ requestedBy: string }>('platform.test', {
  vi: ({ requestedBy }) => ({
    subject: 'Kizuna: thư thử nghiệm',
    paragraphs: [
      'Xin chào,',
      `Đây là thư thử nghiệm do ${requestedBy} gửi từ Kizuna. Nếu bạn đọc được thư này, việc gửi thư đã hoạt động.`,
    ],
  }),
  ja: ({ requestedBy }) => ({
    subject: 'Kizuna：テストメール',
    paragraphs: [
      'こんにちは。',
      `これは ${requestedBy} が Kizuna から送信したテストメールです。このメールが届いていれば、メール送信は正常に動作しています。`,
    ],
  }),
  en: ({ requestedBy }) => ({
    subject: 'Kizuna: test mail',
    paragraphs: [
      'Hello,',
      `This is a test mail sent from Kizuna by ${requestedBy}. If you can read it, mail goes out.`,
    ],
  }),
});

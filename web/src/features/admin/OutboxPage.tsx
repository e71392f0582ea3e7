import { type FormEvent, useState } from 'react';
import type { OutboxItem, OutboxMail } from '../../../../src/platform/mail/schemas.ts';
import { ApiError, api, useApi } from '../../api/client.ts';
import type { Lang, Page } from '../../api/types.ts';
import { useAuth } from '../../auth.tsx';
import { Async, Badge, PageTitle, useProblemText } from '../../components/common.tsx';
import { PAGE_SIZE, Pager } from '../../components/Pager.tsx';
import { useLang } from '../../i18n/format.ts';
import { useRouter, withQuery } from '../../router.tsx';

const STATUSES = ['pending', 'sending', 'sent', 'held', 'failed'] as const;
const LANGS: Lang[] = ['vi', 'ja', 'en'];

/** One mail's text and delivery attempts, fetched when it is opened. */
function MailBody({ id }: { id: string }) {
  const { t, dateTime } = useLang('admin');
  const mail = useApi<OutboxMail>(`/api/admin/outbox/${encodeURIComponent(id)}`);
  return (
    <Async state={mail}>
      {(m) => (
        <>
          <p className="meta">
            <span>{t('outbox.messageId')}</span> <code>{m.messageId}</code>
          </p>
          {/* The plain-text part: what every recipient's mail program can show. */}
          <pre className="mail-text" lang={m.language}>
            {m.text}
          </pre>
          {m.deliveries.length > 0 && (
            <table className="table">
              <caption>{t('outbox.deliveries')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('outbox.attempt')}</th>
                  <th scope="col">{t('outbox.startedAt')}</th>
                  <th scope="col">{t('outbox.outcome')}</th>
                  <th scope="col">{t('outbox.response')}</th>
                </tr>
              </thead>
              <tbody>
                {m.deliveries.map((d) => (
                  <tr key={d.attempt}>
                    <td>{d.attempt}</td>
                    <td>
                      <time dateTime={d.startedAt}>{dateTime(d.startedAt)}</time>
                    </td>
                    <td>{t(`outbox.outcomeName.${d.outcome ?? 'open'}`)}</td>
                    <td>{d.response ?? ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </Async>
  );
}

function MailCard({ m }: { m: OutboxItem }) {
  const { t, dateTime } = useLang('admin');
  const [open, setOpen] = useState(false);
  return (
    <li className="card">
      <p className="meta">
        <time dateTime={m.createdAt}>{dateTime(m.createdAt)}</time>
        <Badge kind={m.status === 'failed' ? 'warning' : m.status}>
          {t(`outbox.statusName.${m.status}`)}
        </Badge>
        <span>{m.to}</span>
        <span>{t(`langName.${m.language}`)}</span>
      </p>
      <h2 className="card-title" lang={m.language}>
        {m.subject}
      </h2>
      {m.lastError && m.status !== 'held' && (
        <p className="field-error">
          {t('outbox.lastError')}: {m.lastError}
        </p>
      )}
      <details onToggle={(e) => setOpen(e.currentTarget.open)}>
        <summary>{t('outbox.read')}</summary>
        {open && <MailBody id={m.id} />}
      </details>
    </li>
  );
}

function TestMailForm({ onQueued }: { onQueued: () => void }) {
  const { t, lang } = useLang('admin');
  const problemText = useProblemText();
  const [to, setTo] = useState('');
  const [language, setLanguage] = useState<Lang>(lang as Lang);
  const [note, setNote] = useState<{ ok: boolean; text: string } | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setNote(null);
    try {
      await api('/api/admin/outbox/test', { method: 'POST', body: { to, language } });
      setNote({ ok: true, text: t('outbox.test.queued', { to }) });
      onQueued();
    } catch (err) {
      setNote({
        ok: false,
        text:
          err instanceof ApiError ? problemText(err.problem.code, err.problem.detail) : t('errors.unknown'),
      });
    }
  };
  return (
    <form className="form narrow-form" onSubmit={submit}>
      <h2>{t('outbox.test.title')}</h2>
      <div className="field">
        <label htmlFor="tm-to">{t('outbox.to')}</label>
        <input id="tm-to" type="email" required value={to} onChange={(e) => setTo(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor="tm-lang">{t('outbox.language')}</label>
        <select id="tm-lang" value={language} onChange={(e) => setLanguage(e.target.value as Lang)}>
          {LANGS.map((l) => (
            <option key={l} value={l}>
              {t(`langName.${l}`)}
            </option>
          ))}
        </select>
      </div>
      {note && (
        <p className={note.ok ? 'notice' : 'error'} role={note.ok ? 'status' : 'alert'}>
          {note.text}
        </p>
      )}
      <button type="submit">{t('outbox.test.send')}</button>
    </form>
  );
}

/** The mail Kizuna wrote, for admins; without SMTP_URL this is where mail is read. */
export function OutboxPage() {
  const { t, num } = useLang('admin');
  const { user } = useAuth();
  const { search, navigate } = useRouter();
  const status = search.get('status') ?? '';
  const list = useApi<Page<OutboxItem>>(
    user?.role === 'admin'
      ? withQuery('/api/admin/outbox', { status, limit: PAGE_SIZE, cursor: search.get('cursor') })
      : null,
  );
  if (user?.role !== 'admin') return <p>{t('errors.auth.forbidden')}</p>;
  return (
    <>
      <PageTitle>{t('outbox.title')}</PageTitle>
      <p>{t('outbox.intro')}</p>
      <search>
        <form className="filters" onSubmit={(e) => e.preventDefault()}>
          <div className="field">
            <label htmlFor="o-status">{t('outbox.status')}</label>
            <select
              id="o-status"
              value={status}
              onChange={(e) => navigate(withQuery('/admin/outbox', { status: e.target.value }))}
            >
              <option value="">{t('filters.any')}</option>
              {STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`outbox.statusName.${s}`)}
                </option>
              ))}
            </select>
          </div>
        </form>
      </search>
      <Async state={list}>
        {(page) => (
          <>
            <p>{t('common.results', { n: num(page.total) })}</p>
            {page.items.some((m) => m.status === 'held') && <p className="notice">{t('outbox.heldNote')}</p>}
            <ul className="cards">
              {page.items.map((m) => (
                <MailCard key={m.id} m={m} />
              ))}
            </ul>
            <Pager total={page.total} nextCursor={page.nextCursor} shown={page.items.length} />
          </>
        )}
      </Async>
      <TestMailForm onQueued={list.reload} />
    </>
  );
}

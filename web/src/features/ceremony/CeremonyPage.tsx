import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Ceremony, CeremonyItem } from '../../../../src/features/ceremony/schemas.ts';
import { ApiError, api, useApi } from '../../api/client.ts';
import type { Params } from '../../app/routes.ts';
import { Async, PageTitle } from '../../components/common.tsx';
import { Link } from '../../router.tsx';
import { Text } from '../forums/texts.tsx';
import '../forums/i18n.ts';

type Texts = Parameters<typeof Text>[0]['value'];

function Item({
  item,
  forumId,
  first,
  last,
  order,
  onChanged,
}: {
  item: CeremonyItem;
  forumId: string;
  first: boolean;
  last: boolean;
  order: string[];
  onChanged: (message: string | null, error?: ApiError) => void;
}) {
  const { t } = useTranslation('ceremony');
  const may = (item as CeremonyItem & { mayEdit?: boolean }).mayEdit;
  const base = `/api/forums/${encodeURIComponent(forumId)}/ceremony`;
  const run = async (fn: () => Promise<unknown>) => {
    try {
      await fn();
      onChanged(t('saved'));
    } catch (e) {
      onChanged(null, e instanceof ApiError ? e : undefined);
    }
  };
  const move = (delta: number) => {
    const i = order.indexOf(item.id);
    const next = [...order];
    [next[i], next[i + delta]] = [next[i + delta]!, next[i]!];
    return run(() => api(`${base}/order`, { method: 'PUT', body: { ids: next } }));
  };
  const doneUrl = `${base}/items/${encodeURIComponent(item.id)}/done`;
  return (
    <li className="ceremony-item" id={`item-${item.id}`}>
      <h3>
        {item.position}. {t(`kind.${item.kind}`)}: <Text value={item.agreement.title as Texts} />
      </h3>
      <p>
        <span className="badge">{t(`status.${item.agreement.status}`, item.agreement.status)}</span>{' '}
        {item.done && item.doneOn && <strong>{t('done', { date: item.doneOn })}</strong>}{' '}
        <Link to={`/agreements/${encodeURIComponent(item.agreementId)}`}>{t('agreement')}</Link>
      </p>
      {(item.signatories.vn.length > 0 || item.signatories.jp.length > 0) && (
        <dl className="signatories">
          {(['vn', 'jp'] as const).map((side) =>
            item.signatories[side].length ? (
              <div key={side}>
                <dt>
                  {t('signatories')} – {t(`side.${side}`)}
                </dt>
                {item.signatories[side].map((s, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: signatories have no id; their order is theirs
                  <dd key={i}>
                    {s.name}
                    {s.position && ` (${s.position})`}
                  </dd>
                ))}
              </div>
            ) : null,
          )}
        </dl>
      )}
      {may && (
        <p className="actions">
          {item.done ? (
            <button
              type="button"
              onClick={() => run(() => api(doneUrl, { method: 'DELETE', ifMatch: `"${item.version}"` }))}
            >
              {t('undo')}
            </button>
          ) : (
            <button
              type="button"
              onClick={() => run(() => api(doneUrl, { method: 'POST', ifMatch: `"${item.version}"` }))}
            >
              {t('markDone')}
            </button>
          )}{' '}
          <button
            type="button"
            disabled={first}
            onClick={() => move(-1)}
            aria-label={`${t('up')}: ${item.position}`}
          >
            ↑
          </button>{' '}
          <button
            type="button"
            disabled={last}
            onClick={() => move(1)}
            aria-label={`${t('down')}: ${item.position}`}
          >
            ↓
          </button>
        </p>
      )}
    </li>
  );
}

/** A forum's ceremony: each ceremony session with its agreements in order; its organisers run it from here. */
export function CeremonyPage({ params }: { params: Params }) {
  const { t } = useTranslation(['ceremony', 'translation']);
  const forumId = params.id!;
  const state = useApi<Ceremony>(`/api/forums/${encodeURIComponent(forumId)}/ceremony`);
  const forum = useApi<{ actions?: string[]; title: Texts }>(`/api/forums/${encodeURIComponent(forumId)}`);
  const mayEdit = forum.data?.actions?.includes('update') ?? false;
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const onChanged = (text: string | null, error?: ApiError) => {
    if (error)
      setMessage({
        text: t(`errors.${error.problem.code}`, { ns: 'translation', defaultValue: error.message }),
        error: true,
      });
    else setMessage(text ? { text, error: false } : null);
    state.reload();
  };
  return (
    <>
      <PageTitle>{t('title')}</PageTitle>
      <p>
        <Link to={`/forums/${encodeURIComponent(forumId)}`}>
          {t('back')}
          {forum.data && (
            <>
              {': '}
              <Text value={forum.data.title} />
            </>
          )}
        </Link>
      </p>
      <p role="status" aria-live="polite" className={message?.error ? 'error' : undefined}>
        {message?.text}
      </p>
      <Async state={state}>
        {(c) => {
          const order = c.sessions.flatMap((s) => s.items.map((i) => i.id));
          if (!c.sessions.length) return <p>{t('none')}</p>;
          return (
            <>
              {c.sessions.map((s) => (
                <section key={s.id} aria-labelledby={`s-${s.id}`}>
                  <h2 id={`s-${s.id}`}>
                    <Text value={s.title as Texts} />
                  </h2>
                  <p>
                    {t('date')}: <time dateTime={s.date}>{s.date}</time>
                  </p>
                  {s.note && <p lang="en">{s.note}</p>}
                  {s.sources.length > 0 && (
                    <p className="sources">
                      {t('sources')}:{' '}
                      {(s.sources as { id?: string; url?: string; publisher?: string; date?: string }[]).map(
                        (src, i) => (
                          <span key={src.id ?? src.url ?? i}>
                            {i > 0 && ', '}
                            {src.url ? (
                              <a href={src.url} rel="noopener noreferrer" target="_blank">
                                {src.publisher ?? src.url}
                                {src.date && ` (${src.date})`}
                              </a>
                            ) : (
                              src.id
                            )}
                          </span>
                        ),
                      )}
                    </p>
                  )}
                  {s.items.length === 0 ? (
                    <p>{t('noItems')}</p>
                  ) : (
                    <ol className="ceremony-items">
                      {s.items.map((item) => (
                        <Item
                          key={item.id}
                          item={{ ...item, mayEdit } as CeremonyItem}
                          forumId={forumId}
                          first={order.indexOf(item.id) === 0}
                          last={order.indexOf(item.id) === order.length - 1}
                          order={order}
                          onChanged={onChanged}
                        />
                      ))}
                    </ol>
                  )}
                </section>
              ))}
            </>
          );
        }}
      </Async>
    </>
  );
}

import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { Product } from '../../../../../src/features/forums/exhibition/schemas.ts';
import { ApiError, api, useApi } from '../../../api/client.ts';
import type { Lang } from '../../../api/types.ts';
import { Async, PageTitle } from '../../../components/common.tsx';
import { FileUpload } from '../../../components/FileUpload.tsx';
import { Link } from '../../../router.tsx';
import '../i18n.ts';
import './i18n.ts';
import { Problems } from './Problems.tsx';
import { ProductCard } from './ProductCard.tsx';

type ProductT = z.infer<typeof Product>;
const LANGS: Lang[] = ['vi', 'ja', 'en'];

/** Texts per language from the form: the original as written, the others marked unofficial translations. */
function texts(f: FormData, field: string, original: Lang) {
  const out: Record<string, unknown> = {};
  const translation: Record<string, string> = {};
  for (const l of LANGS) {
    const v = String(f.get(`${field}-${l}`) ?? '').trim();
    if (!v) continue;
    out[l] = v;
    if (l !== original) translation[l] = 'unofficial';
  }
  if (Object.keys(translation).length) out.translation = translation;
  return out;
}

function ProductForm({ url, onDone }: { url: string; onDone: () => void }) {
  const { t } = useTranslation('exhibition');
  const [error, setError] = useState<ApiError | null>(null);
  const ids = { original: useId(), stars: useId() };
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    const f = new FormData(form);
    const original = String(f.get('original')) as Lang;
    const description = texts(f, 'description', original);
    const gi = String(f.get('gi') ?? '').trim();
    const stars = String(f.get('ocopStars') ?? '');
    const sector = String(f.get('sector') ?? '').trim();
    const body = {
      name: texts(f, 'name', original),
      ...(Object.keys(description).length ? { description } : {}),
      ...(sector ? { sector } : {}),
      ocopStars: stars ? Number(stars) : null,
      gi: gi ? { [original]: gi } : null,
    };
    setError(null);
    try {
      await api(url, { method: 'POST', body });
      form.reset();
      onDone();
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(0, { status: 0, code: 'network' }));
    }
  };
  return (
    <form onSubmit={submit} aria-labelledby="add-product">
      <h2 id="add-product">{t('addProduct')}</h2>
      <div className="field">
        <label htmlFor={ids.original}>{t('original')}</label>
        <select id={ids.original} name="original" aria-describedby={`${ids.original}-note`}>
          {LANGS.map((l) => (
            <option key={l} value={l}>
              {t(`lang.${l}`)}
            </option>
          ))}
        </select>
        <p className="muted" id={`${ids.original}-note`}>
          {t('originalNote')}
        </p>
      </div>
      {LANGS.map((l) => (
        <LangField key={`n-${l}`} name={`name-${l}`} lang={l} label={t('name', { lang: t(`lang.${l}`) })} />
      ))}
      {LANGS.map((l) => (
        <LangField
          key={`d-${l}`}
          name={`description-${l}`}
          lang={l}
          area
          label={t('description', { lang: t(`lang.${l}`) })}
        />
      ))}
      <LangField name="sector" label={t('sectorCode')} />
      <div className="field">
        <label htmlFor={ids.stars}>{t('ocopStars')}</label>
        <select id={ids.stars} name="ocopStars">
          <option value="">{t('noStars')}</option>
          {[1, 2, 3, 4, 5].map((n) => (
            <option key={n} value={n}>
              {t('ocop', { n })}
            </option>
          ))}
        </select>
      </div>
      <LangField name="gi" label={t('giName')} />
      <button type="submit">{t('add')}</button>
      <Problems error={error} />
    </form>
  );
}

function LangField({
  name,
  label,
  lang,
  area,
}: {
  name: string;
  label: string;
  lang?: Lang;
  area?: boolean;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {area ? (
        <textarea id={id} name={name} lang={lang} maxLength={5000} rows={2} />
      ) : (
        <input id={id} name={name} lang={lang} maxLength={200} />
      )}
    </div>
  );
}

/** A head of delegation presents the party's products, adds their photos, prints the badges. */
export function ProductsPage({ params }: { params: Record<string, string> }) {
  const { t, i18n } = useTranslation('exhibition');
  const forumId = encodeURIComponent(params.id ?? '');
  const delegationId = encodeURIComponent(params.delegationId ?? '');
  const url = `/api/forums/${forumId}/delegations/${delegationId}/products`;
  const state = useApi<{ items: ProductT[] }>(url);
  const [removeError, setRemoveError] = useState<ApiError | null>(null);
  const remove = async (p: ProductT, photoId: string) => {
    try {
      await api(`/api/forums/${forumId}/exhibition/products/${encodeURIComponent(p.id)}/photos/${photoId}`, {
        method: 'DELETE',
      });
      state.reload();
    } catch (err) {
      if (err instanceof ApiError) setRemoveError(err);
    }
  };
  return (
    <article className="products-edit">
      <PageTitle>{t('productsTitle')}</PageTitle>
      <p>
        <Link to={`/forums/${forumId}/exhibition`}>{t('title')}</Link>
        {' · '}
        <a
          href={`/api/forums/${forumId}/badges.pdf?lang=${i18n.resolvedLanguage ?? 'en'}&delegationId=${delegationId}`}
        >
          {t('badgesPdf')}
        </a>
      </p>
      <Async state={state}>
        {({ items }) => (
          <>
            {items.length === 0 && <p>{t('noProducts')}</p>}
            <ul className="plain products">
              {items.map((p) => (
                <ProductCard key={p.id} p={p}>
                  {p.photos.map((ph, i) => (
                    <button key={ph.id} type="button" onClick={() => remove(p, ph.id)}>
                      {t('remove')} ({i + 1})
                    </button>
                  ))}
                  <FileUpload
                    url={`/api/forums/${forumId}/exhibition/products/${encodeURIComponent(p.id)}/files`}
                    label={t('uploadPhoto')}
                    accept="image/jpeg,image/png,image/webp"
                    onUploaded={() => state.reload()}
                  />
                </ProductCard>
              ))}
            </ul>
          </>
        )}
      </Async>
      <Problems error={removeError} />
      <ProductForm url={url} onDone={() => state.reload()} />
    </article>
  );
}

import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { Delegation } from '../../../../../src/features/forums/delegations/schemas.ts';
import type { Exhibition } from '../../../../../src/features/forums/exhibition/schemas.ts';
import { ApiError, api, useApi } from '../../../api/client.ts';
import type { Lang } from '../../../api/types.ts';
import { Async, PageTitle } from '../../../components/common.tsx';
import { Link } from '../../../router.tsx';
import '../i18n.ts';
import { pick } from '../texts.tsx';
import { FloorPlan } from './FloorPlan.tsx';
import './i18n.ts';
import { Problems } from './Problems.tsx';

type ExhibitionT = z.infer<typeof Exhibition>;
type DelegationT = z.infer<typeof Delegation>;
const LANGS: Lang[] = ['vi', 'ja', 'en'];

/** Runs a write, keeping its refusal to show beside the form. */
function useWrite() {
  const [error, setError] = useState<ApiError | null>(null);
  const [done, setDone] = useState(false);
  const run = async (write: () => Promise<unknown>) => {
    setError(null);
    setDone(false);
    try {
      await write();
      setDone(true);
      return true;
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, { status: 0, code: 'network' }));
      return false;
    }
  };
  return { error, done, run };
}

function Field({ label, ...input }: { label: string } & React.InputHTMLAttributes<HTMLInputElement>) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} {...input} />
    </div>
  );
}

function HallForm({ base, onDone }: { base: string; onDone: () => void }) {
  const { t } = useTranslation('exhibition');
  const w = useWrite();
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const name = Object.fromEntries(
      LANGS.map((l) => [l, String(f.get(`name-${l}`) ?? '').trim()]).filter(([, v]) => v),
    );
    if (
      await w.run(() =>
        api(`${base}/exhibition/halls`, {
          method: 'POST',
          body: { name, columns: Number(f.get('columns')), rows: Number(f.get('rows')) },
        }),
      )
    )
      onDone();
  };
  return (
    <form onSubmit={submit} aria-labelledby="add-hall">
      <h2 id="add-hall">{t('addHall')}</h2>
      {LANGS.map((l) => (
        <Field key={l} name={`name-${l}`} label={t('hallName', { lang: t(`lang.${l}`) })} lang={l} />
      ))}
      <Field name="columns" type="number" min={1} max={200} defaultValue={12} required label={t('columns')} />
      <Field name="rows" type="number" min={1} max={200} defaultValue={8} required label={t('rows')} />
      <button type="submit">{t('add')}</button>
      <Problems error={w.error} />
    </form>
  );
}

function BoothForm({ base, data, onDone }: { base: string; data: ExhibitionT; onDone: () => void }) {
  const { t, i18n } = useTranslation('exhibition');
  const lang = (i18n.resolvedLanguage ?? 'en') as Lang;
  const w = useWrite();
  const hallSelect = useId();
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const n = (k: string) => Number(f.get(k));
    const body = {
      hallId: String(f.get('hallId')),
      code: String(f.get('code')),
      x: n('x'),
      y: n('y'),
      w: n('w'),
      h: n('h'),
    };
    if (await w.run(() => api(`${base}/exhibition/booths`, { method: 'POST', body }))) onDone();
  };
  if (!data.halls.length) return null;
  return (
    <form onSubmit={submit} aria-labelledby="add-booth">
      <h2 id="add-booth">{t('addBooth')}</h2>
      <div className="field">
        <label htmlFor={hallSelect}>{t('hall')}</label>
        <select id={hallSelect} name="hallId">
          {data.halls.map((h) => (
            <option key={h.id} value={h.id}>
              {pick(h.name, lang)?.text ?? h.id}
            </option>
          ))}
        </select>
      </div>
      <Field name="code" required maxLength={20} label={t('code')} />
      <Field name="x" type="number" min={0} defaultValue={0} required label={t('x')} />
      <Field name="y" type="number" min={0} defaultValue={0} required label={t('y')} />
      <Field name="w" type="number" min={1} defaultValue={2} required label={t('w')} />
      <Field name="h" type="number" min={1} defaultValue={2} required label={t('h')} />
      <button type="submit">{t('add')}</button>
      <Problems error={w.error} />
    </form>
  );
}

function Assign({
  base,
  booth,
  delegations,
  onDone,
}: {
  base: string;
  booth: ExhibitionT['booths'][number];
  delegations: DelegationT[];
  onDone: () => void;
}) {
  const { t, i18n } = useTranslation('exhibition');
  const lang = (i18n.resolvedLanguage ?? 'en') as Lang;
  const w = useWrite();
  const select = useId();
  const extra = useId();
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const delegationId = String(f.get('delegationId') ?? '') || null;
    const body = { delegationId, additional: f.get('additional') === 'on' };
    if (
      await w.run(() =>
        api(`${base}/exhibition/booths/${encodeURIComponent(booth.id)}/exhibitor`, {
          method: 'PUT',
          body,
          ifMatch: `"${booth.version}"`,
        }),
      )
    )
      onDone();
  };
  return (
    <li>
      <form onSubmit={submit} className="inline-form" data-assign={booth.code}>
        <label htmlFor={select}>
          {t('booth')} {booth.code}
        </label>{' '}
        <select id={select} name="delegationId" defaultValue={booth.delegationId ?? ''}>
          <option value="">{t('free')}</option>
          {delegations.map((d) => (
            <option key={d.id} value={d.id}>
              {pick(d.party.name, lang)?.text ?? d.party.id}
            </option>
          ))}
        </select>{' '}
        <input type="checkbox" id={extra} name="additional" />{' '}
        <label htmlFor={extra}>{t('additional')}</label> <button type="submit">{t('save')}</button>
        {w.done && <span role="status"> {t('saved')}</span>}
        <Problems error={w.error} />
      </form>
    </li>
  );
}

/** The organiser draws the floor: halls, booths on their grid, and which delegation has which booth. */
export function FloorEditPage({ params }: { params: Record<string, string> }) {
  const { t, i18n } = useTranslation('exhibition');
  const base = `/api/forums/${encodeURIComponent(params.id ?? '')}`;
  const state = useApi<ExhibitionT>(`${base}/exhibition`);
  const delegations = useApi<{ items: DelegationT[] }>(`${base}/delegations`);
  const reload = () => {
    state.reload();
    delegations.reload();
  };
  return (
    <article className="exhibition-edit">
      <PageTitle>{t('manage')}</PageTitle>
      <p>
        <Link to={`/forums/${encodeURIComponent(params.id ?? '')}/exhibition`}>{t('title')}</Link>
        {' · '}
        <a href={`${base}/badges.pdf?lang=${i18n.resolvedLanguage ?? 'en'}`}>{t('forumBadges')}</a>
      </p>
      <Async state={state}>
        {(data) => (
          <>
            {data.halls.length > 0 && <FloorPlan data={data} />}
            <HallForm base={base} onDone={reload} />
            <BoothForm base={base} data={data} onDone={reload} />
            {data.booths.length > 0 && delegations.data && (
              <section aria-labelledby="assign">
                <h2 id="assign">{t('assign')}</h2>
                <ul className="plain">
                  {data.booths.map((b) => (
                    <Assign
                      key={b.id}
                      base={base}
                      booth={b}
                      delegations={delegations.data?.items ?? []}
                      onDone={reload}
                    />
                  ))}
                </ul>
              </section>
            )}
          </>
        )}
      </Async>
    </article>
  );
}

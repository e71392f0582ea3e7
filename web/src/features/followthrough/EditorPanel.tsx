import { type FormEvent, useId, useState } from 'react';
import { SECTORS } from '../../../../src/domain/sectors.ts';
import { ApiError, api } from '../../api/client.ts';
import { useAuth } from '../../auth.tsx';
import { ErrorNote } from '../../components/common.tsx';
import { LocalityPicker } from '../../components/LocalityPicker.tsx';
import { useRouter } from '../../router.tsx';
import { Section, useFt } from './parts.tsx';
import { type Dashboard, LIFECYCLES, projectPath } from './types.ts';

function SectorSelect({ id, value, onChange }: { id: string; value: string; onChange: (v: string) => void }) {
  const { t, lang } = useFt();
  return (
    <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
      <option value="">{t('editor.noSector')}</option>
      {SECTORS.map((s) => (
        <option key={s.code} value={s.code}>
          {s.label[lang]}
        </option>
      ))}
    </select>
  );
}

/** A locality's editor names its priority fields for the cycle (rank = order). */
function PriorityFieldsForm({ cycleId }: { cycleId: string }) {
  const { t, lang } = useFt();
  const id = useId();
  const [locality, setLocality] = useState('');
  const [sectors, setSectors] = useState(['', '']);
  const [meanings, setMeanings] = useState(['', '']);
  const [error, setError] = useState<ApiError | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setDone(null);
    try {
      const fields = sectors
        .map((s, i) => ({ sector: s, meaning: meanings[i] ? { [lang]: meanings[i] } : {} }))
        .filter((f) => f.sector);
      const { data } = await api<{ warnings?: string[] }>(
        `/api/cycles/${encodeURIComponent(cycleId)}/priorities/${encodeURIComponent(locality)}`,
        { method: 'PUT', body: { fields } },
      );
      setDone(data.warnings?.length ? t('editor.savedWithWarning') : t('editor.saved'));
    } catch (err) {
      if (err instanceof ApiError) setError(err);
    }
  };
  return (
    <form className="form" onSubmit={submit} aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>{t('editor.priorities')}</h3>
      <div className="field">
        <label htmlFor={`${id}-loc`}>{t('editor.locality')}</label>
        <LocalityPicker id={`${id}-loc`} value={locality} onChange={setLocality} />
      </div>
      {[0, 1].map((i) => (
        <div key={i} className="field">
          <label htmlFor={`${id}-s${i}`}>{t('editor.fieldRank', { rank: i + 1 })}</label>
          <SectorSelect
            id={`${id}-s${i}`}
            value={sectors[i]}
            onChange={(v) => setSectors(sectors.map((x, k) => (k === i ? v : x)))}
          />
          <label htmlFor={`${id}-m${i}`}>{t('editor.meaning')}</label>
          <input
            id={`${id}-m${i}`}
            lang={lang}
            value={meanings[i]}
            onChange={(e) => setMeanings(meanings.map((x, k) => (k === i ? e.target.value : x)))}
          />
        </div>
      ))}
      <div className="field buttons">
        <button type="submit" disabled={!locality}>
          {t('editor.savePriorities')}
        </button>
      </div>
      {error && <ErrorNote error={error} />}
      {done && <p role="status">{done}</p>}
    </form>
  );
}

/** A new project: title in the editor's language, a party on each side, what it comes from. */
function NewProjectForm({ cycleId }: { cycleId: string }) {
  const { t, lang } = useFt();
  const { navigate } = useRouter();
  const id = useId();
  const [f, setF] = useState({
    title: '',
    description: '',
    lead: '',
    partner: '',
    fieldLocality: '',
    sector: '',
    lifecycle: 'implementation',
    agreement: '',
    meeting: '',
    plannedStart: '',
    plannedEnd: '',
  });
  const set = (k: keyof typeof f) => (v: string) => setF({ ...f, [k]: v });
  const [error, setError] = useState<ApiError | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      const { data } = await api<{ id: string }>(`/api/cycles/${encodeURIComponent(cycleId)}/projects`, {
        method: 'POST',
        body: {
          title: { [lang]: f.title },
          description: f.description ? { [lang]: f.description } : {},
          lifecycle: f.lifecycle,
          parties: [
            { role: 'lead', locality: f.lead },
            ...(f.partner ? [{ role: 'partner', locality: f.partner }] : []),
          ],
          priorityField:
            f.sector && (f.fieldLocality || f.lead)
              ? { locality: f.fieldLocality || f.lead, sector: f.sector }
              : null,
          origins: [
            ...(f.agreement ? [{ kind: 'agreement', ref: f.agreement }] : []),
            ...(f.meeting ? [{ kind: 'meeting', ref: f.meeting }] : []),
          ],
          plannedStart: f.plannedStart || null,
          plannedEnd: f.plannedEnd || null,
        },
      });
      navigate(projectPath(data.id));
    } catch (err) {
      if (err instanceof ApiError) setError(err);
    }
  };
  return (
    <form className="form" onSubmit={submit} aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>{t('editor.newProject')}</h3>
      <div className="field wide">
        <label htmlFor={`${id}-t`}>{t('editor.title')}</label>
        <input
          id={`${id}-t`}
          lang={lang}
          required
          value={f.title}
          onChange={(e) => set('title')(e.target.value)}
        />
      </div>
      <div className="field wide">
        <label htmlFor={`${id}-d`}>{t('editor.description')}</label>
        <textarea
          id={`${id}-d`}
          lang={lang}
          value={f.description}
          onChange={(e) => set('description')(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-lead`}>{t('editor.lead')}</label>
        <LocalityPicker id={`${id}-lead`} value={f.lead} onChange={set('lead')} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-partner`}>{t('editor.partner')}</label>
        <LocalityPicker id={`${id}-partner`} value={f.partner} onChange={set('partner')} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-sector`}>{t('editor.priorityField')}</label>
        <SectorSelect id={`${id}-sector`} value={f.sector} onChange={set('sector')} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-life`}>{t('editor.lifecycle')}</label>
        <select id={`${id}-life`} value={f.lifecycle} onChange={(e) => set('lifecycle')(e.target.value)}>
          {LIFECYCLES.map((l) => (
            <option key={l} value={l}>
              {t(`lifecycle.${l}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-agr`}>{t('editor.fromAgreement')}</label>
        <input id={`${id}-agr`} value={f.agreement} onChange={(e) => set('agreement')(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-meet`}>{t('editor.fromMeeting')}</label>
        <input
          id={`${id}-meet`}
          value={f.meeting}
          placeholder="vjlcf-2025/meeting-id"
          onChange={(e) => set('meeting')(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-ps`}>{t('editor.plannedStart')}</label>
        <input
          id={`${id}-ps`}
          type="date"
          value={f.plannedStart}
          onChange={(e) => set('plannedStart')(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-pe`}>{t('editor.plannedEnd')}</label>
        <input
          id={`${id}-pe`}
          type="date"
          value={f.plannedEnd}
          onChange={(e) => set('plannedEnd')(e.target.value)}
        />
      </div>
      <div className="field buttons">
        <button type="submit" disabled={!f.title || !f.lead}>
          {t('editor.create')}
        </button>
      </div>
      {error && <ErrorNote error={error} />}
    </form>
  );
}

/** Forms for the localities' editors (the server decides what each may write; a visitor sees none). */
export function EditorPanel({ cycle }: { cycle: Dashboard['cycle'] }) {
  const { t } = useFt();
  const { user } = useAuth();
  if (!user) return null;
  return (
    <Section id="ft-editor" title={t('editor.heading')}>
      <PriorityFieldsForm cycleId={cycle.id} />
      <NewProjectForm cycleId={cycle.id} />
    </Section>
  );
}

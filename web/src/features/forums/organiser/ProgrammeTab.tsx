/**
 * The programme being written (`GET …/draft`): rooms with their booths, speakers, sessions.
 * Every write is checked by the server against the programme's rules; what it refuses is named
 * at its field, in the reader's language, with the session it clashes with.
 */
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type {
  DraftProgramme,
  DraftSession,
  Room,
  Speaker,
} from '../../../../../src/features/forums/editing/schemas.ts';
import { queryClient, queryKeyOf } from '../../../api/cache.ts';
import { api, useApi } from '../../../api/client.ts';
import type { Lang } from '../../../api/types.ts';
import { ErrorNote, Loading } from '../../../components/common.tsx';
import { sectorOptions } from '../../../components/ListPage.tsx';
import { pick, Text } from '../texts.tsx';
import {
  at,
  cleanTexts,
  etagOf,
  type Failure,
  FailureNote,
  Field,
  type FieldProblem,
  failureOf,
  hasText,
  LANGS,
  TextsInput,
  type TextsValue,
  useFieldText,
} from './forms.tsx';
import { type ForumT, useKept } from './OrganisePage.tsx';
import { forumDays, OtherTime, Span, toInstant, wallOf } from './times.tsx';

type DraftT = z.infer<typeof DraftProgramme>;
type RoomT = z.infer<typeof Room>;
type SpeakerT = z.infer<typeof Speaker>;
type SessionT = z.infer<typeof DraftSession>;

export const PAIRS = ['vi>ja', 'ja>vi', 'vi>en', 'en>vi', 'ja>en', 'en>ja', 'en'];
const KINDS = ['plenary', 'thematic', 'exhibition', 'meetings', 'ceremony', 'visit', 'break'] as const;

/** An id made safe for an element's id. */
const safeId = (id: string) => id.replace(/[^a-z0-9-]/gi, '-');

const base = (forum: ForumT) => `/api/forums/${encodeURIComponent(forum.id)}`;

/** A pair as people read it: `tiếng Việt → tiếng Nhật`, or the English relay. */
function usePairLabel() {
  const { t } = useTranslation('forumOrganiser');
  return (p: string) =>
    p === 'en'
      ? t('relay')
      : p
          .split('>')
          .map((l) => t(`lang.${l}`))
          .join(' → ');
}

function useTitleOf(draft: DraftT) {
  const { i18n } = useTranslation();
  const lang = (i18n.resolvedLanguage ?? 'en') as Lang;
  return (id: string) => {
    const s = draft.sessions.find((x) => x.id === id);
    return s ? pick(s.title, lang)?.text : undefined;
  };
}

/** Runs one write; keeps its failure for the form; `onDone` after success. */
export function useWrite(onDone: () => void) {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);
  const run = async (path: string, init: { method: string; body?: unknown; ifMatch?: string | null }) => {
    setBusy(true);
    setFailure(null);
    try {
      await api(path, init);
      // The forum's reads were forgotten by the write: wait for them again, so that the form
      // closes onto the programme as it now is, not onto what it was a moment ago.
      await queryClient.refetchQueries({ queryKey: queryKeyOf(path).slice(0, 3), type: 'active' });
      onDone();
    } catch (err) {
      setFailure(failureOf(err));
    } finally {
      setBusy(false);
    }
  };
  return { busy, failure, setFailure, run };
}

function Checks({
  legend,
  options,
  chosen,
  onChange,
  errors,
  text,
  name,
}: {
  legend: string;
  options: { value: string; label: string }[];
  chosen: string[];
  onChange: (v: string[]) => void;
  errors: FieldProblem[];
  text: (e: FieldProblem) => string;
  name: string;
}) {
  return (
    <fieldset className="group" data-field={name}>
      <legend>{legend}</legend>
      <div className="checks">
        {options.map((o) => (
          <label key={o.value}>
            <input
              type="checkbox"
              name={name}
              value={o.value}
              checked={chosen.includes(o.value)}
              aria-invalid={
                errors.some((e) => e.path === `${name}.${chosen.indexOf(o.value)}`) ? true : undefined
              }
              onChange={(e) =>
                onChange(e.target.checked ? [...chosen, o.value] : chosen.filter((x) => x !== o.value))
              }
            />
            {o.label}
          </label>
        ))}
      </div>
      {errors.length > 0 && (
        <div className="field-error" role="status">
          {errors.map((e) => (
            <p key={`${e.path}:${e.code}`} className="field-error" data-path={e.path}>
              {text(e)}
            </p>
          ))}
        </div>
      )}
    </fieldset>
  );
}

// ————— rooms —————

function RoomForm({ forum, room, onDone }: { forum: ForumT; room: RoomT | null; onDone: () => void }) {
  const { t } = useTranslation('forumOrganiser');
  const text = useFieldText();
  const pairLabel = usePairLabel();
  const [name, setName] = useState<TextsValue>(room?.name ?? {});
  const [capacity, setCapacity] = useState(room?.capacity ? String(room.capacity) : '');
  const [booths, setBooths] = useState<string[]>(room?.booths ?? []);
  const { busy, failure, run } = useWrite(onDone);
  const errors = failure?.errors ?? [];
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body = { name: cleanTexts(name), capacity: capacity.trim() ? Number(capacity) : null, booths };
    if (room)
      void run(`${base(forum)}/rooms/${encodeURIComponent(room.id)}`, {
        method: 'PATCH',
        body,
        ifMatch: etagOf(room.version),
      });
    else void run(`${base(forum)}/rooms`, { method: 'POST', body });
  };
  return (
    <form className="form" onSubmit={submit} noValidate aria-label={room ? t('room.edit') : t('room.add')}>
      <TextsInput
        name={room ? `room-${safeId(room.id)}-name` : 'room-name'}
        label={t('room.name')}
        value={name}
        onChange={setName}
        errors={at(errors, 'name')}
      />
      <Field label={t('room.capacity')} errors={at(errors, 'capacity')}>
        {(p) => (
          <input
            {...p}
            name="room-capacity"
            type="number"
            min={1}
            inputMode="numeric"
            value={capacity}
            onChange={(e) => setCapacity(e.target.value)}
          />
        )}
      </Field>
      <Checks
        legend={t('room.booths')}
        name="booths"
        options={PAIRS.map((p) => ({ value: p, label: pairLabel(p) }))}
        chosen={booths}
        onChange={setBooths}
        errors={at(errors, 'booths')}
        text={text}
      />
      <FailureNote failure={failure} onReload={onDone} />
      <div className="form-actions">
        <button type="submit" disabled={busy}>
          {room ? t('save') : t('room.add')}
        </button>
        {room && (
          <button type="button" className="secondary" onClick={onDone}>
            {t('cancel')}
          </button>
        )}
      </div>
    </form>
  );
}

function Rooms({ forum, draft }: { forum: ForumT; draft: DraftT }) {
  const { t } = useTranslation('forumOrganiser');
  const pairLabel = usePairLabel();
  const [editing, setEditing] = useState<string | null>(null);
  const [adding, setAdding] = useState(0);
  const { failure, run } = useWrite(() => setEditing(null));
  return (
    <section aria-labelledby="rooms-h">
      <h3 id="rooms-h">{t('room.title')}</h3>
      {draft.rooms.length === 0 && <p className="muted">{t('room.none')}</p>}
      <ul className="item-list">
        {draft.rooms.map((r) =>
          editing === r.id ? (
            <li key={r.id}>
              <RoomForm forum={forum} room={r} onDone={() => setEditing(null)} />
            </li>
          ) : (
            <li key={r.id} className="room-item">
              <strong>
                <Text value={r.name} />
              </strong>
              {r.capacity !== null && ` · ${t('room.seats', { count: r.capacity })}`}
              <p className="muted">
                {t('room.booths')}: {r.booths.length ? r.booths.map(pairLabel).join(', ') : t('room.noBooth')}
              </p>
              <div className="actions">
                <button type="button" onClick={() => setEditing(r.id)}>
                  {t('edit')}
                </button>
                <button
                  type="button"
                  className="secondary"
                  onClick={() =>
                    void run(`${base(forum)}/rooms/${encodeURIComponent(r.id)}`, {
                      method: 'DELETE',
                      ifMatch: etagOf(r.version),
                    })
                  }
                >
                  {t('delete')}
                </button>
              </div>
            </li>
          ),
        )}
      </ul>
      <FailureNote failure={failure} />
      <h4>{t('room.add')}</h4>
      <RoomForm key={adding} forum={forum} room={null} onDone={() => setAdding((n) => n + 1)} />
    </section>
  );
}

// ————— speakers —————

function SpeakerForm({
  forum,
  speaker,
  onDone,
}: {
  forum: ForumT;
  speaker: SpeakerT | null;
  onDone: () => void;
}) {
  const { t } = useTranslation('forumOrganiser');
  const [native, setNative] = useState(speaker?.name.native ?? '');
  const [latin, setLatin] = useState(speaker?.name.latin ?? '');
  const [position, setPosition] = useState<TextsValue>(speaker?.position ?? {});
  const [party, setParty] = useState<TextsValue>(speaker?.party ?? {});
  const [email, setEmail] = useState(speaker?.email ?? '');
  const [language, setLanguage] = useState<string>(speaker?.language ?? '');
  const { busy, failure, run } = useWrite(onDone);
  const errors = failure?.errors ?? [];
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body = {
      name: {
        ...(native.trim() ? { native: native.trim() } : {}),
        ...(latin.trim() ? { latin: latin.trim() } : {}),
      },
      position: cleanTexts(position),
      party: cleanTexts(party),
      email: email.trim() || null,
      language: language || null,
    };
    if (speaker)
      void run(`${base(forum)}/speakers/${encodeURIComponent(speaker.id)}`, {
        method: 'PATCH',
        body,
        ifMatch: etagOf(speaker.version),
      });
    else void run(`${base(forum)}/speakers`, { method: 'POST', body });
  };
  return (
    <form
      className="form"
      onSubmit={submit}
      noValidate
      aria-label={speaker ? t('speaker.edit') : t('speaker.add')}
    >
      <p className="hint">{t('speaker.nameHint')}</p>
      <div className="row">
        <Field label={t('speaker.native')} errors={at(errors, 'name')}>
          {(p) => (
            <input {...p} name="speaker-native" value={native} onChange={(e) => setNative(e.target.value)} />
          )}
        </Field>
        <Field label={t('speaker.latin')}>
          {(p) => (
            <input {...p} name="speaker-latin" value={latin} onChange={(e) => setLatin(e.target.value)} />
          )}
        </Field>
      </div>
      <TextsInput
        name={speaker ? `speaker-${safeId(speaker.id)}-position` : 'speaker-position'}
        label={t('speaker.position')}
        value={position}
        onChange={setPosition}
        errors={at(errors, 'position')}
      />
      <TextsInput
        name={speaker ? `speaker-${safeId(speaker.id)}-party` : 'speaker-party'}
        label={t('speaker.party')}
        value={party}
        onChange={setParty}
        errors={at(errors, 'party')}
      />
      <div className="row">
        <Field label={t('speaker.email')} hint={t('speaker.emailHint')} errors={at(errors, 'email')}>
          {(p) => (
            <input
              {...p}
              type="email"
              name="speaker-email"
              autoComplete="off"
              value={email}
              onChange={(e) => setEmail(e.target.value)}
            />
          )}
        </Field>
        <Field label={t('speaker.language')} errors={at(errors, 'language')}>
          {(p) => (
            <select
              {...p}
              name="speaker-language"
              value={language}
              onChange={(e) => setLanguage(e.target.value)}
            >
              <option value="">{t('none')}</option>
              {LANGS.map((l) => (
                <option key={l} value={l}>
                  {t(`lang.${l}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <FailureNote failure={failure} onReload={onDone} />
      <div className="form-actions">
        <button type="submit" disabled={busy}>
          {speaker ? t('save') : t('speaker.add')}
        </button>
        {speaker && (
          <button type="button" className="secondary" onClick={onDone}>
            {t('cancel')}
          </button>
        )}
      </div>
    </form>
  );
}

export const speakerName = (s: { name: { native?: string; latin?: string } }) =>
  s.name.native && s.name.latin && s.name.native !== s.name.latin
    ? `${s.name.native} (${s.name.latin})`
    : (s.name.native ?? s.name.latin ?? '');

function Speakers({ forum, draft }: { forum: ForumT; draft: DraftT }) {
  const { t } = useTranslation('forumOrganiser');
  const [editing, setEditing] = useState<string | null>(null);
  const [adding, setAdding] = useState(0);
  const { failure, run } = useWrite(() => setEditing(null));
  return (
    <section aria-labelledby="speakers-h">
      <h3 id="speakers-h">{t('speaker.title')}</h3>
      {draft.speakers.length === 0 && <p className="muted">{t('speaker.none')}</p>}
      <ul className="item-list">
        {draft.speakers.map((s) =>
          editing === s.id ? (
            <li key={s.id}>
              <SpeakerForm forum={forum} speaker={s} onDone={() => setEditing(null)} />
            </li>
          ) : (
            <li key={s.id} className="speaker-item">
              <strong>{speakerName(s)}</strong>
              {Object.keys(s.position).length > 0 && (
                <>
                  {' – '}
                  <Text value={s.position} />
                </>
              )}
              {Object.keys(s.party).length > 0 && (
                <>
                  {', '}
                  <Text value={s.party} />
                </>
              )}
              <p className="muted">
                {s.email ?? t('speaker.noEmail')}
                {s.language && ` · ${t(`lang.${s.language}`)}`}
              </p>
              <div className="actions">
                <button type="button" onClick={() => setEditing(s.id)}>
                  {t('edit')}
                </button>
                <button
                  type="button"
                  className="secondary"
                  onClick={() =>
                    void run(`${base(forum)}/speakers/${encodeURIComponent(s.id)}`, {
                      method: 'DELETE',
                      ifMatch: etagOf(s.version),
                    })
                  }
                >
                  {t('delete')}
                </button>
              </div>
            </li>
          ),
        )}
      </ul>
      <FailureNote failure={failure} />
      <h4>{t('speaker.add')}</h4>
      <SpeakerForm key={adding} forum={forum} speaker={null} onDone={() => setAdding((n) => n + 1)} />
    </section>
  );
}

// ————— sessions —————

function SessionForm({
  forum,
  draft,
  session,
  onDone,
}: {
  forum: ForumT;
  draft: DraftT;
  session: SessionT | null;
  onDone: () => void;
}) {
  const { t, i18n } = useTranslation('forumOrganiser');
  const lang = (i18n.resolvedLanguage ?? 'en') as Lang;
  const titleOf = useTitleOf(draft);
  const text = useFieldText(titleOf);
  const pairLabel = usePairLabel();
  const days = forumDays(forum.firstDay, forum.lastDay);
  const startWall = session ? wallOf(session.start, forum.zone) : { day: days[0] ?? '', clock: '09:00' };
  const endWall = session ? wallOf(session.end, forum.zone) : { day: days[0] ?? '', clock: '10:00' };
  const [kind, setKind] = useState<string>(session?.kind ?? 'thematic');
  const [title, setTitle] = useState<TextsValue>(session?.title ?? {});
  const [abstract, setAbstract] = useState<TextsValue>(session?.abstract ?? {});
  const [themes, setThemes] = useState<string[]>(session?.themes ?? []);
  const [roomId, setRoomId] = useState(session?.roomId ?? '');
  const [day, setDay] = useState(startWall.day);
  const [start, setStart] = useState(startWall.clock);
  const [end, setEnd] = useState(endWall.clock);
  const [floor, setFloor] = useState<string>(session?.floorLanguage ?? '');
  const [interpretation, setInterpretation] = useState<string[]>(session?.interpretation ?? []);
  const [speakerIds, setSpeakerIds] = useState<string[]>(session?.speakerIds ?? []);
  const [capacity, setCapacity] = useState(session?.capacity ? String(session.capacity) : '');
  const { busy, failure, run } = useWrite(onDone);
  const errors = failure?.errors ?? [];
  const startIso = toInstant(day, start, forum.zone);
  const endIso = toInstant(day, end, forum.zone);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body = {
      kind,
      title: cleanTexts(title),
      abstract: cleanTexts(abstract),
      themes,
      roomId: roomId || null,
      start: startIso ?? '',
      end: endIso ?? '',
      floorLanguage: floor || null,
      interpretation,
      speakerIds,
      capacity: capacity.trim() ? Number(capacity) : null,
    };
    if (session)
      void run(`${base(forum)}/sessions/${encodeURIComponent(session.id)}`, {
        method: 'PATCH',
        body,
        ifMatch: etagOf(session.version),
      });
    else void run(`${base(forum)}/sessions`, { method: 'POST', body });
  };
  const prefix = session ? `s-${safeId(session.id)}` : 'session';
  return (
    <form
      className="form session-form"
      onSubmit={submit}
      noValidate
      aria-label={session ? t('session.edit') : t('session.add')}
    >
      <Field label={t('session.kind')} errors={at(errors, 'kind')}>
        {(p) => (
          <select {...p} name="session-kind" value={kind} onChange={(e) => setKind(e.target.value)}>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`kind.${k}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <TextsInput
        name={`${prefix}-title`}
        label={t('session.titleField')}
        value={title}
        onChange={setTitle}
        errors={at(errors, 'title')}
        text={text}
      />
      <details open={hasText(abstract) || at(errors, 'abstract').length > 0}>
        <summary>{t('session.abstract')}</summary>
        <TextsInput
          name={`${prefix}-abstract`}
          label={t('session.abstract')}
          value={abstract}
          onChange={setAbstract}
          errors={at(errors, 'abstract')}
          text={text}
          multiline
        />
      </details>
      <div className="row">
        <Field label={t('session.day')} errors={at(errors, 'start')} text={text}>
          {(p) => (
            <select {...p} name="session-day" value={day} onChange={(e) => setDay(e.target.value)}>
              {[...new Set([...days, day])].map((d) => (
                <option key={d} value={d}>
                  {d}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('session.start', { zone: forum.zone })} text={text}>
          {(p) => (
            <>
              <input
                {...p}
                type="time"
                name="session-start"
                value={start}
                required
                onChange={(e) => setStart(e.target.value)}
              />
              <OtherTime iso={startIso} zone={forum.zone} />
            </>
          )}
        </Field>
        <Field label={t('session.end', { zone: forum.zone })} errors={at(errors, 'end')} text={text}>
          {(p) => (
            <>
              <input
                {...p}
                type="time"
                name="session-end"
                value={end}
                required
                onChange={(e) => setEnd(e.target.value)}
              />
              <OtherTime iso={endIso} zone={forum.zone} />
            </>
          )}
        </Field>
      </div>
      <div className="row">
        <Field label={t('session.room')} errors={at(errors, 'roomId')} text={text}>
          {(p) => (
            <select {...p} name="session-room" value={roomId} onChange={(e) => setRoomId(e.target.value)}>
              <option value="">{t('none')}</option>
              {draft.rooms.map((r) => (
                <option key={r.id} value={r.id}>
                  {pick(r.name, lang)?.text ?? r.id}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('session.floor')} errors={at(errors, 'floorLanguage')} text={text}>
          {(p) => (
            <select {...p} name="session-floor" value={floor} onChange={(e) => setFloor(e.target.value)}>
              <option value="">{t('none')}</option>
              {LANGS.map((l) => (
                <option key={l} value={l}>
                  {t(`lang.${l}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('session.capacity')} errors={at(errors, 'capacity')} text={text}>
          {(p) => (
            <input
              {...p}
              type="number"
              min={1}
              inputMode="numeric"
              name="session-capacity"
              value={capacity}
              onChange={(e) => setCapacity(e.target.value)}
            />
          )}
        </Field>
      </div>
      <Checks
        legend={t('session.interpretation')}
        name="interpretation"
        options={PAIRS.map((p) => ({ value: p, label: pairLabel(p) }))}
        chosen={interpretation}
        onChange={setInterpretation}
        errors={at(errors, 'interpretation')}
        text={text}
      />
      <Checks
        legend={t('session.speakers')}
        name="speakerIds"
        options={draft.speakers.map((s) => ({ value: s.id, label: speakerName(s) }))}
        chosen={speakerIds}
        onChange={setSpeakerIds}
        errors={at(errors, 'speakerIds')}
        text={text}
      />
      <details open={themes.length > 0 || at(errors, 'themes').length > 0}>
        <summary>
          {t('session.themes')}
          {themes.length > 0 && ` (${themes.length})`}
        </summary>
        <Checks
          legend={t('session.themesLegend')}
          name="themes"
          options={sectorOptions(lang)}
          chosen={themes}
          onChange={setThemes}
          errors={at(errors, 'themes')}
          text={text}
        />
      </details>
      <FailureNote failure={failure} onReload={onDone} />
      <div className="form-actions">
        <button type="submit" disabled={busy}>
          {session ? t('save') : t('session.add')}
        </button>
        {session && (
          <button type="button" className="secondary" onClick={onDone}>
            {t('cancel')}
          </button>
        )}
      </div>
    </form>
  );
}

function Sessions({ forum, draft }: { forum: ForumT; draft: DraftT }) {
  const { t, i18n } = useTranslation('forumOrganiser');
  const lang = (i18n.resolvedLanguage ?? 'en') as Lang;
  const [editing, setEditing] = useState<string | null>(null);
  const [adding, setAdding] = useState(0);
  const { failure, run } = useWrite(() => setEditing(null));
  return (
    <section aria-labelledby="sessions-h">
      <h3 id="sessions-h">{t('session.title')}</h3>
      <p className="muted">{t('session.zoneNote', { zone: forum.zone })}</p>
      {draft.sessions.length === 0 && <p className="muted">{t('session.none')}</p>}
      <ul className="item-list">
        {draft.sessions.map((s) =>
          editing === s.id ? (
            <li key={s.id}>
              <SessionForm forum={forum} draft={draft} session={s} onDone={() => setEditing(null)} />
            </li>
          ) : (
            <li key={s.id} className={`session-item${s.cancelled ? ' cancelled' : ''}`} data-session={s.id}>
              <p>
                <Span start={s.start} end={s.end} zone={forum.zone} /> · {t(`kind.${s.kind}`)}
                {s.cancelled && <strong> · {t('session.cancelled')}</strong>}
              </p>
              <Text as="p" value={s.title} />
              <p className="muted">
                {s.roomId && (
                  <>
                    {t('session.room')}:{' '}
                    {pick(draft.rooms.find((r) => r.id === s.roomId)?.name, lang)?.text ?? s.roomId}
                  </>
                )}
                {s.speakerIds.length > 0 &&
                  ` · ${t('session.speakers')}: ${s.speakerIds
                    .map((id) => draft.speakers.find((x) => x.id === id))
                    .filter((x) => x !== undefined)
                    .map(speakerName)
                    .join('; ')}`}
              </p>
              {!s.cancelled && (
                <div className="actions">
                  <button type="button" onClick={() => setEditing(s.id)}>
                    {t('edit')}
                  </button>
                  <button
                    type="button"
                    className="secondary"
                    onClick={() =>
                      void run(`${base(forum)}/sessions/${encodeURIComponent(s.id)}`, {
                        method: 'DELETE',
                        ifMatch: etagOf(s.version),
                      })
                    }
                  >
                    {t('session.remove')}
                  </button>
                </div>
              )}
            </li>
          ),
        )}
      </ul>
      <FailureNote failure={failure} />
      <h4>{t('session.add')}</h4>
      <SessionForm
        key={adding}
        forum={forum}
        draft={draft}
        session={null}
        onDone={() => setAdding((n) => n + 1)}
      />
    </section>
  );
}

/** Every broken rule of the programme as it stands, each with the session it names. */
export function Problems({ draft }: { draft: DraftT }) {
  const { t, i18n } = useTranslation('forumOrganiser');
  const lang = (i18n.resolvedLanguage ?? 'en') as Lang;
  const titleOf = useTitleOf(draft);
  const text = useFieldText(titleOf);
  const problems = draft.conflicts as unknown as FieldProblem[];
  if (!problems.length)
    return (
      <p className="success" role="status">
        {t('draft.clean')}
      </p>
    );
  return (
    <div className="notice problems" role="status">
      <p>{t('draft.problems', { count: problems.length })}</p>
      <ul>
        {problems.map((p) => {
          const self = /session (\S+) /.exec(p.message)?.[1];
          const room = /^room (\S+) /.exec(p.message)?.[1];
          const speaker = /^speaker (\S+) /.exec(p.message)?.[1];
          const where =
            p.code === 'room_overlap' && room
              ? (pick(draft.rooms.find((r) => r.id === room)?.name, lang)?.text ?? room)
              : p.code === 'speaker_overlap' && speaker
                ? speakerName(draft.speakers.find((x) => x.id === speaker) ?? { name: { latin: speaker } })
                : self
                  ? (titleOf(self) ?? self)
                  : '';
          return (
            <li key={`${p.path}:${p.message}`}>
              {where && `${where}: `}
              {text(p)}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

export function useDraft(forum: ForumT) {
  const state = useApi<DraftT>(`${base(forum)}/draft`);
  return { ...useKept(state), error: state.error };
}

export function ProgrammeTab({ forum }: { forum: ForumT }) {
  const { t } = useTranslation('forumOrganiser');
  const { data: draft, error } = useDraft(forum);
  if (!draft) return error ? <ErrorNote error={error} /> : <Loading />;
  return (
    <section aria-labelledby="programme-h">
      <h2 id="programme-h">{t('tab.programme')}</h2>
      <Problems draft={draft} />
      <Rooms forum={forum} draft={draft} />
      <Speakers forum={forum} draft={draft} />
      <Sessions forum={forum} draft={draft} />
    </section>
  );
}

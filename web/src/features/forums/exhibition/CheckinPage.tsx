import jsQRModule from 'jsqr';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { Checkin } from '../../../../../src/features/forums/exhibition/schemas.ts';
import type { Forum } from '../../../../../src/features/forums/schemas.ts';
import { ApiError, api, useApi } from '../../../api/client.ts';
import { PageTitle } from '../../../components/common.tsx';
import { JAPAN, VIETNAM, ZonedTime } from '../../../components/ZonedTime.tsx';
import { Link } from '../../../router.tsx';
import '../i18n.ts';
import { Text } from '../texts.tsx';
import './i18n.ts';
import { Problems } from './Problems.tsx';

type CheckinT = z.infer<typeof Checkin>;
type ForumT = z.infer<typeof Forum>;
type Decode = (data: Uint8ClampedArray, w: number, h: number) => { data: string } | null;
// jsqr is CommonJS: its function is the module or its default, depending on the bundler.
const jsQR = ((jsQRModule as unknown as { default?: Decode }).default ?? jsQRModule) as unknown as Decode;

/**
 * Reads QR codes from the phone's camera: frames go to a canvas a few times a second and jsqr looks
 * for a code in them. The same code is not sent twice within a few seconds (a badge held up stays
 * in the picture).
 */
function Scanner({ onCode }: { onCode: (code: string) => void }) {
  const { t } = useTranslation('exhibition');
  const video = useRef<HTMLVideoElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const [stream, setStream] = useState<MediaStream | null>(null);
  const [failed, setFailed] = useState(false);
  const last = useRef({ code: '', at: 0 });
  useEffect(() => {
    if (!stream) return;
    const v = video.current!;
    v.srcObject = stream;
    void v.play().catch(() => {});
    const timer = window.setInterval(() => {
      const c = canvas.current;
      if (!c || v.readyState < 2 || !v.videoWidth) return;
      c.width = v.videoWidth;
      c.height = v.videoHeight;
      const ctx = c.getContext('2d', { willReadFrequently: true });
      if (!ctx) return;
      ctx.drawImage(v, 0, 0, c.width, c.height);
      const found = jsQR(ctx.getImageData(0, 0, c.width, c.height).data, c.width, c.height);
      const now = Date.now();
      if (found?.data && (found.data !== last.current.code || now - last.current.at > 4000)) {
        last.current = { code: found.data, at: now };
        onCode(found.data);
      }
    }, 250);
    return () => {
      window.clearInterval(timer);
      for (const track of stream.getTracks()) track.stop();
    };
  }, [stream, onCode]);
  const start = async () => {
    setFailed(false);
    try {
      setStream(
        await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false }),
      );
    } catch {
      setFailed(true);
    }
  };
  return (
    <section aria-labelledby="scan">
      <h2 id="scan">{t('scan')}</h2>
      {stream ? (
        <button type="button" onClick={() => setStream(null)}>
          {t('stopCamera')}
        </button>
      ) : (
        <button type="button" onClick={start}>
          {t('startCamera')}
        </button>
      )}
      {failed && <p role="alert">{t('noCamera')}</p>}
      <video
        ref={video}
        muted
        playsInline
        aria-label={t('camera')}
        hidden={!stream}
        style={{ width: '100%', maxWidth: '480px', display: stream ? 'block' : 'none' }}
      />
      <canvas ref={canvas} hidden />
    </section>
  );
}

function Result({ r, zone }: { r: CheckinT; zone: string }) {
  const { t } = useTranslation('exhibition');
  const when = <ZonedTime at={r.checkedInAt} first={zone === JAPAN ? JAPAN : VIETNAM} />;
  return (
    <section className={`checkin-result ${r.already ? 'already' : 'welcome'}`} aria-labelledby="checkin-name">
      <h2 id="checkin-name">
        {r.name.native && <span>{r.name.native}</span>}
        {r.name.latin && r.name.latin !== r.name.native && <span lang="en"> ({r.name.latin})</span>}
      </h2>
      <p>
        <strong>
          {r.already ? t('already') : t('welcome')} {when}
        </strong>
      </p>
      <dl className="facts">
        <dt>{t(r.kind)}</dt>
        <dd>{r.delegation ? <Text value={r.delegation.party} /> : '—'}</dd>
        {Object.keys(r.position).length > 0 && (
          <>
            <dt>{t('position')}</dt>
            <dd>
              <Text value={r.position} />
            </dd>
          </>
        )}
        <dt>{t('dietary')}</dt>
        <dd>{r.dietary || t('none')}</dd>
        <dt>{t('accessibility')}</dt>
        <dd>{r.accessibility || t('none')}</dd>
      </dl>
    </section>
  );
}

/** At the door: scan a badge (or type its code); the person is checked in once, their needs shown. */
export function CheckinPage({ params }: { params: Record<string, string> }) {
  const { t } = useTranslation('exhibition');
  const forumId = encodeURIComponent(params.id ?? '');
  const forum = useApi<ForumT>(`/api/forums/${forumId}`);
  const [result, setResult] = useState<CheckinT | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const codeId = useId();
  const send = useRef(async (code: string) => {
    setError(null);
    try {
      const { data } = await api<CheckinT>(`/api/forums/${forumId}/checkins`, {
        method: 'POST',
        body: { code },
      });
      setResult(data);
    } catch (err) {
      setResult(null);
      setError(err instanceof ApiError ? err : new ApiError(0, { status: 0, code: 'network' }));
    }
  }).current;
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const code = String(new FormData(e.currentTarget).get('code') ?? '').trim();
    if (code) void send(code);
  };
  return (
    <article className="checkin">
      <PageTitle>
        {t('checkin')}
        {forum.data && (
          <>
            {' · '}
            <Text value={forum.data.title} />
          </>
        )}
      </PageTitle>
      <p>
        <Link to={`/forums/${forumId}/exhibition`}>{t('title')}</Link>
      </p>
      <Scanner onCode={send} />
      <form onSubmit={submit} aria-labelledby="type-code">
        <h2 id="type-code">{t('typeCode')}</h2>
        <div className="field">
          <label htmlFor={codeId}>{t('badgeCode')}</label>
          <input
            id={codeId}
            name="code"
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            maxLength={64}
            required
          />
        </div>
        <button type="submit">{t('checkIn')}</button>
      </form>
      <div aria-live="polite">
        {result && <Result r={result} zone={forum.data?.zone ?? VIETNAM} />}
        <Problems error={error} />
      </div>
    </article>
  );
}

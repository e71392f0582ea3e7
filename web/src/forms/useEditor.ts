import { useCallback, useEffect, useMemo, useState } from 'react';
import { ApiError, api } from '../api/client.ts';
import type { Issue } from './issues.ts';

/** The top-level fields of `next` that differ from `base` (compared as JSON). */
export function changedFields(base: unknown, next: unknown): Record<string, unknown> {
  const b = base as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(next as Record<string, unknown>)) {
    if (JSON.stringify(v) !== JSON.stringify(b[k])) out[k] = v;
  }
  return out;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * A list the user edited, replayed on the latest version of it: the items they changed (by
 * position) and added, without the ones they removed; the others' additions stay.
 */
function mergeList(base: unknown[], mine: unknown[], latest: unknown[]): unknown[] {
  const out = [...latest];
  const removed = base.slice(mine.length);
  for (let i = 0; i < Math.min(base.length, mine.length); i++) {
    if (same(base[i], mine[i])) continue;
    const at = out.findIndex((x) => same(x, base[i]));
    if (at >= 0) out[at] = mine[i];
    else out.push(mine[i]);
  }
  for (const item of mine.slice(base.length)) out.push(item);
  return out.filter((x) => !removed.some((r) => same(r, x)));
}

/**
 * The user's draft replayed on the latest version of the record: each field they changed
 * takes their value (lists are merged item by item); the others take the latest.
 */
export function replay<D>(base: D, draft: D, latest: D): D {
  const b = base as Record<string, unknown>;
  const l = latest as Record<string, unknown>;
  const out: Record<string, unknown> = { ...l };
  for (const [k, v] of Object.entries(draft as Record<string, unknown>)) {
    if (same(v, b[k])) continue;
    out[k] =
      Array.isArray(v) && Array.isArray(b[k]) && Array.isArray(l[k])
        ? mergeList(b[k] as unknown[], v, l[k] as unknown[])
        : v;
  }
  return out as D;
}

// Unsaved input survives a reload of the page: kept in sessionStorage (this tab only) until saved.
interface Stored<D> {
  draft: D;
  etag: string | null;
}
const readStored = <D>(key: string): Stored<D> | null => {
  try {
    const raw = sessionStorage.getItem(key);
    return raw ? (JSON.parse(raw) as Stored<D>) : null;
  } catch {
    return null;
  }
};
const writeStored = (key: string, value: unknown | null) => {
  try {
    if (value === null) sessionStorage.removeItem(key);
    else sessionStorage.setItem(key, JSON.stringify(value));
  } catch {
    // Storage full or refused: the draft stays on screen, only not across a reload.
  }
};

interface Versioned {
  id: string;
  version: number;
}

export interface EditorOptions<R extends Versioned, D> {
  /** The record to edit, or undefined to create one. */
  id: string | undefined;
  apiBase: string;
  empty: D;
  fromRecord: (r: R) => D;
  /** Validates with the shared zod schema; `body` is what to send when there are no issues. */
  validate: (d: D, creating: boolean) => { body: unknown; issues: Issue[] };
  /**
   * Fields an update always sends. An update schema whose optional fields carry a zod
   * `.default()` fills the default in when the field is absent (zod 4 applies defaults inside
   * `.optional()`), so leaving them out of a PATCH would reset them on the server.
   */
  alwaysSend?: readonly string[];
  /**
   * A record kept under an id that already exists elsewhere (a locality's partner profile):
   * a 404 on opening starts an empty draft, and saving sends the whole draft with PUT, with
   * `If-Match` once the record exists and none to create it.
   */
  put?: boolean;
}

/**
 * The state of an edit form: the draft, its issues as the user types (with the shared zod
 * schema), the server's problems by field path, and the version the edit started from.
 * Saving sends `If-Match` with that version; a 412 turns into `conflict` and nothing is
 * overwritten until the user reloads the newer version.
 */
export function useEditor<R extends Versioned, D>(opts: EditorOptions<R, D>) {
  const { id, apiBase, empty, fromRecord, validate, alwaysSend = [], put = false } = opts;
  const creating = id === undefined;
  const [draft, setDraftState] = useState<D>(empty);
  const [etag, setEtag] = useState<string | null>(null);
  const [record, setRecord] = useState<R | null>(null);
  const [loading, setLoading] = useState(!creating);
  const [loadError, setLoadError] = useState<ApiError | null>(null);
  const [touched, setTouched] = useState<Set<string>>(new Set());
  const [submitted, setSubmitted] = useState(false);
  const [serverIssues, setServerIssues] = useState<Issue[]>([]);
  const [formError, setFormError] = useState<ApiError | null>(null);
  const [conflict, setConflict] = useState(false);
  const [saving, setSaving] = useState(false);
  const [restored, setRestored] = useState(false);
  const storageKey = `kizuna.draft:${apiBase}/${id ?? 'new'}`;

  const load = useCallback(async () => {
    const stored = readStored<D>(storageKey);
    if (id === undefined) {
      if (stored) {
        setDraftState(stored.draft);
        setRestored(true);
      }
      return;
    }
    setLoading(true);
    try {
      const r = await api<R>(`${apiBase}/${encodeURIComponent(id)}`);
      setDraftState(fromRecord(r.data));
      setRecord(r.data);
      setEtag(r.etag ?? `"${r.data.version}"`);
      setConflict(false);
      setServerIssues([]);
      setFormError(null);
      setTouched(new Set());
      setSubmitted(false);
      if (stored) {
        // The input of before the page was reloaded, still based on the version it started
        // from: saving it over a newer version is refused like any stale edit.
        setDraftState(stored.draft);
        setEtag(stored.etag);
        setRestored(true);
      }
    } catch (err) {
      if (put && err instanceof ApiError && err.status === 404) {
        setDraftState(stored?.draft ?? empty);
        setRestored(Boolean(stored));
        setRecord(null);
        setEtag(null);
      } else setLoadError(err instanceof ApiError ? err : new ApiError(0, { status: 0, code: 'network' }));
    } finally {
      setLoading(false);
    }
  }, [id, apiBase, fromRecord, put, empty, storageKey]);
  useEffect(() => {
    void load();
  }, [load]);

  /**
   * After a stale-edit refusal: reads the latest version and puts the user's changes back on
   * top of it, so that nothing typed is lost and saving now changes only what they changed.
   */
  const reload = useCallback(async () => {
    if (id === undefined) return;
    try {
      const r = await api<R>(`${apiBase}/${encodeURIComponent(id)}`);
      const latest = fromRecord(r.data);
      const next = record ? replay(fromRecord(record), draft, latest) : latest;
      const mine = !same(next, latest);
      setDraftState(next);
      setRecord(r.data);
      const tag = r.etag ?? `"${r.data.version}"`;
      setEtag(tag);
      setConflict(false);
      setServerIssues([]);
      setFormError(null);
      writeStored(storageKey, mine ? { draft: next, etag: tag } : null);
    } catch (err) {
      setFormError(err instanceof ApiError ? err : new ApiError(0, { status: 0, code: 'network' }));
    }
  }, [id, apiBase, fromRecord, record, draft, storageKey]);

  // Keep what the user typed across a reload of the page, until it is saved.
  useEffect(() => {
    if (touched.size > 0) writeStored(storageKey, { draft, etag });
  }, [draft, touched, etag, storageKey]);

  const { body, issues } = useMemo(() => validate(draft, creating), [validate, draft, creating]);

  /** Changes the draft; `path` marks the field as touched so its issues show from now on. */
  const update = useCallback((path: string, change: (d: D) => D) => {
    setDraftState(change);
    setTouched((s) => (s.has(path) ? s : new Set(s).add(path)));
    setServerIssues((list) => list.filter((i) => !i.path.startsWith(path)));
  }, []);

  /** The issue to show under the field at `path` (client issues once touched, server issues always). */
  const issueAt = (path: string): Issue | undefined => {
    const server = serverIssues.find((i) => i.path === path);
    if (server) return server;
    const visible = submitted || [...touched].some((t) => path === t || path.startsWith(`${t}.`));
    return visible ? issues.find((i) => i.path === path) : undefined;
  };

  const save = async (): Promise<R | null> => {
    setSubmitted(true);
    setFormError(null);
    if (issues.length > 0) return null;
    // An update sends only the fields the user changed: a field the form cannot represent in
    // full (a party's note) then survives an edit of the title.
    const changed = creating || !record ? {} : changedFields(validate(fromRecord(record), false).body, body);
    if (!creating && record && Object.keys(changed).length === 0) return record;
    const all = body as Record<string, unknown>;
    const changes = creating
      ? body
      : { ...Object.fromEntries(alwaysSend.filter((k) => k in all).map((k) => [k, all[k]])), ...changed };
    setSaving(true);
    try {
      const r = creating
        ? await api<R>(apiBase, { method: 'POST', body })
        : await api<R>(`${apiBase}/${encodeURIComponent(id)}`, {
            method: put ? 'PUT' : 'PATCH',
            body: put ? body : changes,
            ifMatch: etag,
          });
      setEtag(r.etag ?? `"${r.data.version}"`);
      setRecord(r.data);
      setTouched(new Set());
      writeStored(storageKey, null);
      setRestored(false);
      return r.data;
    } catch (err) {
      const e = err instanceof ApiError ? err : new ApiError(0, { status: 0, code: 'network' });
      if (e.status === 412) setConflict(true);
      else if (e.problem.errors?.length) setServerIssues(e.problem.errors);
      setFormError(e);
      return null;
    } finally {
      setSaving(false);
    }
  };

  const remove = async (): Promise<boolean> => {
    if (creating) return false;
    try {
      await api(`${apiBase}/${encodeURIComponent(id)}`, { method: 'DELETE', ifMatch: etag });
      writeStored(storageKey, null);
      return true;
    } catch (err) {
      const e = err instanceof ApiError ? err : new ApiError(0, { status: 0, code: 'network' });
      if (e.status === 412) setConflict(true);
      setFormError(e);
      return false;
    }
  };

  const unplaced = serverIssues.filter((i) => !/^[a-zA-Z]/.test(i.path ?? ''));
  return {
    creating,
    /** The record as last read or saved; null while creating (or before a PUT record exists). */
    record,
    draft,
    update,
    issueAt,
    issues,
    submitted,
    save,
    remove,
    saving,
    loading,
    loadError,
    formError,
    conflict,
    reload,
    /** The draft was restored from before a reload of the page (not saved yet). */
    restored,
    /** Forgets the unsaved input and shows the record as stored. */
    discard: async () => {
      writeStored(storageKey, null);
      setRestored(false);
      await load();
    },
    unplaced,
  };
}

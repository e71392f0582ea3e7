import { useEffect, useId, useRef, useState } from 'react';
import { exactlyNamed } from '../../../src/features/localities/names.ts';
import { api } from '../api/client.ts';
import type { Locality, LocalizedText, Organization, Page } from '../api/types.ts';
import { pickText, useLang } from '../i18n/format.ts';
import { withQuery } from '../router.tsx';

export type PickerSource = 'locality' | 'organization' | 'both';

export interface PickOption {
  /** The code of a locality or the id of an organisation. */
  value: string;
  type: 'locality' | 'organization';
  name: LocalizedText;
  country: 'VN' | 'JP';
  /** A locality's kind (Osaka the prefecture and Osaka the city read the same otherwise). */
  kind?: string;
}

const toOption = (i: Locality | Organization): PickOption =>
  'code' in i
    ? { value: i.code, type: 'locality', name: i.name, country: i.country, kind: i.kind }
    : {
        value: i.id,
        type: 'organization',
        name: i.name,
        country: i.localityCode.startsWith('VN') ? 'VN' : 'JP',
      };

/** Localities and/or organisations whose names match what was typed (any language, diacritics optional). */
export async function searchRecords(
  q: string,
  source: PickerSource,
  { country, limit = 10, signal }: { country?: string; limit?: number; signal?: AbortSignal } = {},
): Promise<PickOption[]> {
  const query = { q, country, limit };
  const [l, o] = await Promise.all([
    source !== 'organization' ? api<Page<Locality>>(withQuery('/api/localities', query), { signal }) : null,
    source !== 'locality'
      ? api<Page<Organization>>(withQuery('/api/organizations', query), { signal })
      : null,
  ]);
  return [...(l?.data.items ?? []), ...(o?.data.items ?? [])].map(toOption);
}

/** The record a code or id names, for showing its name (null when it names none). */
export async function recordByCode(value: string, source: PickerSource): Promise<PickOption | null> {
  const tryGet = async (path: string) => {
    try {
      return toOption((await api<Locality | Organization>(path)).data);
    } catch {
      return null;
    }
  };
  const id = encodeURIComponent(value);
  if (!/^[\w-]+$/.test(value)) return null;
  const loc = source !== 'organization' ? await tryGet(`/api/localities/${id}`) : null;
  return loc ?? (source !== 'locality' ? await tryGet(`/api/organizations/${id}`) : null);
}

/**
 * What typed text stands for: the one record with that code, id or name (any script, with or
 * without diacritics, with or without "県"/"Tỉnh"/"City"), or the records it could mean.
 */
export async function resolveTyped(
  text: string,
  source: PickerSource,
  country?: string,
): Promise<{ found: PickOption } | { candidates: PickOption[] }> {
  const v = text.trim();
  if (!v) return { candidates: [] };
  const byCode = await recordByCode(v, source);
  if (byCode) return { found: byCode };
  const options = await searchRecords(v, source, { country, limit: 20 });
  const named = exactlyNamed(
    v,
    options.map((o) => ({ ...o, id: o.value })),
  );
  return named.length === 1 ? { found: named[0] } : { candidates: named };
}

/** The code or id typed text stands for when it names one record; else the text as typed. */
export async function codeOf(text: string, source: PickerSource = 'locality'): Promise<string> {
  const v = text.trim();
  if (!v) return '';
  try {
    const r = await resolveTyped(v, source);
    return 'found' in r ? r.found.value : v;
  } catch {
    return v;
  }
}

/**
 * A combobox for a locality or organisation: type a name in any language and script, pick a
 * suggestion (by mouse or arrow keys and Enter), or leave the field: a name that names one
 * record is taken, and one that could mean several asks which. The value is the record's code
 * or id once known, else the typed text (the server resolves names too). Codes are never shown.
 */
export function LocalityPicker({
  id,
  value,
  onChange,
  country,
  describedBy,
  invalid,
  source = 'locality',
  onPick,
}: {
  id: string;
  value: string;
  onChange: (code: string) => void;
  /** Hears each record chosen (a suggestion, or the one a typed name names). */
  onPick?: (o: PickOption) => void;
  country?: string;
  describedBy?: string;
  invalid?: boolean;
  source?: PickerSource;
}) {
  const { t, text, lang } = useLang();
  const listId = useId();
  const [label, setLabel] = useState('');
  const [options, setOptions] = useState<PickOption[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [choices, setChoices] = useState<PickOption[] | null>(null);
  const [notFound, setNotFound] = useState(false);
  // The value this component last reported or showed, to tell outside changes from ours.
  const known = useRef<{ value: string; label: string; lang?: string } | null>(null);

  // A value set from outside (an existing record, a URL): show its name.
  useEffect(() => {
    if (known.current?.value === value && (!known.current.lang || known.current.lang === lang)) return;
    if (!value) {
      known.current = { value, label: '' };
      setLabel('');
      return;
    }
    let live = true;
    recordByCode(value, source).then((r) => {
      if (!live) return;
      const shown = r ? pickText(r.name, lang) : value;
      known.current = { value, label: shown, lang: r ? lang : undefined };
      setLabel(shown);
    });
    return () => {
      live = false;
    };
  }, [value, source, lang]);

  const query = label;
  useEffect(() => {
    if (!open || !query.trim()) return;
    const ctl = new AbortController();
    const timer = setTimeout(() => {
      searchRecords(query, source, { country, signal: ctl.signal })
        .then((r) => {
          setOptions(r);
          setActive(-1);
        })
        .catch(() => undefined);
    }, 150);
    return () => {
      clearTimeout(timer);
      ctl.abort();
    };
  }, [query, open, country, source]);

  const choose = (o: PickOption) => {
    const shown = text(o.name);
    known.current = { value: o.value, label: shown, lang };
    setLabel(shown);
    setOpen(false);
    setChoices(null);
    setNotFound(false);
    onChange(o.value);
    onPick?.(o);
  };

  const type = (typed: string) => {
    known.current = { value: typed, label: typed };
    setLabel(typed);
    setOpen(true);
    setChoices(null);
    setNotFound(false);
    onChange(typed);
  };

  // Leaving the field with a typed name: take the one record it names, or ask which.
  const settle = async () => {
    setOpen(false);
    const typed = label.trim();
    if (!typed || known.current?.value !== label) return;
    const r = await resolveTyped(typed, source, country);
    if (known.current?.value !== label) return; // typed on meanwhile
    if ('found' in r) choose(r.found);
    else if (r.candidates.length) setChoices(r.candidates);
    else setNotFound(true);
  };

  const describe = (o: PickOption) =>
    `${t(`country.${o.country}`)} · ${o.kind ? t(`localityKind.${o.kind}`) : t(`partyType.${o.type}`)}`;
  const help = `${id}-which`;
  const describedByAll =
    [describedBy, choices || notFound ? help : undefined].filter(Boolean).join(' ') || undefined;
  return (
    <div className="picker">
      <input
        id={id}
        role="combobox"
        aria-expanded={open && options.length > 0}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={open && active >= 0 ? `${listId}-${active}` : undefined}
        value={label}
        autoComplete="off"
        aria-describedby={describedByAll}
        aria-invalid={invalid || notFound || undefined}
        onChange={(e) => type(e.target.value)}
        onFocus={() => label && setOpen(true)}
        onBlur={() => setTimeout(settle, 120)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' && options.length) {
            e.preventDefault();
            setOpen(true);
            setActive((a) => (a + 1) % options.length);
          } else if (e.key === 'ArrowUp' && options.length) {
            e.preventDefault();
            setActive((a) => (a <= 0 ? options.length - 1 : a - 1));
          } else if (e.key === 'Enter' && open && active >= 0 && options[active]) {
            e.preventDefault();
            choose(options[active]);
          } else if (e.key === 'Escape') setOpen(false);
        }}
      />
      {open && options.length > 0 && (
        <div className="picker-list" id={listId} role="listbox">
          {options.map((o, i) => (
            <div
              key={`${o.type}:${o.value}`}
              id={`${listId}-${i}`}
              role="option"
              tabIndex={-1}
              aria-selected={i === active}
              onMouseDown={(e) => {
                e.preventDefault();
                choose(o);
              }}
            >
              {text(o.name)} <span className="muted">{describe(o)}</span>
            </div>
          ))}
        </div>
      )}
      {choices && (
        <div id={help} className="picker-which" role="status">
          <span>{t('picker.whichOne', { text: label })}</span>
          {choices.slice(0, 8).map((o) => (
            <button
              type="button"
              className="secondary"
              key={`${o.type}:${o.value}`}
              onClick={() => choose(o)}
            >
              {text(o.name)} <span className="muted">({describe(o)})</span>
            </button>
          ))}
        </div>
      )}
      {notFound && (
        <p id={help} className="field-error" role="status">
          {t('picker.noMatch', { text: label })}
        </p>
      )}
    </div>
  );
}

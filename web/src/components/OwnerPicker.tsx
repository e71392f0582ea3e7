import { useEffect, useId, useState } from 'react';
import { api } from '../api/client.ts';
import type { Locality, LocalizedText, Organization, Page } from '../api/types.ts';
import { useLang } from '../i18n/format.ts';
import { withQuery } from '../router.tsx';

export interface OwnerOption {
  value: string;
  name: LocalizedText;
}

/**
 * A text input for a profile's owner, a locality code or an organisation id, with suggestions
 * of both from the server as you type (any language, diacritics optional). `onOptions` hears
 * the current suggestions, so a form can take the first one when a name was typed but none picked.
 */
export function OwnerPicker({
  id,
  value,
  onChange,
  onOptions,
  describedBy,
}: {
  id: string;
  value: string;
  onChange: (id: string) => void;
  /** The suggestions, and the value they were fetched for. */
  onOptions?: (options: OwnerOption[], forValue: string) => void;
  describedBy?: string;
}) {
  const { text } = useLang();
  const listId = useId();
  const [options, setOptions] = useState<OwnerOption[]>([]);
  useEffect(() => {
    const ctl = new AbortController();
    const timer = setTimeout(() => {
      const q = { q: value, limit: 8 };
      Promise.all([
        api<Page<Locality>>(withQuery('/api/localities', q), { signal: ctl.signal }),
        api<Page<Organization>>(withQuery('/api/organizations', q), { signal: ctl.signal }),
      ])
        .then(([l, o]) => {
          const next = [
            ...l.data.items.map((i) => ({ value: i.code, name: i.name })),
            ...o.data.items.map((i) => ({ value: i.id, name: i.name })),
          ];
          setOptions(next);
          onOptions?.(next, value);
        })
        .catch(() => undefined);
    }, 200);
    return () => {
      clearTimeout(timer);
      ctl.abort();
    };
  }, [value, onOptions]);
  return (
    <>
      <input
        id={id}
        list={listId}
        value={value}
        autoComplete="off"
        aria-describedby={describedBy}
        onChange={(e) => onChange(e.target.value)}
      />
      <datalist id={listId}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {text(o.name)}
          </option>
        ))}
      </datalist>
    </>
  );
}

/**
 * What a typed value stands for: a suggestion's id when it is one, the value itself when it
 * looks like a code or id (VN-DA-NANG), else the first suggestion for the typed name.
 */
export function resolveOwner(value: string, options: OwnerOption[]): string {
  const v = value.trim();
  if (!v || options.some((o) => o.value === v)) return v;
  if (/^[\w-]+$/.test(v) && v.includes('-')) return v;
  return options[0]?.value ?? v;
}

import { useEffect, useId, useState } from 'react';
import { api } from '../api/client.ts';
import type { Locality, Organization, Page } from '../api/types.ts';
import { useLang } from '../i18n/format.ts';
import { withQuery } from '../router.tsx';

/**
 * A text input for a locality code with suggestions from the server as you type (any language,
 * diacritics optional). The value is the code, so it also accepts a pasted code.
 */
export function LocalityPicker({
  id,
  value,
  onChange,
  country,
  describedBy,
  invalid,
  source = 'locality',
}: {
  id: string;
  value: string;
  onChange: (code: string) => void;
  country?: string;
  describedBy?: string;
  invalid?: boolean;
  /** Suggest localities (value = code) or organisations (value = id). */
  source?: 'locality' | 'organization';
}) {
  const { text } = useLang();
  const listId = useId();
  const [options, setOptions] = useState<{ value: string; name: Locality['name'] }[]>([]);
  useEffect(() => {
    const ctl = new AbortController();
    const timer = setTimeout(() => {
      const path = source === 'locality' ? '/api/localities' : '/api/organizations';
      api<Page<Locality | Organization>>(withQuery(path, { q: value, country, limit: 12 }), {
        signal: ctl.signal,
      })
        .then((r) =>
          setOptions(r.data.items.map((i) => ({ value: 'code' in i ? i.code : i.id, name: i.name }))),
        )
        .catch(() => undefined);
    }, 200);
    return () => {
      clearTimeout(timer);
      ctl.abort();
    };
  }, [value, country, source]);
  return (
    <>
      <input
        id={id}
        list={listId}
        value={value}
        autoComplete="off"
        aria-describedby={describedBy}
        aria-invalid={invalid || undefined}
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

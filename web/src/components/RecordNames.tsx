import { useEffect, useState } from 'react';
import { useLang } from '../i18n/format.ts';
import { LocalityPicker, type PickOption, recordByCode } from './LocalityPicker.tsx';

/** The records of some codes or ids, looked up once (for their names). */
function useRecords(codes: string[]) {
  const key = codes.join('\n');
  const [records, setRecords] = useState<Map<string, PickOption | null>>(new Map());
  useEffect(() => {
    let live = true;
    const list = key ? key.split('\n') : [];
    Promise.all(list.map(async (c) => [c, await recordByCode(c, 'both')] as const)).then((r) => {
      if (live) setRecords(new Map(r));
    });
    return () => {
      live = false;
    };
  }, [key]);
  return records;
}

/** Names of localities or organisations given by code or id, in the reader's language; never the codes. */
export function RecordNames({ codes }: { codes: string[] }) {
  const { text, t } = useLang();
  const records = useRecords(codes);
  return (
    <>
      {codes.map((c, i) => {
        const r = records.get(c);
        return (
          <span key={c}>
            {i > 0 && ', '}
            {r ? text(r.name) : r === null ? t('users.unknownScope') : '…'}
          </span>
        );
      })}
    </>
  );
}

/**
 * An editor's scopes, chosen from real localities and organisations: each chosen record is a
 * chip with its name and a remove button; the picker below adds one (typed names resolve, or
 * the picker asks which one).
 */
export function ScopePicker({
  id,
  value,
  onChange,
  describedBy,
  onPending,
}: {
  id: string;
  value: string[];
  onChange: (scopes: string[]) => void;
  describedBy?: string;
  /** Hears the text typed but not yet taken, so a form can resolve it when submitted. */
  onPending?: (text: string) => void;
}) {
  const { text, t } = useLang();
  const records = useRecords(value);
  const [draft, setDraft] = useState('');
  return (
    <div className="scope-picker">
      {value.length > 0 && (
        <ul className="chips" aria-label={t('users.scopes')}>
          {value.map((c) => {
            const r = records.get(c);
            const name = r ? text(r.name) : r === null ? t('users.unknownScope') : '…';
            return (
              <li key={c} className="chip">
                {name}{' '}
                <button
                  type="button"
                  className="link-button"
                  aria-label={t('users.removeScope', { name })}
                  onClick={() => onChange(value.filter((x) => x !== c))}
                >
                  ×
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <LocalityPicker
        id={id}
        source="both"
        value={draft}
        describedBy={describedBy}
        onChange={(v) => {
          setDraft(v);
          onPending?.(v);
        }}
        onPick={(o) => {
          if (!value.includes(o.value)) onChange([...value, o.value]);
          setDraft('');
          onPending?.('');
        }}
      />
    </div>
  );
}

import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../api/client.ts';
import { useProblemText } from '../../../components/common.tsx';

/** What the server refused, by its code, and each field named with the reason in the reader's language. */
export function Problems({ error }: { error: ApiError | null }) {
  const { t } = useTranslation('exhibition');
  const problemText = useProblemText();
  if (!error) return null;
  const fields = error.problem.errors ?? [];
  return (
    <div className="error" role="alert">
      <p>{problemText(error.problem.code, error.problem.detail)}</p>
      {fields.length > 0 && (
        <ul>
          {fields.map((f) => (
            <li key={`${f.path}-${f.code}`}>
              <code>{f.path}</code>: {t(`problem.${f.code}`, { defaultValue: t('problem.other') })}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** An admin creates a forum (a draft) and names its organisers among the existing accounts. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, useApi } from '../../../api/client.ts';
import { PageTitle } from '../../../components/common.tsx';
import { useRouter } from '../../../router.tsx';
import { bodyOf, emptyForum, ForumForm, type ForumValues } from './ForumForm.tsx';
import { type Failure, failureOf } from './forms.tsx';
import './organiser.css';

interface Account {
  id: string;
  email: string;
  role: string;
  disabled: boolean;
}

function OrganiserPicker({ chosen, onChange }: { chosen: string[]; onChange: (ids: string[]) => void }) {
  const { t } = useTranslation('forumOrganiser');
  const users = useApi<{ items: Account[] }>('/api/users');
  const [filter, setFilter] = useState('');
  const items = (users.data?.items ?? []).filter((u) => !u.disabled);
  const shown = items.filter((u) => u.email.toLowerCase().includes(filter.trim().toLowerCase())).slice(0, 50);
  return (
    <fieldset className="group">
      <legend>{t('create.organisers')}</legend>
      <p className="hint">{t('create.organisersHint')}</p>
      <div className="field">
        <label htmlFor="org-filter">{t('create.filter')}</label>
        <input id="org-filter" type="search" value={filter} onChange={(e) => setFilter(e.target.value)} />
      </div>
      <div className="checks">
        {shown.map((u) => (
          <label key={u.id}>
            <input
              type="checkbox"
              checked={chosen.includes(u.id)}
              onChange={(e) =>
                onChange(e.target.checked ? [...chosen, u.id] : chosen.filter((x) => x !== u.id))
              }
            />
            {u.email}
          </label>
        ))}
      </div>
      {chosen.length > 0 && <p className="muted">{t('create.chosen', { count: chosen.length })}</p>}
    </fieldset>
  );
}

export function NewForumPage() {
  const { t } = useTranslation('forumOrganiser');
  const { navigate } = useRouter();
  const [organiserIds, setOrganiserIds] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);
  const submit = async (v: ForumValues) => {
    setBusy(true);
    setFailure(null);
    try {
      const { data } = await api<{ id: string }>('/api/forums', {
        method: 'POST',
        body: { forum: { id: v.id.trim(), ...bodyOf(v) }, organiserIds },
      });
      navigate(`/forums/${encodeURIComponent(data.id)}/organise`);
    } catch (err) {
      setFailure(failureOf(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="organiser">
      <PageTitle>{t('create.title')}</PageTitle>
      <p className="muted">{t('create.intro')}</p>
      <ForumForm
        initial={emptyForum}
        mode="create"
        busy={busy}
        failure={failure}
        onSubmit={submit}
        submitLabel={t('create.submit')}
        extra={<OrganiserPicker chosen={organiserIds} onChange={setOrganiserIds} />}
      />
    </section>
  );
}

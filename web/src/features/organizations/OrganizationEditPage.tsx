import { useCallback } from 'react';
import {
  OrganizationCreate,
  OrganizationKind,
  OrganizationUpdate,
} from '../../../../src/features/organizations/schemas.ts';
import { can } from '../../api/actions.ts';
import type { Lang, Organization } from '../../api/types.ts';
import { ErrorNote, Loading, PageTitle } from '../../components/common.tsx';
import { EditorChrome } from '../../components/EditorChrome.tsx';
import { LocalityPicker } from '../../components/LocalityPicker.tsx';
import { compactText, Field, invalidProps, LocalizedInputs, SectorChecks } from '../../forms/fields.tsx';
import { fromZod } from '../../forms/issues.ts';
import { useEditor } from '../../forms/useEditor.ts';
import { useLang } from '../../i18n/format.ts';
import { useRouter } from '../../router.tsx';

interface Draft {
  kind: string;
  name: Partial<Record<Lang, string>>;
  localityCode: string;
  website: string;
  sectors: string[];
  description: Partial<Record<Lang, string>>;
}

const EMPTY: Draft = {
  kind: 'government',
  name: {},
  localityCode: '',
  website: '',
  sectors: [],
  description: {},
};

const fromRecord = (o: Organization): Draft => ({
  kind: o.kind,
  name: { ...o.name },
  localityCode: o.localityCode,
  website: o.website ?? '',
  sectors: [...o.sectors],
  description: { ...o.description },
});

function validate(d: Draft, creating: boolean) {
  const body = {
    kind: d.kind,
    name: compactText(d.name),
    localityCode: d.localityCode.trim(),
    website: d.website.trim() || null,
    sectors: d.sectors,
    description: compactText(d.description),
  };
  const result = (creating ? OrganizationCreate : OrganizationUpdate).safeParse(body);
  return { body, issues: result.success ? [] : fromZod(result.error.issues) };
}

export function OrganizationEditPage({ params }: { params: Record<string, string> }) {
  const { t } = useLang('organizations');
  const { navigate } = useRouter();
  const ed = useEditor<Organization, Draft>({
    id: params.id,
    apiBase: '/api/organizations',
    empty: EMPTY,
    fromRecord: useCallback(fromRecord, []),
    validate: useCallback(validate, []),
  });
  if (ed.loadError) return <ErrorNote error={ed.loadError} />;
  if (ed.loading) return <Loading />;
  const d = ed.draft;
  const set = <K extends keyof Draft>(key: K, value: Draft[K], path: string = key) =>
    ed.update(path, (x) => ({ ...x, [key]: value }));
  const locIssue = ed.issueAt('localityCode');
  return (
    <>
      <PageTitle>{ed.creating ? t('edit.newOrganization') : t('edit.editOrganization')}</PageTitle>
      <EditorChrome
        editor={ed}
        cancelTo={params.id ? `/organizations/${encodeURIComponent(params.id)}` : '/organizations'}
        onSaved={(o) => navigate(`/organizations/${encodeURIComponent(o.id)}`)}
        onDeleted={can(ed.record, 'delete') ? () => navigate('/organizations') : undefined}
      >
        <LocalizedInputs
          idPrefix="name"
          legend={t('edit.name')}
          value={d.name}
          path="name"
          issueAt={ed.issueAt}
          onChange={(l, v) => set('name', { ...d.name, [l]: v }, `name.${l}`)}
        />
        <div className="row">
          <Field id="kind" label={t('filters.orgKind')} issue={ed.issueAt('kind')}>
            <select id="kind" value={d.kind} onChange={(e) => set('kind', e.target.value)}>
              {OrganizationKind.options.map((k) => (
                <option key={k} value={k}>
                  {t(`orgKind.${k}`)}
                </option>
              ))}
            </select>
          </Field>
          <Field id="localityCode" label={t('filters.locality')} issue={locIssue}>
            <LocalityPicker
              id="localityCode"
              value={d.localityCode}
              invalid={!!locIssue}
              describedBy={locIssue ? 'localityCode-err' : undefined}
              onChange={(v) => set('localityCode', v)}
            />
          </Field>
          <Field id="website" label={t('organization.website')} issue={ed.issueAt('website')}>
            <input
              type="url"
              {...invalidProps('website', ed.issueAt('website'))}
              value={d.website}
              onChange={(e) => set('website', e.target.value)}
            />
          </Field>
        </div>
        <SectorChecks
          legend={t('filters.sector')}
          value={d.sectors}
          issue={ed.issueAt('sectors')}
          onChange={(v) => set('sectors', v)}
        />
        <LocalizedInputs
          idPrefix="description"
          legend={t('organization.description')}
          value={d.description}
          path="description"
          multiline
          issueAt={ed.issueAt}
          onChange={(l, v) => set('description', { ...d.description, [l]: v }, `description.${l}`)}
        />
      </EditorChrome>
    </>
  );
}

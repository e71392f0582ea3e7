import { type FormEvent, useEffect, useState } from 'react';
import { useApi } from '../../api/client.ts';
import type { LocalityDetail } from '../../api/types.ts';
import { Async, CsvLink, LocalityLink, PageTitle } from '../../components/common.tsx';
import { codeOf, LocalityPicker } from '../../components/LocalityPicker.tsx';
import { EgoGraph, PairGraph } from '../../components/NetworkGraph.tsx';
import { useLang } from '../../i18n/format.ts';
import { useNetwork } from '../../lib/pairs.ts';
import { Link, useRouter, withQuery } from '../../router.tsx';

function WholeNetwork() {
  const { t } = useLang('atlas');
  const state = useNetwork(false);
  return (
    <Async state={state}>
      {(d) =>
        d.pairs.length === 0 ? (
          <p className="muted">{t('agreements.none')}</p>
        ) : (
          <PairGraph edges={d.pairs.map((p) => ({ vn: p.vn, jp: p.jp, agreements: p.agreements.length }))} />
        )
      }
    </Async>
  );
}

function LocalityNetwork({ code }: { code: string }) {
  const { t } = useLang('atlas');
  const state = useApi<LocalityDetail>(`/api/localities/${encodeURIComponent(code)}`);
  return (
    <Async state={state}>
      {(l) => (
        <>
          <h2>
            <LocalityLink locality={l} />
          </h2>
          {l.partners.length === 0 ? (
            <p className="muted">{t('locality.noPartners')}</p>
          ) : (
            <EgoGraph center={l} partners={l.partners} />
          )}
        </>
      )}
    </Async>
  );
}

/** The whole country pair as a bipartite graph, or one locality's partners as a star. */
export function NetworkPage() {
  const { t } = useLang('atlas');
  const { search, navigate } = useRouter();
  const locality = search.get('locality') ?? '';
  const [draft, setDraft] = useState(locality);
  useEffect(() => setDraft(locality), [locality]);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    navigate(withQuery('/network', { locality: await codeOf(draft) }));
  };
  const csv = locality ? `/api/agreements?locality=${encodeURIComponent(locality)}` : '/api/agreements';
  return (
    <>
      <PageTitle actions={<CsvLink listPath={csv} />}>{t('network.title')}</PageTitle>
      <p className="lead">{t('network.lead')}</p>
      <search>
        <form className="filters" onSubmit={submit}>
          <div className="field">
            <label htmlFor="n-locality">{t('network.oneLocality')}</label>
            <LocalityPicker id="n-locality" value={draft} onChange={setDraft} />
          </div>
          <div className="field buttons">
            <button type="submit">{t('network.show')}</button>
            {locality && <Link to="/network">{t('network.whole')}</Link>}
          </div>
        </form>
      </search>
      {locality ? <LocalityNetwork key={locality} code={locality} /> : <WholeNetwork />}
    </>
  );
}

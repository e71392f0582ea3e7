import { Async, CsvLink, PageTitle } from '../components/common.tsx';
import { PairGraph } from '../components/NetworkGraph.tsx';
import { useLang } from '../i18n/format.ts';
import { useNetwork } from '../lib/pairs.ts';

export function NetworkPage() {
  const { t } = useLang();
  const state = useNetwork(false);
  return (
    <>
      <PageTitle actions={<CsvLink listPath="/api/agreements" />}>{t('network.title')}</PageTitle>
      <p className="lead">{t('network.lead')}</p>
      <Async state={state}>
        {(d) =>
          d.pairs.length === 0 ? (
            <p className="muted">{t('agreements.none')}</p>
          ) : (
            <PairGraph
              edges={d.pairs.map((p) => ({ vn: p.vn, jp: p.jp, agreements: p.agreements.length }))}
            />
          )
        }
      </Async>
    </>
  );
}

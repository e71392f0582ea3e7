import { useState } from 'react';
import { AgreementTitle, Async, CsvLink, PageTitle } from '../../components/common.tsx';
import { useLang } from '../../i18n/format.ts';
import { distinctLabels } from '../../lib/labels.ts';
import { useNetwork } from '../../lib/pairs.ts';
import { countPlaced, VnJpMap } from '../../map/VnJpMap.tsx';
import { Link } from '../../router.tsx';

export function MapPage() {
  const { t, num, date, text } = useLang('atlas');
  const state = useNetwork(true);
  const [selected, setSelected] = useState<number | null>(null);
  const [hover, setHover] = useState<number | null>(null);
  return (
    <>
      <PageTitle actions={<CsvLink listPath="/api/localities" />}>{t('map.title')}</PageTitle>
      <p className="lead">{t('map.lead')}</p>
      <Async state={state}>
        {({ localities, pairs }) => {
          const shown = hover ?? selected;
          const pair = shown === null ? null : pairs[shown];
          const missing = localities.length - countPlaced(localities);
          const label = distinctLabels(localities, text, t);
          return (
            <div className="map-layout">
              <div className="map-wrap">
                <VnJpMap
                  localities={localities}
                  pairs={pairs}
                  selected={selected}
                  onSelect={setSelected}
                  hover={hover}
                  onHover={setHover}
                />
                <p className="muted small">
                  {t('map.summary', { places: num(localities.length - missing), pairs: num(pairs.length) })}
                  {missing > 0 && ` ${t('map.unplaced', { n: num(missing) })}`}
                </p>
              </div>
              <div className="map-side">
                <div className="map-detail" aria-live="polite">
                  {pair ? (
                    <>
                      <h2>
                        <Link to={`/localities/${encodeURIComponent(pair.vn.code)}`}>
                          {label.get(pair.vn.code) ?? text(pair.vn.name)}
                        </Link>{' '}
                        –{' '}
                        <Link to={`/localities/${encodeURIComponent(pair.jp.code)}`}>
                          {label.get(pair.jp.code) ?? text(pair.jp.name)}
                        </Link>
                      </h2>
                      <ul className="plain">
                        {pair.agreements.map((a) => (
                          <li key={a.id}>
                            <Link to={`/agreements/${encodeURIComponent(a.id)}`}>
                              <AgreementTitle a={a} />
                            </Link>{' '}
                            {a.signedOn && <span className="muted">({date(a.signedOn)})</span>}
                          </li>
                        ))}
                      </ul>
                    </>
                  ) : (
                    <p className="muted">{t('map.hint')}</p>
                  )}
                </div>
                <h2>{t('map.pairs')}</h2>
                <ul className="pair-list">
                  {pairs.map((p, i) => (
                    <li key={`${p.vn.code}|${p.jp.code}`}>
                      <button
                        type="button"
                        className="link-button"
                        aria-pressed={i === selected}
                        onClick={() => setSelected(i === selected ? null : i)}
                      >
                        {label.get(p.vn.code) ?? text(p.vn.name)} – {label.get(p.jp.code) ?? text(p.jp.name)}
                      </button>{' '}
                      <span className="muted">({num(p.agreements.length)})</span>
                    </li>
                  ))}
                </ul>
              </div>
            </div>
          );
        }}
      </Async>
    </>
  );
}

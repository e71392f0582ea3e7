import { useLang } from '../i18n/format.ts';
import { Link } from '../router.tsx';

export function NotFoundPage() {
  const { t } = useLang();
  return (
    <>
      <h1>{t('notFound.title')}</h1>
      <p>
        <Link to="/">{t('notFound.home')}</Link>
      </p>
    </>
  );
}

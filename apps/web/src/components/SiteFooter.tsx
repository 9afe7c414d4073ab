import { useTranslation } from 'react-i18next';

export function SiteFooter() {
  const { t } = useTranslation();
  return (
    <footer className="site-footer">
      <div className="site-footer-inner">
        <p>{t('app.footer')}</p>
        <p>
          <a href="/api/docs">{t('app.apiDocs')}</a>
        </p>
      </div>
    </footer>
  );
}

import { call } from '../api';
import { PageTitle, useLoad } from '../components';
import { t } from '../i18n';
import { type FeedItem, FeedList } from './feed';

export function HomePage() {
  const latest = useLoad(() => call<{ items: FeedItem[] }>('/v1/complaints?limit=5'), []);
  return (
    <>
      <PageTitle title={t('home.title')}>{t('home.heading')}</PageTitle>
      <p class="lead">{t('home.lead')}</p>
      <div class="actions-row">
        <a class="button" href="#/kirim">
          {t('home.submit')}
        </a>
        <a class="button secondary" href="#/lacak">
          {t('home.track')}
        </a>
      </div>
      <div class="card">
        <h2>{t('home.howTitle')}</h2>
        <ol>
          <li>{t('home.step1')}</li>
          <li>{t('home.step2')}</li>
          <li>{t('home.step3')}</li>
        </ol>
      </div>
      <h2>{t('home.latest')}</h2>
      {latest.data ? <FeedList items={latest.data.items} /> : <p class="muted">{latest.error ? latest.error.detail : t('home.loading')}</p>}
      <p>
        <a href="#/publik">{t('home.allPublic')}</a> · <a href="#/statistik">{t('home.stats')}</a>
      </p>
    </>
  );
}

import { Suspense } from 'react';
import { Outlet } from 'react-router-dom';
import { PageSpinner } from '@/components/page-spinner';
import { BRAND_NAME } from '@/lib/brand';
import { BrandMark } from './brand-mark';
import { DemoServerNotice } from './demo-server-notice';
import { LanguageSelect } from './language-select';
import styles from './login-layout.module.css';

/** The frame of every step before the workspace: password, code owed, bind owed. */
export function LoginLayout() {
  return (
    <div className={styles.page}>
      {/* The notice sits in the banner landmark, so nothing on the page is outside one. */}
      <header>
        <DemoServerNotice />
        <div className={styles.top}>
          <span className={styles.brand}>
            <BrandMark />
            {BRAND_NAME}
          </span>
          <LanguageSelect className={styles.language} />
        </div>
      </header>
      <main id="main" className={styles.main}>
        <Suspense fallback={<PageSpinner />}>
          <Outlet />
        </Suspense>
      </main>
    </div>
  );
}

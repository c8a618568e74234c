/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** A real backend; when set, the mock backend and dev tools are left out of the build. */
  readonly VITE_API_BASE_URL?: string;
  readonly VITE_BRAND_NAME?: string;
  readonly VITE_DOCS_URL?: string;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}

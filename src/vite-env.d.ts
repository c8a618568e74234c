/// <reference types="vite/client" />

interface ImportMetaEnv {
  /**
   * Fixed at build time by vite.config.ts (SPEC 1, SERVER-6): the mock backend
   * runs in the page (no VITE_API_BASE_URL).
   */
  readonly MOCK_BACKEND: boolean;
  /** The dev tools, the reset notice and the demo hints: the mock's builds and the demo server's. */
  readonly DEMO_BUILD: boolean;
  /** A real backend; when set, the mock backend and dev tools are left out of the build. */
  readonly VITE_API_BASE_URL?: string;
  /** With a base URL: the demo server's build, which keeps the dev tools (SERVER-6). */
  readonly VITE_DEMO?: string;
  readonly VITE_BRAND_NAME?: string;
  readonly VITE_DOCS_URL?: string;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}

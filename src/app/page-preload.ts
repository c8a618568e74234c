import { createContext, useContext } from 'react';

type PreloadPage = (pathname: string) => Promise<void>;

/** Loads the code of the page at a path; the routes provide it (router.tsx). */
export const PagePreloadContext = createContext<PreloadPage>(() => Promise.resolve());

export function usePagePreload(): PreloadPage {
  return useContext(PagePreloadContext);
}

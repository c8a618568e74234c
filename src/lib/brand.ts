/** SHELL-5: the product name is configuration; Guance's own docs are white-labelled. */
export const BRAND_NAME: string = import.meta.env.VITE_BRAND_NAME || 'Guance';
export const DOCS_URL: string =
  import.meta.env.VITE_DOCS_URL || 'https://docs.guance.com/en/management/mfa-management/';

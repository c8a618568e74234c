/** How long an object URL outlives the click that used it; the browser has the file by then. */
export const OBJECT_URL_LIFETIME_MS = 60_000;

/** Hands a file the app made or fetched to the browser's download. */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), OBJECT_URL_LIFETIME_MS);
}

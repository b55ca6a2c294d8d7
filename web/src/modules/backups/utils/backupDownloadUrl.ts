/** Where the server serves a backup file (the session cookie authenticates the download). */
export function backupDownloadUrl(name: string): string {
  return `/backups/${encodeURIComponent(name)}`;
}

// The company's time zone (Настройки), which every date on the board is shown and typed in,
// whatever the browser's. Set from /api/me at login; Moscow until then, as most companies are.
let companyZone = 'Europe/Moscow';

export const zone = (): string => companyZone;

export function setCompanyZone(next: string | undefined): void {
  if (next) companyZone = next;
}

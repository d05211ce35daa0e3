import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';

let loaded: ComponentType | undefined;

/** Заказы → Архив, loaded on its first visit so the board's JavaScript stays small. */
export function ArchiveView() {
  const [Page, setPage] = useState<ComponentType | undefined>(() => loaded);
  useEffect(() => {
    if (Page) return;
    let live = true;
    void import('./ArchivePage.tsx').then((module) => {
      loaded = module.ArchivePage;
      if (live) setPage(() => module.ArchivePage);
    });
    return () => {
      live = false;
    };
  }, []);
  return Page ? <Page /> : null;
}

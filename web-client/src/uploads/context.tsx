import { useQueryClient } from '@tanstack/react-query';
import { createContext, useContext, useEffect, useMemo, useState, useSyncExternalStore, type ReactNode } from 'react';
import { api } from '../api/client';
import { keys } from '../api/queries';
import { UploadManager, type UploadItem } from './manager';

const UploadsContext = createContext<UploadManager | null>(null);

export function UploadsProvider({ children, manager: given }: { children: ReactNode; manager?: UploadManager }) {
  const client = useQueryClient();
  const [manager] = useState(
    () =>
      given ??
      new UploadManager({
        api,
        onPublished: (galleryId) => {
          void client.invalidateQueries({ queryKey: keys.images(galleryId) });
          void client.invalidateQueries({ queryKey: keys.gallery(galleryId) });
          void client.invalidateQueries({ queryKey: keys.cover(galleryId) });
          void client.invalidateQueries({ queryKey: keys.galleries });
        },
      }),
  );
  // leaving the page mid-upload loses the files: ask first
  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if (manager.busy) event.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [manager]);
  return <UploadsContext.Provider value={manager}>{children}</UploadsContext.Provider>;
}

export function useUploadManager() {
  const manager = useContext(UploadsContext);
  if (!manager) throw new Error('useUploadManager needs an UploadsProvider');
  return manager;
}

export function useUploads(galleryId: string): { manager: UploadManager; items: UploadItem[] } {
  const manager = useUploadManager();
  const all = useSyncExternalStore(manager.subscribe, manager.getSnapshot);
  const items = useMemo(() => all.filter((item) => item.galleryId === galleryId), [all, galleryId]);
  return { manager, items };
}

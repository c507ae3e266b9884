import { createContext, useContext, useMemo, useSyncExternalStore } from 'react';
import type { UploadItem, UploadManager } from './manager';

/** The app's one UploadManager, given by UploadsProvider (./context). */
export const UploadsContext = createContext<UploadManager | null>(null);

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

import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type ReactNode } from 'react';
import { api } from '../api/client';
import { keys } from '../api/queries';
import { UploadsContext } from './hooks';
import { UploadManager } from './manager';

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
          // a published photo can be found
          void client.invalidateQueries({ queryKey: keys.searches });
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

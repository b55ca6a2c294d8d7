import { useContext } from 'react';
import { AppInfoContext, type AppInfo } from '../utils/appInfoContext';

/** Company name, time zone, default language, demo mode… (loaded before anything renders). */
export function useAppInfo(): AppInfo {
  const appInfo = useContext(AppInfoContext);
  if (!appInfo) throw new Error('useAppInfo() used outside of <AppInfoContext.Provider>');
  return appInfo;
}

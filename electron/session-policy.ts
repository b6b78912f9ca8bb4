// What the page may reach and ask for: only the app's own files, no device or permission except
// writing to the clipboard from the app's page, and the page's Content-Security-Policy on every
// response whatever its scheme.
import type { Session } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../server/security-headers.ts';
import { APP_HOST, APP_SCHEME } from './window.ts';

/** Schemes the page may load from: its own files, data and blob URLs it builds, the dev tools. */
const LOCAL_SCHEMES = new Set([`${APP_SCHEME}:`, 'data:', 'blob:', 'devtools:']);

export function isAllowedRequest(url: string): boolean {
  try {
    const u = new URL(url);
    if (u.protocol === `${APP_SCHEME}:`) return u.host === APP_HOST;
    return LOCAL_SCHEMES.has(u.protocol);
  } catch {
    return false;
  }
}

function isAppOrigin(origin: string | undefined): boolean {
  return origin === `${APP_SCHEME}://${APP_HOST}`;
}

/** Permissions the page may use; everything else (camera, notifications, geolocation…) is refused. */
export function permissionAllowed(permission: string, requestingOrigin: string | undefined): boolean {
  return permission === 'clipboard-sanitized-write' && isAppOrigin(requestingOrigin);
}

export function applySessionPolicy(session: Session): void {
  session.setPermissionRequestHandler((contents, permission, callback, details) => {
    callback(permissionAllowed(permission, originOf(details.requestingUrl ?? contents?.getURL())));
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) => permissionAllowed(permission, originOf(requestingOrigin)));
  session.setDevicePermissionHandler(() => false);
  session.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !isAllowedRequest(details.url) }));
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
}

function originOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}`;
  } catch {
    return undefined;
  }
}

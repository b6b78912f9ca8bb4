// Set when the bundle is built: scripts/build-electron.mjs replaces __TRESSE_DEV_BUILD__ with true
// for `--dev` (what `npm start` runs) and false otherwise, so a production build cannot turn the
// developer tools back on from the environment or a packaging flag. Unbundled (the unit tests),
// the constant is absent and the production behaviour applies.
declare const __TRESSE_DEV_BUILD__: boolean | undefined;

export const DEV_BUILD: boolean = typeof __TRESSE_DEV_BUILD__ !== 'undefined' && __TRESSE_DEV_BUILD__ === true;

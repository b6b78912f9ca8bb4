// Messages of `npm start` (scripts/start.mjs), French first. Plain JavaScript rather than a .ts
// entry of catalogue.ts: the launcher runs under bare Node before anything is built, and Node 20
// cannot load TypeScript. `{name}` placeholders are filled by launcherText().

export const launcherMessages = {
  'build.renderer': { fr: 'Construction de l’interface (vite build)…', en: 'Building the interface (vite build)…' },
  'build.rendererKept': {
    fr: 'La construction de l’interface a échoué : la version précédente (dist/) est utilisée.',
    en: 'Building the interface failed: the previous build (dist/) is used.',
  },
  'build.rendererFailed': { fr: 'La construction de l’interface a échoué (voir ci-dessus).', en: 'Building the interface failed (see above).' },
  'build.server': {
    fr: 'Construction du serveur du mode navigateur (une seule fois, quelques secondes)…',
    en: 'Building the browser-mode server (once, a few seconds)…',
  },

  'browser.requested': { fr: 'Mode navigateur demandé (TRESSE_BROWSER=1).', en: 'Browser mode requested (TRESSE_BROWSER=1).' },
  'browser.noDisplay': {
    fr: 'Aucun écran graphique (ni DISPLAY ni WAYLAND_DISPLAY) : Tresse démarre en mode navigateur.',
    en: 'No graphical display (neither DISPLAY nor WAYLAND_DISPLAY): Tresse starts in browser mode.',
  },
  'browser.retry': {
    fr: 'Une fois le problème réglé, relancez « npm start » pour l’application de bureau.',
    en: 'Once the problem is fixed, run "npm start" again for the desktop app.',
  },

  'electron.downloading': {
    fr: 'Téléchargement d’Electron {version} pour {platform} (environ 100 Mo, une seule fois)…',
    en: 'Downloading Electron {version} for {platform} (about 100 MB, once)…',
  },
  // One line for both languages, redrawn in place: the figures speak for themselves.
  'electron.progress': { fr: '  {bar} {percent} %  {done} / {total} Mo (MB)', en: '  {bar} {percent}%  {done} / {total} MB' },
  'electron.progressUnknown': { fr: '  {done} Mo (MB)', en: '  {done} MB' },
  'electron.extracting': { fr: 'Installation d’Electron dans node_modules/electron…', en: 'Installing Electron into node_modules/electron…' },
  'electron.failed': {
    fr: 'Electron n’a pas pu être téléchargé : {why}. Tresse démarre en mode navigateur.',
    en: 'Electron could not be downloaded: {why}. Tresse starts in browser mode.',
  },
  'electron.crashed': {
    fr: 'Electron s’est arrêté au démarrage (code {code}) : {why}. Tresse démarre en mode navigateur.',
    en: 'Electron stopped at start-up (code {code}): {why}. Tresse starts in browser mode.',
  },

  'native.preparing': {
    fr: 'Préparation de SQLite pour Electron (une seule fois ; le mode navigateur et la ligne de commande gardent le leur).',
    en: 'Preparing SQLite for Electron (once; the browser mode and the command line keep their own).',
  },
  'native.prebuilt': {
    fr: '  1/2 Téléchargement de la version précompilée pour Electron {version} ({platform}) : quelques secondes…',
    en: '  1/2 Downloading the prebuilt version for Electron {version} ({platform}): a few seconds…',
  },
  'native.compile': {
    fr: '  2/2 Compilation pour Electron {version} avec le compilateur C++ de la machine : 2 à 10 minutes…',
    en: '  2/2 Compiling for Electron {version} with this machine’s C++ compiler: 2 to 10 minutes…',
  },
  'native.stillRunning': { fr: '      … toujours en cours ({elapsed})', en: '      … still running ({elapsed})' },
  'native.attemptFailed': { fr: '      Échec : {why}.', en: '      Failed: {why}.' },
  'native.done': { fr: '      Prêt ({elapsed}).', en: '      Ready ({elapsed}).' },
  'native.detail': { fr: '      Dernières lignes :', en: '      Last lines:' },
  'native.failed': {
    fr: 'SQLite n’a pas pu être préparé pour Electron (version précompilée : {prebuilt} ; compilation : {compile}). Tresse démarre en mode navigateur.',
    en: 'SQLite could not be prepared for Electron (prebuilt version: {prebuilt}; compilation: {compile}). Tresse starts in browser mode.',
  },

  // Why a step failed, in plain words (inserted into the messages above).
  'why.offline': {
    fr: 'pas de connexion au serveur de téléchargement ({host}) ; vérifiez la connexion à Internet',
    en: 'no connection to the download server ({host}); check the Internet connection',
  },
  'why.proxyDown': {
    fr: 'le proxy {proxy} ne répond pas ; vérifiez HTTPS_PROXY',
    en: 'the proxy {proxy} does not answer; check HTTPS_PROXY',
  },
  'why.proxyAuth': {
    fr: 'le proxy demande une identification (407) ; indiquez-la dans HTTPS_PROXY=http://nom:mot-de-passe@proxy:port',
    en: 'the proxy asks for credentials (407); put them in HTTPS_PROXY=http://name:password@proxy:port',
  },
  'why.certificate': {
    fr: 'le certificat du serveur n’est pas reconnu (proxy d’entreprise ?) ; indiquez le certificat de votre organisation avec NODE_EXTRA_CA_CERTS=fichier.pem',
    en: 'the server’s certificate is not trusted (a company proxy?); give your organisation’s certificate with NODE_EXTRA_CA_CERTS=file.pem',
  },
  'why.stalled': {
    fr: 'le téléchargement n’a rien reçu pendant {seconds} s (connexion coupée ou trop lente)',
    en: 'the download received nothing for {seconds} s (connection lost or too slow)',
  },
  'why.timeout': { fr: 'délai dépassé ({minutes} min)', en: 'time limit exceeded ({minutes} min)' },
  'why.notPublished': {
    fr: 'aucune version publiée pour {target}',
    en: 'no published build for {target}',
  },
  'why.checksum': {
    fr: 'le fichier reçu est abîmé (somme de contrôle fausse) ; réessayez',
    en: 'the downloaded file is damaged (wrong checksum); try again',
  },
  'why.diskFull': { fr: 'disque plein', en: 'the disk is full' },
  'why.noCompiler': { fr: 'aucun compilateur C++ trouvé ({install})', en: 'no C++ compiler found ({install})' },
  'why.noMake': { fr: 'l’outil make est introuvable ({install})', en: 'the make tool is missing ({install})' },
  'why.noPython': { fr: 'Python 3 est introuvable ({install})', en: 'Python 3 is missing ({install})' },
  'why.missingLibrary': {
    fr: 'une bibliothèque système manque : {library} ({install})',
    en: 'a system library is missing: {library} ({install})',
  },
  'why.display': {
    fr: 'l’écran graphique {display} ne répond pas',
    en: 'the graphical display {display} does not answer',
  },
  'why.sandbox': {
    fr: 'le bac à sable de Chromium n’est pas autorisé sur ce système ; en administrateur : chown root {helper} && chmod 4755 {helper}',
    en: 'Chromium’s sandbox is not allowed on this system; as administrator: chown root {helper} && chmod 4755 {helper}',
  },
  'why.other': { fr: 'erreur inattendue ({detail})', en: 'unexpected error ({detail})' },

  // What to install, per system.
  'install.compiler.linux': {
    fr: 'installez build-essential et python3 : sudo apt install build-essential python3',
    en: 'install build-essential and python3: sudo apt install build-essential python3',
  },
  'install.compiler.darwin': {
    fr: 'installez les outils de développement Xcode : xcode-select --install',
    en: 'install the Xcode command line tools: xcode-select --install',
  },
  'install.compiler.win32': {
    fr: 'installez Visual Studio Build Tools avec « Développement Desktop en C++ », et Python 3',
    en: 'install Visual Studio Build Tools with "Desktop development with C++", and Python 3',
  },
  'install.libraries': {
    fr: 'Debian, Ubuntu : sudo apt install libnss3 libgtk-3-0 libgbm1 libasound2',
    en: 'Debian, Ubuntu: sudo apt install libnss3 libgtk-3-0 libgbm1 libasound2',
  },
};

function interpolate(template, params = {}) {
  return template.replace(/\{(\w+)\}/g, (whole, key) => (key in params ? String(params[key]) : whole));
}

/**
 * Both wordings of a message. A parameter may itself be a message ({ key, params }: the reason
 * inside a failure message), worded in the same language.
 */
export function launcherText(key, params = {}) {
  const entry = launcherMessages[key];
  if (!entry) throw new Error(`unknown launcher message: ${key}`);
  const word = (lang) => {
    const filled = {};
    for (const [name, value] of Object.entries(params)) {
      filled[name] = value && typeof value === 'object' && 'key' in value ? launcherText(value.key, value.params)[lang] : value;
    }
    return interpolate(entry[lang], filled);
  };
  return { fr: word('fr'), en: word('en') };
}

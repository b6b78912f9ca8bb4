// better-sqlite3 is a native addon built for one ABI. Node (tests, command line) uses the copy
// npm built; Electron's main process points this at the copy built for Electron before it opens
// a project, so neither runtime needs a rebuild step between the two.
let nativeBinding: string | undefined;

export function useNativeBinding(path: string | undefined): void {
  nativeBinding = path;
}

export function currentNativeBinding(): string | undefined {
  return nativeBinding;
}

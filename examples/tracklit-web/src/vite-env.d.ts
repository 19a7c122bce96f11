interface ImportMetaEnv {
  readonly VITE_ARIA_URL?: string;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}

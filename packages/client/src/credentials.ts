/** A bearer token, or a function that returns a fresh one for each request (so it can refresh). */
export type TokenSource = string | (() => string | Promise<string>);

/** Extra headers for every request, or a function that returns them for each request. */
export type HeadersSource =
  | Readonly<Record<string, string>>
  | (() => Readonly<Record<string, string>> | Promise<Readonly<Record<string, string>>>);

/**
 * How the client identifies itself: a TrackLit JWT (`token`), an Aria API key (`apiKey`),
 * or neither for public calls (health, tiers). Never both.
 */
export type AriaCredentials =
  | { readonly token: TokenSource; readonly apiKey?: undefined }
  | { readonly apiKey: string; readonly token?: undefined }
  | { readonly token?: undefined; readonly apiKey?: undefined };

const credentialHeaders = ['authorization', 'x-api-key'];

/** Fails fast on a configuration the server would refuse as ambiguous. */
export function assertCredentials(credentials: {
  readonly token?: TokenSource | undefined;
  readonly apiKey?: string | undefined;
}): void {
  if (credentials.token !== undefined && credentials.apiKey !== undefined) {
    throw new TypeError('createAriaClient: pass either `token` or `apiKey`, not both.');
  }
  if (credentials.apiKey === '') {
    throw new TypeError('createAriaClient: `apiKey` must not be empty.');
  }
}

/**
 * The headers of one request: the caller's own headers, then the credential header. A
 * credential option replaces any Authorization / X-API-Key the caller's headers carry.
 */
export async function resolveHeaders(options: {
  readonly token?: TokenSource | undefined;
  readonly apiKey?: string | undefined;
  readonly headers?: HeadersSource | undefined;
}): Promise<Record<string, string>> {
  const extra = typeof options.headers === 'function' ? await options.headers() : options.headers;
  const headers: Record<string, string> = { ...extra };
  const credential = await credentialHeader(options);
  if (credential) {
    for (const name of Object.keys(headers)) {
      if (credentialHeaders.includes(name.toLowerCase())) delete headers[name];
    }
    headers[credential.name] = credential.value;
  }
  return headers;
}

async function credentialHeader(options: {
  readonly token?: TokenSource | undefined;
  readonly apiKey?: string | undefined;
}): Promise<{ name: string; value: string } | undefined> {
  if (options.apiKey !== undefined) return { name: 'X-API-Key', value: options.apiKey };
  if (options.token === undefined) return undefined;
  const token = typeof options.token === 'function' ? await options.token() : options.token;
  // A token function may answer '' while signed out: the call then goes out as public.
  return token ? { name: 'Authorization', value: `Bearer ${token}` } : undefined;
}

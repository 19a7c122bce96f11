import type { Config } from '@aria/config';
import { z } from 'zod';

export interface TerraWidgetRequest {
  /** Aria's athlete id; Terra echoes it as `reference_id` in its webhooks. */
  readonly referenceId: string;
  /** Terra provider names (`GARMIN`, `OURA`, …); all enabled ones when omitted. */
  readonly providers?: readonly string[];
  readonly language?: string;
  readonly successRedirectUrl?: string;
  readonly failureRedirectUrl?: string;
}

export interface TerraWidgetSession {
  readonly sessionId: string;
  readonly url: string;
  readonly expiresInSeconds: number;
}

/** The part of Terra's REST API Aria uses. */
export interface TerraClient {
  generateWidgetSession(request: TerraWidgetRequest): Promise<TerraWidgetSession>;
}

export interface TerraClientOptions {
  readonly devId: string;
  readonly apiKey: string;
  /** e.g. https://api.tryterra.co */
  readonly baseUrl: string;
  readonly fetch?: typeof fetch;
  readonly timeoutMs?: number;
}

/** Terra answered, but not with a widget session (status is 0 when it did not answer). */
export class TerraRequestError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = 'TerraRequestError';
  }
}

const widgetSessionAnswer = z.object({
  session_id: z.string().min(1),
  url: z.url(),
  expires_in: z.number().optional(),
});

export const widgetSessionPath = '/v2/auth/generateWidgetSession';

/** A Terra REST client over `fetch` (docs.tryterra.co, "Generate widget session"). */
export function createTerraClient(options: TerraClientOptions): TerraClient {
  const send = options.fetch ?? fetch;
  const endpoint = `${options.baseUrl.replace(/\/+$/, '')}${widgetSessionPath}`;
  return {
    async generateWidgetSession(request) {
      const body = {
        reference_id: request.referenceId,
        ...(request.providers?.length ? { providers: request.providers.join(',') } : {}),
        language: request.language ?? 'en',
        ...(request.successRedirectUrl
          ? { auth_success_redirect_url: request.successRedirectUrl }
          : {}),
        ...(request.failureRedirectUrl
          ? { auth_failure_redirect_url: request.failureRedirectUrl }
          : {}),
      };
      const response = await send(endpoint, {
        method: 'POST',
        headers: {
          'dev-id': options.devId,
          'x-api-key': options.apiKey,
          'content-type': 'application/json',
          accept: 'application/json',
        },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
      }).catch((error: unknown) => {
        throw new TerraRequestError(`Terra did not answer: ${String(error)}`, 0);
      });
      if (!response.ok) {
        throw new TerraRequestError(
          `Terra refused the widget session (${response.status})`,
          response.status,
        );
      }
      const parsed = widgetSessionAnswer.safeParse(await response.json().catch(() => undefined));
      if (!parsed.success) {
        throw new TerraRequestError('Terra answered without a widget session', response.status);
      }
      return {
        sessionId: parsed.data.session_id,
        url: parsed.data.url,
        expiresInSeconds: parsed.data.expires_in ?? 900,
      };
    },
  };
}

/** A client when TERRA_DEV_ID and TERRA_API_KEY are set, else undefined (NOT_CONFIGURED). */
export function terraClientFromConfig(
  config: Pick<Config, 'terra'>,
  options: Pick<TerraClientOptions, 'fetch' | 'timeoutMs'> = {},
): TerraClient | undefined {
  const { devId, apiKey, apiUrl } = config.terra;
  if (!devId || !apiKey) return undefined;
  return createTerraClient({ devId, apiKey, baseUrl: apiUrl, ...options });
}

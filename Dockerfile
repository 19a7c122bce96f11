# syntax=docker/dockerfile:1.7
#
# The Aria API image. Two stages:
#   build    installs the workspace from pnpm-lock.yaml and bundles apps/server with esbuild
#            (apps/server/build.ts): dist/main.js, dist/migrate.js, PGlite's wasm/data files
#            and the SQL migrations — one self-contained directory, no node_modules.
#   runtime  Node 22 slim with that directory and Debian's ffmpeg only, as the unprivileged
#            `node` user.
#
#   docker build --build-arg ARIA_VERSION=$(git rev-parse --short HEAD) -t aria-api .
#   docker run --rm --env-file infra/.env aria-api node dist/migrate.js   # one-shot migration
#   docker run -p 8000:8000 --env-file infra/.env aria-api                 # the API
ARG NODE_VERSION=22

FROM node:${NODE_VERSION}-bookworm-slim AS build
ENV PNPM_HOME=/pnpm \
    COREPACK_ENABLE_DOWNLOAD_PROMPT=0 \
    CI=true
WORKDIR /repo
# pnpm at the version pinned by "packageManager" in package.json.
COPY package.json ./
RUN corepack enable && corepack install
# Dependencies from the lockfile alone, so a source change reuses this layer.
COPY pnpm-lock.yaml pnpm-workspace.yaml ./
# Patched dependencies (pnpm-workspace.yaml, patchedDependencies) are part of the lockfile.
COPY patches ./patches
RUN --mount=type=cache,id=pnpm-store,target=/pnpm/store \
    pnpm fetch
COPY . .
RUN --mount=type=cache,id=pnpm-store,target=/pnpm/store \
    pnpm install --frozen-lockfile --offline --filter "@aria/server..."
RUN pnpm --filter @aria/server build --minify

FROM node:${NODE_VERSION}-bookworm-slim AS runtime
ARG ARIA_VERSION=development
LABEL org.opencontainers.image.title="aria-api" \
      org.opencontainers.image.description="Aria coaching API (tRPC + REST on Hono)" \
      org.opencontainers.image.revision="${ARIA_VERSION}"
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=8000 \
    ARIA_DATA_DIR=/app/data \
    ARIA_VERSION=${ARIA_VERSION}
WORKDIR /app
# ffmpeg from Debian takes the key frames of sprint videos (coaching.analyzeMedia, FFMPEG_PATH).
RUN apt-get update \
 && apt-get install -y --no-install-recommends ffmpeg \
 && rm -rf /var/lib/apt/lists/*
# Code stays root-owned and read-only for the app; only the data directory (embedded PGlite,
# used when DATABASE_URL is unset) is writable by it.
COPY --from=build /repo/apps/server/dist ./dist
RUN mkdir -p /app/data && chown node:node /app/data
USER node
EXPOSE 8000
# Liveness through Node's own fetch: the slim image has no curl or wget.
HEALTHCHECK --interval=15s --timeout=3s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 8000) + '/health/live').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# Exec form: node is PID 1 and receives SIGTERM itself (graceful drain in main.ts). Its
# options are imageNodeOptions in apps/server/build.ts, which the bench and tests start with.
CMD ["node", "--enable-source-maps", "dist/main.js"]

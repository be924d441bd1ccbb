# syntax=docker/dockerfile:1
# EduLedger: build with the dev dependencies, run with the production ones only, as a non-root user.
#   docker build -t eduledger .
#   docker run -p 3000:3000 -e DATABASE_URL=… -e BASE_URL=… -e SESSION_SECRET=… eduledger
# See docs/deployment.md.

ARG NODE_VERSION=20

# ---- build: compile the server (dist/server) and the web app (dist/web), then drop dev deps ----
FROM node:${NODE_VERSION}-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
# `npm prune --omit=dev` keeps dev tools that prod packages name as optional peers (better-auth:
# drizzle-kit, vitest; cosmiconfig: typescript); nothing at run time loads them, so they go too.
RUN npm run build \
 && npm prune --omit=dev --no-audit --no-fund \
 && rm -rf dist/server/.tsbuildinfo \
      node_modules/vitest node_modules/@vitest node_modules/vite node_modules/drizzle-kit \
      node_modules/tsx node_modules/typescript node_modules/esbuild node_modules/@esbuild \
      node_modules/@esbuild-kit node_modules/rollup node_modules/@rollup

# ---- runtime ----
FROM node:${NODE_VERSION}-bookworm-slim AS runtime
# pg_dump/pg_restore for `eduledger backup`/`restore`: the client must be at least the server's
# major version, and Debian bookworm ships 15, so they come from the PostgreSQL apt repository.
ARG PG_MAJOR=16
RUN apt-get update \
 && apt-get install -y --no-install-recommends ca-certificates curl \
 && install -d /usr/share/postgresql-common/pgdg \
 && curl -fsSL -o /usr/share/postgresql-common/pgdg/apt.postgresql.org.asc \
      https://www.postgresql.org/media/keys/ACCC4CF8.asc \
 && echo "deb [signed-by=/usr/share/postgresql-common/pgdg/apt.postgresql.org.asc] https://apt.postgresql.org/pub/repos/apt bookworm-pgdg main" \
      > /etc/apt/sources.list.d/pgdg.list \
 && apt-get update \
 && apt-get install -y --no-install-recommends postgresql-client-${PG_MAJOR} \
 && apt-get purge -y curl && apt-get autoremove -y \
 && rm -rf /var/lib/apt/lists/*

ENV NODE_ENV=production \
    APP_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    DATA_DIR=/var/lib/eduledger \
    PG_BIN_DIR=/usr/lib/postgresql/${PG_MAJOR}/bin

WORKDIR /app
# The code stays owned by root: the app user can read it, not change it.
COPY --from=build /app/package.json /app/package-lock.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/drizzle ./drizzle
COPY --from=build /app/bin ./bin
RUN printf '#!/bin/sh\nexec node /app/bin/eduledger.js "$@"\n' > /usr/local/bin/eduledger \
 && chmod 755 /usr/local/bin/eduledger \
 && install -d -o node -g node -m 700 /var/lib/eduledger

# The "node" user (uid 1000) of the official image.
USER node
# A V8 heap limit below the container's memory: without one V8 grows the heap lazily up to about
# half of the machine's memory. Imports and exports stream, so 512 MB leaves headroom; raise it
# with the container's memory limit.
ENV NODE_OPTIONS=--max-old-space-size=512
VOLUME ["/var/lib/eduledger"]
EXPOSE 3000

HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"

# Applies pending migrations, then serves; SIGTERM drains requests and jobs before exiting.
CMD ["node", "dist/server/main.js"]

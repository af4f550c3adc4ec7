# syntax=docker/dockerfile:1.7
# The portal's container: the standalone folder that `npm run build` makes and the tests start
# (e2e suite, npm run test:cluster), copied as it is. See README "Deploying".
#
#   openssl rand -base64 32 > actions.key      # the same key for the build and every instance
#   docker build --secret id=actions_key,src=actions.key -t dealer-portal .
#   docker run --env-file .env -p 3000:3000 -v portal-data:/data dealer-portal          # the portal
#   docker run --env-file .env dealer-portal node sync.mjs                               # the sync worker

FROM node:20-bookworm-slim AS build
WORKDIR /src
ENV NEXT_TELEMETRY_DISABLED=1
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
# The server actions' key: from a build secret, so that it is not kept in the image's history.
RUN --mount=type=secret,id=actions_key \
    if [ -f /run/secrets/actions_key ]; then export NEXT_SERVER_ACTIONS_ENCRYPTION_KEY="$(cat /run/secrets/actions_key)"; fi; \
    npm run build

FROM node:20-bookworm-slim AS run
WORKDIR /app
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    PORT=3000 \
    HOSTNAME=0.0.0.0 \
    DATA_DIR=/data
# glibc's allocator: blocks of 64 kB and more mapped apart, so that a busy server gives them back
# (scripts/lib/config.mjs, SERVER_GLIBC_TUNABLES; npm start and the tests start the server with the same).
ENV GLIBC_TUNABLES=glibc.malloc.mmap_threshold=65536
RUN groupadd --system --gid 1001 portal \
 && useradd --system --uid 1001 --gid portal --home-dir /app --shell /usr/sbin/nologin portal \
 && mkdir -p /data && chown portal:portal /data
# Exactly the folder the tests run: server.js (wrapping Next's server), sync.mjs, db-tool.mjs, drizzle/, public/.
COPY --from=build --chown=root:root /src/.next/standalone ./
USER portal
EXPOSE 3000
VOLUME ["/data"]
STOPSIGNAL SIGTERM
HEALTHCHECK --interval=10s --timeout=3s --start-period=120s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/health/ready').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["node", "server.js"]

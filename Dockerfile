# The console's server (SERVER-10): the app and the API on one port, state in
# SQLite under /data or in PostgreSQL with DATABASE_URL. See README, "Running it
# for a team".

FROM node:20-bookworm-slim AS build
# better-sqlite3 is built from source against Node's headers.
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build:server && npm prune --omit=dev

FROM node:20-bookworm-slim
# Production also needs PUBLIC_ORIGIN, COOKIE_SECRET, DATA_KEY and SMTP_URL at
# run time (docker run -e ...); none is baked into the image.
ENV NODE_ENV=production PORT=3000 DATA_DIR=/data
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist-server ./dist-server
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s --start-period=20s \
  CMD node -e "fetch('http://127.0.0.1:3000/readyz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"
# SIGTERM reaches node itself, which finishes requests in flight and closes the database.
CMD ["node", "dist-server/node/main.js"]

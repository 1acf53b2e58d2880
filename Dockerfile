# syntax=docker/dockerfile:1
# Production image: expects MONGODB_URI (a MongoDB 5+ server, or FerretDB); no embedded engine.

FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY seed ./seed
COPY bench ./bench
RUN npx tsc -p tsconfig.build.json && npm prune --omit=dev
# The office console (web/, its own package): built here, its files served by the service at /.
# (The root's postinstall above found no web/ yet and skipped it.)
COPY openapi.yaml ./
COPY web/package.json web/package-lock.json ./web/
RUN npm ci --prefix web --no-audit --no-fund
COPY web ./web
RUN npm run build --prefix web

FROM node:20-bookworm-slim
ENV NODE_ENV=production PORT=3000 DATA_DIR=/var/lib/civil-registry
WORKDIR /app
RUN mkdir -p /var/lib/civil-registry && chown node:node /var/lib/civil-registry
COPY --from=build --chown=node:node /app/node_modules ./node_modules
COPY --from=build --chown=node:node /app/dist ./dist
COPY --from=build --chown=node:node /app/web/dist ./web/dist
COPY --chown=node:node package.json openapi.yaml ./
USER node
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+process.env.PORT+'/health/ready').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"
CMD ["node", "dist/src/server.js"]

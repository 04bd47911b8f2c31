# One image for the API, the projector and the CLI; docker-compose.yml picks the command:
#   node dist/apps/api/src/main.js | node dist/apps/projector/main.js | node dist/apps/cli/main.js
# Node 24 is an LTS line; both stages pin the same release.
FROM node:24.21.0-bookworm AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY . .
RUN npm run build:all && npm prune --omit=dev

FROM node:24.21.0-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
# The embedded default writes under ./data; the compose topology does not use it.
RUN mkdir -p data && chown node:node data
USER node
# 3000: the API; 9464: CRM_METRICS_PORT when set (metrics, and the projector's health).
EXPOSE 3000 9464
CMD ["node", "dist/apps/api/src/main.js"]

# One image recipe for the services: `docker compose` builds it once per service with
# --build-arg SERVICE=<name> (the last stage); the stage `tools` is the lab's tools' image. Node's
# version here is also the one `npm run setup` installs natively.
ARG NODE_VERSION=24.21.0

# Every workspace's dependencies, shared by the services' build and the tools.
FROM node:${NODE_VERSION}-bookworm-slim AS deps
WORKDIR /app
# Manifests first, so the dependency layer is rebuilt only when they change.
COPY package.json package-lock.json tsconfig.base.json ./
COPY shared-tracing/package.json shared-tracing/
COPY contracts/package.json contracts/
COPY service-kit/package.json service-kit/
COPY services/frontend/package.json services/frontend/
COPY services/backend/package.json services/backend/
COPY services/database/package.json services/database/
COPY services/notifier/package.json services/notifier/
COPY services/trace-api/package.json services/trace-api/
COPY trace-analysis/package.json trace-analysis/
COPY scripts/package.json scripts/
COPY checker/package.json checker/
RUN npm ci --ignore-scripts --no-audit --no-fund

# The lab's tools for learners with only Docker: the checker, the load generator and the exercise track,
# built as `npm run build` builds them natively (docker-compose.yml's profile `tools`: docker compose run
# --rm check | load | lab). Before the services' stages, so that a builder that builds every stage up to
# its target (Docker's classic builder) never needs a SERVICE for it; BuildKit and Podman skip it when
# they build a service.
FROM deps AS tools
COPY contracts contracts
COPY shared-tracing shared-tracing
COPY service-kit service-kit
COPY trace-analysis trace-analysis
COPY checker checker
COPY scripts scripts
COPY exercises exercises
RUN npx tsc -b checker scripts

FROM deps AS build
COPY contracts contracts
COPY shared-tracing shared-tracing
COPY service-kit service-kit
COPY trace-analysis trace-analysis
# The checker's exercise track, which trace-api reads for the explorer's progress view.
COPY checker checker
COPY services services
ARG SERVICE
RUN test -n "$SERVICE" && npx tsc -b shared-tracing "services/$SERVICE"
# A service with a browser script bundles it into its dist/ (frontend: the shop page's OpenTelemetry
# web SDK, bundled by esbuild), as `npm run build` does natively.
RUN npm run --if-present --silent bundle --workspace "services/$SERVICE"
# Files a service serves as they are (trace-api: the trace explorer's page and styles; frontend: the
# shop page and its styles); an empty folder for the others, so one COPY below fits every service.
RUN mkdir -p "services/$SERVICE/public"
# The workspace libraries this service depends on besides shared-tracing (trace-api: trace-analysis
# and the checker), staged here so that the runtime stage carries them for that service only.
RUN mkdir -p staged-libs && for lib in trace-analysis checker; do \
      if grep -q "\"@tracing-lab/$lib\"" "services/$SERVICE/package.json"; then \
        mkdir -p "staged-libs/$lib" && cp -R "$lib/package.json" "$lib/dist" "staged-libs/$lib/"; \
      fi; \
    done

FROM node:${NODE_VERSION}-bookworm-slim AS runtime
ARG SERVICE
ENV NODE_ENV=production SERVICE=${SERVICE}
WORKDIR /app
COPY --from=build /app/package.json /app/package-lock.json ./
COPY --from=build /app/contracts/package.json contracts/
COPY --from=build /app/shared-tracing/package.json shared-tracing/
COPY --from=build /app/service-kit/package.json service-kit/
COPY --from=build /app/services/${SERVICE}/package.json services/${SERVICE}/
COPY --from=build /app/staged-libs/ ./
# Production dependencies of this service and the tracing bootstrap only.
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund \
      --workspace contracts --workspace shared-tracing --workspace service-kit --workspace "services/$SERVICE" \
  && npm cache clean --force
COPY --from=build /app/contracts/dist contracts/dist
COPY --from=build /app/shared-tracing/dist shared-tracing/dist
COPY --from=build /app/service-kit/dist service-kit/dist
COPY --from=build /app/services/${SERVICE}/dist services/${SERVICE}/dist
COPY --from=build /app/services/${SERVICE}/public services/${SERVICE}/public
USER node
# docker-compose.yml gives the same command explicitly, which is what the native stack runs.
CMD ["sh", "-c", "exec node --import @tracing-lab/shared-tracing/register services/$SERVICE/dist/index.js"]

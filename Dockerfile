# syntax=docker/dockerfile:1
# Coffer's container image.
#   docker build -t coffer .                         # the agent (ENTRYPOINT coffer, CMD agent)
#   docker build --target postgres -t coffer:pg .     # the same plus pg_dump, for examples/kubernetes/postgres
# Runs as user 65534, with a read-only root filesystem: mount a writable volume (an emptyDir) at
# /var/cache/coffer for temporary files (COFFER_TMPDIR) and the cache (CACHE_DIR). No HEALTHCHECK:
# probes are GET /healthz and /readyz on METRICS_PORT (9568).

ARG DEBIAN=debian:bookworm-slim

# ---- build: the jar, with the same JDK and Maven that CI uses (Debian's) ----
FROM ${DEBIAN} AS build
RUN apt-get update -qq \
 && apt-get install -y -qq --no-install-recommends openjdk-17-jdk-headless maven >/dev/null \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY pom.xml ./
COPY repo-format/pom.xml repo-format/
COPY agent/pom.xml agent/
COPY benchmarks/pom.xml benchmarks/
COPY ship/pom.xml ship/
COPY repo-format/src repo-format/src
COPY agent/src agent/src
# -pl agent -am: the jar and what it needs (the reactor still reads every module's pom)
RUN --mount=type=cache,target=/root/.m2 mvn -B -q -DskipTests -pl agent -am package

# ---- runtime: a jlink image with only the modules coffer.jar needs (packaging/jlink.sh, as CI runs it) ----
FROM build AS jre
COPY packaging/jlink.sh /src/packaging/
RUN packaging/jlink.sh agent/target/coffer.jar /opt/coffer/runtime

# ---- the image ----
FROM ${DEBIAN} AS runtime
# ca-certificates: TLS to S3 and REST servers whose CA is public (the JVM reads its own cacerts;
# the package is for hooks). tzdata is not needed: Java carries its own time-zone rules.
RUN apt-get update -qq \
 && apt-get install -y -qq --no-install-recommends ca-certificates >/dev/null \
 && rm -rf /var/lib/apt/lists/* \
 && mkdir -p /var/cache/coffer/tmp /var/cache/coffer/cache \
 && chown -R 65534:65534 /var/cache/coffer
COPY --from=jre /opt/coffer/runtime /opt/coffer/runtime
COPY --from=build /src/agent/target/coffer.jar /opt/coffer/lib/coffer.jar
COPY packaging/coffer /opt/coffer/bin/coffer
ENV PATH=/opt/coffer/bin:$PATH \
    LANG=C.UTF-8 \
    LC_ALL=C.UTF-8 \
    COFFER_TMPDIR=/var/cache/coffer/tmp
USER 65534:65534
WORKDIR /var/cache/coffer
EXPOSE 9568
ENTRYPOINT ["coffer"]
CMD ["agent"]

# ---- the image plus pg_dump (Debian bookworm's PostgreSQL 15 client; pg_dump reads older servers too) ----
FROM runtime AS postgres
USER root
RUN apt-get update -qq \
 && apt-get install -y -qq --no-install-recommends postgresql-client >/dev/null \
 && rm -rf /var/lib/apt/lists/*
USER 65534:65534

# The default target is the plain agent image.
FROM runtime

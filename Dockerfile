# syntax=docker/dockerfile:1
# One image per Orderflow service of the distributed mode; MODULE chooses which:
#   docker build --build-arg MODULE=query-side -t orderflow/query-side .
# docker-compose.yml builds all three from this file.

# Build: the three services' executable jars, with Maven (the build stage is the same for every MODULE, so
# building the three images builds the code once).
FROM maven:3.9.9-eclipse-temurin-17 AS build
WORKDIR /build
COPY pom.xml ./
COPY api-events/pom.xml api-events/
COPY shared-autoconfigure/pom.xml shared-autoconfigure/
COPY command-side/pom.xml command-side/
COPY query-side/pom.xml query-side/
COPY saga-coordinator/pom.xml saga-coordinator/
COPY standalone/pom.xml standalone/
COPY distributed-tests/pom.xml distributed-tests/
COPY api-events/src api-events/src
COPY shared-autoconfigure/src shared-autoconfigure/src
COPY command-side/src command-side/src
COPY query-side/src query-side/src
COPY saga-coordinator/src saga-coordinator/src
RUN --mount=type=cache,target=/root/.m2 \
    mvn -B -q -pl command-side,query-side,saga-coordinator -am package -DskipTests

# Run: the chosen service's jar on a JRE, as an unprivileged user, in the distributed profile.
FROM eclipse-temurin:17-jre-jammy
ARG MODULE=command-side
RUN useradd --system --uid 10001 --home-dir /app orderflow
WORKDIR /app
COPY --from=build /build/${MODULE}/target/${MODULE}-*-exec.jar /app/service.jar
USER orderflow
ENV SPRING_PROFILES_ACTIVE=distributed
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/service.jar"]

# syntax=docker/dockerfile:1
# One image per Orderflow service of the distributed mode; MODULE chooses which:
#   docker build --build-arg MODULE=query-side -t orderflow/query-side .
# docker-compose.yml builds all three from this file.

# Build: the three services' executable jars, with Maven (the build stage is the same for every MODULE, so
# building the three images builds the code once). It copies the whole tree, less what .dockerignore leaves out
# (build output, local data), so the reactor finds every module the root pom lists, however many there are.
FROM maven:3.9.9-eclipse-temurin-17 AS build
WORKDIR /build
COPY . ./
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

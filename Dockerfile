# CaseDesk image: built from source with the Maven wrapper, run on a JRE.
#   docker build -t casedesk .        (docker-compose.yml does this for you)
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
RUN ./mvnw -B -ntp -q dependency:go-offline
COPY src src
COPY processes processes
COPY forms forms
# the BPMN lint runs in CI (it needs npm); the image build only packages
RUN ./mvnw -B -ntp -q package -DskipTests -Dbpmnlint.skip=true

FROM eclipse-temurin:17-jre
ENV TZ=Asia/Shanghai
# curl: the health check of docker-compose.yml
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
RUN groupadd --system casedesk && useradd --system --gid casedesk --home-dir /app casedesk
WORKDIR /app
COPY --from=build /src/target/casedesk-*-SNAPSHOT.jar /app/casedesk.jar
USER casedesk
EXPOSE 8080
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/casedesk.jar"]

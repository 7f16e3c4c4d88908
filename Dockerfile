# The application as one container: ./mvnw -DskipTests package first, then docker build.
# Without a profile it runs for production and refuses to start without real secrets:
#   docker run -e CAMUNDA_ADMIN_PASSWORD=… -e CXZY_EVALUATION_PEPPER=… (PostgreSQL: SPRING_PROFILES_ACTIVE=postgres, DB_*)
# To try the demo instead (well-known passwords, H2 console): -e SPRING_PROFILES_ACTIVE=demo
FROM eclipse-temurin:17-jre
RUN useradd --system --home /app cxzy && mkdir -p /app/data && chown cxzy /app/data
WORKDIR /app
COPY target/cxzy-*.jar app.jar
USER cxzy
EXPOSE 8080
ENV JAVA_TOOL_OPTIONS="-Xmx768m -Duser.timezone=Asia/Shanghai -Dfile.encoding=UTF-8"
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=12 \
  CMD wget -qO- http://localhost:8080/actuator/health | grep -q '"UP"' || exit 1
ENTRYPOINT ["java", "-jar", "/app/app.jar"]

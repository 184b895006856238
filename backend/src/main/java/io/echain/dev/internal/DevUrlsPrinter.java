package io.echain.dev.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** In development, prints where the API and its documentation are once the server is up. */
@Component
@ConditionalOnProperty(name = "echain.embedded-postgres.enabled", havingValue = "true")
class DevUrlsPrinter {

    private static final Logger log = LoggerFactory.getLogger(DevUrlsPrinter.class);

    @EventListener
    void onReady(ApplicationReadyEvent event) {
        Environment env = event.getApplicationContext().getEnvironment();
        String port = env.getProperty("local.server.port", env.getProperty("server.port", "8080"));
        String base = "http://localhost:" + port;
        log.info("""

                ----------------------------------------------------------
                  Echain API      {}/api/events
                  Swagger UI      {}/swagger-ui.html
                  OpenAPI         {}/v3/api-docs
                  Health          {}/health
                  Database        {}
                ----------------------------------------------------------""", base, base, base, base, env.getProperty("spring.datasource.url"));
    }
}

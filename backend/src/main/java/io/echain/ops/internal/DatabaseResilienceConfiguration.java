package io.echain.ops.internal;

import com.zaxxer.hikari.HikariDataSource;
import io.echain.shared.DatabaseOutage;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.Properties;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Short deadlines and a circuit breaker for the database: the pool waits at most
 * {@code echain.resilience.database.connection-timeout} for a connection (and the driver as long to connect and log
 * in), and the data source every module uses sits behind the {@code database} circuit breaker.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DatabaseResilience.class)
class DatabaseResilienceConfiguration {

    static final String BREAKER = "database";

    @Bean
    static BeanPostProcessor circuitBreakingDataSource(Environment environment,
            ObjectProvider<CircuitBreakerRegistry> registries) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (!(bean instanceof DataSource dataSource) || bean instanceof CircuitBreakingDataSource) {
                    return bean;
                }
                DatabaseResilience settings = Binder.get(environment).bindOrCreate("echain.resilience.database",
                        Bindable.of(DatabaseResilience.class));
                CircuitBreakingDataSource.DirectCheck probe = null;
                if (dataSource instanceof HikariDataSource hikari) {
                    applyDeadlines(hikari, settings);
                    probe = directCheck(hikari);
                }
                CircuitBreakerRegistry registry = registries.getIfAvailable(CircuitBreakerRegistry::ofDefaults);
                return new CircuitBreakingDataSource(dataSource,
                        registry.circuitBreaker(BREAKER, settings.breaker().config(DatabaseOutage::isCauseOf)), probe);
            }
        };
    }

    /**
     * The pool's connection deadline, a validation deadline below it, and the PostgreSQL driver's connect and login
     * timeouts (whole seconds) no longer than the deadline, so no request waits longer for a connection.
     */
    static void applyDeadlines(HikariDataSource hikari, DatabaseResilience settings) {
        long deadline = Math.max(250, settings.connectionTimeout().toMillis());
        hikari.setConnectionTimeout(deadline);
        hikari.setValidationTimeout(Math.max(250, Math.min(hikari.getValidationTimeout(), deadline / 2)));
        String seconds = Long.toString(Math.max(1, deadline / 1000));
        hikari.addDataSourceProperty("connectTimeout", seconds);
        hikari.addDataSourceProperty("loginTimeout", seconds);
    }

    /** One connection with the pool's URL, credentials and driver settings (deadlines included), outside the pool. */
    static CircuitBreakingDataSource.DirectCheck directCheck(HikariDataSource hikari) {
        if (hikari.getJdbcUrl() == null) {
            return null;
        }
        return () -> {
            Properties properties = new Properties();
            properties.putAll(hikari.getDataSourceProperties());
            if (hikari.getUsername() != null) {
                properties.setProperty("user", hikari.getUsername());
            }
            if (hikari.getPassword() != null) {
                properties.setProperty("password", hikari.getPassword());
            }
            try (Connection connection = DriverManager.getConnection(hikari.getJdbcUrl(), properties)) {
                connection.isValid(1);
            }
        };
    }

    @Bean
    DatabaseHealthIndicator databaseHealthIndicator(DataSource dataSource, CircuitBreakerRegistry registry,
            @Value("${echain.health.timeout:500ms}") Duration budget) {
        return new DatabaseHealthIndicator(dataSource, registry.circuitBreaker(BREAKER), budget);
    }
}

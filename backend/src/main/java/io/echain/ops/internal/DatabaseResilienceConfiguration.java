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
    static BeanPostProcessor circuitBreakingDataSource(
            Environment environment, ObjectProvider<CircuitBreakerRegistry> registries) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (!(bean instanceof DataSource dataSource) || bean instanceof CircuitBreakingDataSource) {
                    return bean;
                }
                DatabaseResilience settings = Binder.get(environment)
                        .bindOrCreate("echain.resilience.database", Bindable.of(DatabaseResilience.class));
                CircuitBreakingDataSource.DirectCheck probe = null;
                CircuitBreakingDataSource.Pool pool = null;
                if (dataSource instanceof HikariDataSource hikari) {
                    applyDeadlines(hikari, settings);
                    probe = directCheck(hikari);
                    pool = () -> hikari.getHikariPoolMXBean() == null
                            ? 0
                            : hikari.getHikariPoolMXBean().getTotalConnections();
                }
                CircuitBreakerRegistry registry = registries.getIfAvailable(CircuitBreakerRegistry::ofDefaults);
                return new CircuitBreakingDataSource(
                        dataSource,
                        registry.circuitBreaker(BREAKER, settings.breaker().config(DatabaseOutage::isCauseOf)),
                        probe,
                        pool,
                        settings.connectionTimeout());
            }
        };
    }

    /** Hikari's shortest connection timeout: one slice of the wait for a connection. */
    static final long SLICE_MILLIS = 250;

    /**
     * The pool's timeout as one slice of the deadline (the data source waits slice by slice, up to the deadline), a
     * validation deadline of a slice, and the PostgreSQL driver's connect and login timeouts (whole seconds) no
     * longer than the deadline, so no request waits longer for a connection.
     */
    static void applyDeadlines(HikariDataSource hikari, DatabaseResilience settings) {
        long deadline = Math.max(SLICE_MILLIS, settings.connectionTimeout().toMillis());
        hikari.setConnectionTimeout(SLICE_MILLIS);
        hikari.setValidationTimeout(SLICE_MILLIS);
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
    DatabaseHealthIndicator databaseHealthIndicator(
            DataSource dataSource,
            CircuitBreakerRegistry registry,
            @Value("${echain.health.timeout:500ms}") Duration budget) {
        return new DatabaseHealthIndicator(dataSource, registry.circuitBreaker(BREAKER), budget);
    }
}

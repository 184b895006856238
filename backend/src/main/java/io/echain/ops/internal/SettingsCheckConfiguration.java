package io.echain.ops.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class SettingsCheckConfiguration {

    /** Runs before any bean is created, so a missing variable is named instead of failing deep in a bean. */
    @Bean
    static SettingsCheck settingsCheck() {
        return new SettingsCheck();
    }
}

package io.echain;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Echain backend: event API, Sign-In with Ethereum and roles; chain integration plugs in as its own modules. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class EchainApplication {

    public static void main(String[] args) {
        SpringApplication.run(EchainApplication.class, args);
    }
}

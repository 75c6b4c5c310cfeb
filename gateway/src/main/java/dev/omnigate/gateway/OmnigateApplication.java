package dev.omnigate.gateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Starts the Omnigate gateway. */
@SpringBootApplication
public class OmnigateApplication {

    public static void main(String[] args) {
        SpringApplication.run(OmnigateApplication.class, args);
    }
}

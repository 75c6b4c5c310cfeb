package dev.omnigate.gateway;

import dev.omnigate.gateway.security.ApiKeyTool;
import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Starts the Omnigate gateway; {@code new-api-key <client-id>} prints a new API key and its hash instead. */
@SpringBootApplication
public class OmnigateApplication {

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals(ApiKeyTool.COMMAND)) {
            System.exit(ApiKeyTool.run(List.of(args), System.out, System.err));
        }
        SpringApplication.run(OmnigateApplication.class, args);
    }
}

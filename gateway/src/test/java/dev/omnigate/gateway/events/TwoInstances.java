package dev.omnigate.gateway.events;

import dev.omnigate.gateway.OmnigateApplication;
import dev.omnigate.gateway.support.TestClients;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Real gateway instances (Spring Boot contexts on random ports) sharing one Redis under one key prefix. */
final class TwoInstances {

    private TwoInstances() {
    }

    /** A gateway on a random port with {@code omnigate.redis.*} on the shared Redis under {@code prefix}. */
    static ConfigurableApplicationContext start(String prefix, boolean sandbox, List<String> more, Class<?>... sources) {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--omnigate.sandbox.enabled=" + sandbox,
                "--omnigate.stores-dir=target/no-store-files",
                "--omnigate.request-timeout=5s",
                "--omnigate.redis.url=" + SharedRedis.URL,
                "--omnigate.redis.key-prefix=" + prefix,
                // the build machine is shared: the 50 ms default could turn a busy moment into a 503
                "--omnigate.redis.command-timeout=2s"));
        args.addAll(more);
        List<Class<?>> all = new ArrayList<>(List.of(OmnigateApplication.class, TestClients.Registration.class));
        all.addAll(List.of(sources));
        return new SpringApplicationBuilder(all.toArray(Class<?>[]::new)).run(args.toArray(String[]::new));
    }

    static int port(ConfigurableApplicationContext context) {
        return context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
    }
}

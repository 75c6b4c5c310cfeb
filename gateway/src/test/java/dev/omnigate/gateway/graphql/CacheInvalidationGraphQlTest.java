package dev.omnigate.gateway.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import com.netflix.graphql.dgs.DgsQueryExecutor;
import dev.omnigate.gateway.support.GatewayTest;
import dev.omnigate.gateway.support.GraphQlClient;
import dev.omnigate.gateway.support.GraphQlClient.Answer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** {@code invalidateCache} (admin): each scope of invalidation, and arguments checked before anything is dropped. */
@GatewayTest
final class CacheInvalidationGraphQlTest {

    @Autowired
    DgsQueryExecutor executor;

    GraphQlClient graphql;

    @BeforeEach
    void setUp() {
        graphql = new GraphQlClient(executor);
    }

    @Test
    void eachScopeOfInvalidationSaysWhatWasDropped() {
        assertThat(graphql.execute("mutation { invalidateCache { scope entriesLeft } }").<String>read("$.data.invalidateCache.scope"))
                .isEqualTo("every entry");
        assertThat(graphql.execute("mutation { invalidateCache(account: \"shop-us\") { scope } }").<String>read("$.data.invalidateCache.scope"))
                .isEqualTo("every entry of account shop-us");
        assertThat(graphql.execute("mutation { invalidateCache(kind: INVENTORY) { scope } }").<String>read("$.data.invalidateCache.scope"))
                .isEqualTo("every INVENTORY entry");
        assertThat(graphql.execute("mutation { invalidateCache(kind: PRICES, account: \"shop-us\", id: \"MUG-1\") { scope } }")
                .<String>read("$.data.invalidateCache.scope")).isEqualTo("the PRICES entries of MUG-1 in account shop-us");
    }

    @Test
    void badArgumentsAreBadRequests() {
        Answer idAlone = graphql.execute("mutation { invalidateCache(id: \"MUG-1\") { scope } }");
        Answer unknownAccount = graphql.execute("mutation { invalidateCache(account: \"nope\") { scope } }");

        assertThat(idAlone.errorExtensions()).singleElement().satisfies(extensions -> assertThat(extensions).containsEntry("code", "BAD_REQUEST"));
        assertThat(idAlone.errors().getFirst().get("message")).asString().contains("'id' needs 'kind' and 'account'");
        assertThat(unknownAccount.errors().getFirst().get("message")).asString().contains("names no configured account");
    }
}

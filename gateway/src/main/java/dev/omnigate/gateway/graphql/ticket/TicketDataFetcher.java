package dev.omnigate.gateway.graphql.ticket;

import com.netflix.graphql.dgs.DgsComponent;
import com.netflix.graphql.dgs.DgsData;
import com.netflix.graphql.dgs.DgsDataFetchingEnvironment;
import dev.omnigate.connector.api.model.Ticket;
import dev.omnigate.gateway.ids.GlobalId;
import dev.omnigate.gateway.ids.GlobalIdType;

/** The computed fields of {@code Ticket}. */
@DgsComponent
public class TicketDataFetcher {

    @DgsData(parentType = "Ticket", field = "id")
    public String id(DgsDataFetchingEnvironment environment) {
        Ticket ticket = environment.getSource();
        return GlobalId.encode(GlobalIdType.Ticket, ticket.source());
    }
}

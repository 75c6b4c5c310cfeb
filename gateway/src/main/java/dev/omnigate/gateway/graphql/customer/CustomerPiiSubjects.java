package dev.omnigate.gateway.graphql.customer;

import dev.omnigate.connector.api.model.Customer;
import dev.omnigate.gateway.ids.GlobalId;
import dev.omnigate.gateway.ids.GlobalIdType;
import dev.omnigate.gateway.security.graphql.PiiSubjects;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Whose personal data a field returned, for the audit trail: a customer record is its own subject; a customer-360
 * profile's merged fields (emails, phones, name) come from every merged record, so each of them is a subject.
 */
@Component
public class CustomerPiiSubjects implements PiiSubjects {

    @Override
    public List<String> customersOf(Object source) {
        return switch (source) {
            case Customer customer -> List.of(GlobalId.encode(GlobalIdType.Customer, customer.source()));
            case Customer360View.Identity identity -> List.of(GlobalId.encode(GlobalIdType.Customer, identity.source()));
            case Customer360View profile -> profile.identities().stream()
                    .map(identity -> GlobalId.encode(GlobalIdType.Customer, identity.source()))
                    .toList();
            case null, default -> List.of();
        };
    }
}

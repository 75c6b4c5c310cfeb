package dev.omnigate.simulator.shopify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class SearchQueryTest {

    record Person(long id, String name, String email, String phone, Instant createdAt) {
    }

    private static final Person AVA = new Person(10, "Ava Chen", "ava.chen@example.com", "+14155550142",
            Instant.parse("2025-02-14T19:05:12Z"));
    private static final Person LIAM = new Person(20, "Liam Smith", "liam.smith@example.net", null,
            Instant.parse("2026-03-01T00:00:00Z"));
    private static final Person MEI = new Person(30, "Mei Nakamura", "mei.n@example.org", "+15035550177",
            Instant.parse("2026-10-30T12:00:00Z"));
    private static final List<Person> PEOPLE = List.of(AVA, LIAM, MEI);

    private static final SearchQuery.Fields<Person> FIELDS;

    static {
        Map<String, SearchQuery.Field<Person>> fields = new LinkedHashMap<>();
        fields.put("id", new SearchQuery.Field<>(SearchQuery.Kind.NUMBER, p -> List.of(p.id())));
        fields.put("email", new SearchQuery.Field<>(SearchQuery.Kind.TEXT, p -> List.of(p.email())));
        fields.put("phone", new SearchQuery.Field<>(SearchQuery.Kind.PHONE, p -> p.phone() == null ? List.of() : List.of(p.phone())));
        fields.put("created_at", new SearchQuery.Field<>(SearchQuery.Kind.DATE, p -> List.of(p.createdAt())));
        FIELDS = new SearchQuery.Fields<>(fields, p -> List.of(p.name(), p.email()));
    }

    private static List<Person> search(String query) {
        SearchQuery<Person> parsed = SearchQuery.parse(query, FIELDS);
        return PEOPLE.stream().filter(parsed::matches).toList();
    }

    @Test
    void emptyQueryMatchesEverything() {
        assertThat(search(null)).isEqualTo(PEOPLE);
        assertThat(search("  ")).isEqualTo(PEOPLE);
    }

    @Test
    void emailsMatchCaseInsensitivelyQuotedOrNotAndByPrefix() {
        assertThat(search("email:AVA.CHEN@example.com")).containsExactly(AVA);
        assertThat(search("email:\"ava.chen@example.com\"")).containsExactly(AVA);
        assertThat(search("email:liam*")).containsExactly(LIAM);
        assertThat(search("email:ava")).isEmpty();
    }

    @Test
    void phonesMatchWhateverTheFormat() {
        assertThat(search("phone:+14155550142")).containsExactly(AVA);
        assertThat(search("phone:4155550142")).containsExactly(AVA);
        assertThat(search("phone:\"(415) 555-0142\"")).containsExactly(AVA);
        assertThat(search("phone:+14155550143")).isEmpty();
    }

    @Test
    void combinesWithOrAndAndNotAndParentheses() {
        assertThat(search("id:10 OR id:30")).containsExactly(AVA, MEI);
        assertThat(search("id:>=20 AND email:mei*")).containsExactly(MEI);
        assertThat(search("id:>=20 email:mei*")).containsExactly(MEI);
        assertThat(search("-id:20")).containsExactly(AVA, MEI);
        assertThat(search("NOT id:20")).containsExactly(AVA, MEI);
        assertThat(search("(id:10 OR id:20) AND phone:4155550142")).containsExactly(AVA);
        assertThat(search("id:<20")).containsExactly(AVA);
    }

    @Test
    void comparesDatesGivenAsInstantsDateTimesOrDays() {
        assertThat(search("created_at:>=2026-01-01T00:00:00Z")).containsExactly(LIAM, MEI);
        assertThat(search("created_at:<2026-03-01")).containsExactly(AVA);
        assertThat(search("created_at:<='2026-03-01T00:00:00'")).containsExactly(AVA, LIAM);
        assertThat(search("created_at:>=not-a-date")).isEmpty();
    }

    @Test
    void freeTextMatchesNameOrEmail() {
        assertThat(search("nakamura")).containsExactly(MEI);
        assertThat(search("\"Ava Chen\"")).containsExactly(AVA);
        assertThat(search("example.net")).containsExactly(LIAM);
    }

    @Test
    void unknownFieldsAreIgnoredAndReported() {
        SearchQuery<Person> parsed = SearchQuery.parse("colour:red id:10", FIELDS);
        assertThat(PEOPLE.stream().filter(parsed::matches).toList()).containsExactly(AVA);
        assertThat(parsed.invalidFields()).containsExactly("colour");
        assertThat(search("NOT colour:red")).isEqualTo(PEOPLE);
        assertThat(search("colour:red OR id:30")).containsExactly(MEI);
    }
}

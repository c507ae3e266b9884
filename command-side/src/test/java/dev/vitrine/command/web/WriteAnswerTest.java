package dev.vitrine.command.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import reactor.core.publisher.Mono;

class WriteAnswerTest {

    private static final URI LOCATION = URI.create("/api/galleries/1");

    @Test
    void the_changed_resource_goes_out_with_the_routes_status() {
        ResponseEntity<String> changed =
                WriteAnswer.of(Mono.just("renamed"), HttpStatus.OK, LOCATION).block();
        ResponseEntity<String> created =
                WriteAnswer.of(Mono.just("new"), HttpStatus.CREATED, LOCATION).block();

        assertThat(changed.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(changed.getBody()).isEqualTo("renamed");
        assertThat(changed.getHeaders().getLocation()).isNull();
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(created.getBody()).isEqualTo("new");
        assertThat(created.getHeaders().getLocation()).isEqualTo(LOCATION);
    }

    @Test
    void a_read_model_that_has_not_caught_up_gives_202_with_where_to_read_never_an_empty_200() {
        ResponseEntity<String> answer =
                WriteAnswer.<String>of(Mono.empty(), HttpStatus.OK, LOCATION).block();

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(answer.hasBody()).isFalse();
        assertThat(answer.getHeaders().getLocation()).isEqualTo(LOCATION);
    }
}
